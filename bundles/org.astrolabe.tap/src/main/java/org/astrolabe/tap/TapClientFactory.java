package org.astrolabe.tap;

import java.net.URI;

import org.astrolabe.core.http.TransportSettings;

/**
 * Makes {@link TapClient}s, one per service endpoint. Published as an OSGi service; get it with
 * {@code @Reference TapClientFactory}. Thread-safe.
 */
public interface TapClientFactory {

    /**
     * @param baseUrl the TAP service's base URL, e.g. {@code https://ws.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus};
     *        a trailing slash or a trailing {@code /sync} is removed
     * @return a client for that service; creating it does not contact the service
     * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL
     */
    TapClient create(URI baseUrl);

    /**
     * @param baseUrl as for {@link #create(URI)}
     * @param settings time-outs and User-Agent for this client's requests
     * @return a client for that service using its own connections
     * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL
     */
    TapClient create(URI baseUrl, TransportSettings settings);
}
