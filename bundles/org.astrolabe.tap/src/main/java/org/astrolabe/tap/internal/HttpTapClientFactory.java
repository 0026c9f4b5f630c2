package org.astrolabe.tap.internal;

import java.net.URI;

import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link TapClientFactory} whose clients talk HTTP through the shared {@link HttpTransport}. */
@Component(service = TapClientFactory.class)
public final class HttpTapClientFactory implements TapClientFactory {

    private final HttpTransport transport;

    /** @param transport the HTTP transport service */
    @Activate
    public HttpTapClientFactory(@Reference HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public TapClient create(URI baseUrl) {
        return new HttpTapClient(normalise(baseUrl), transport);
    }

    @Override
    public TapClient create(URI baseUrl, TransportSettings settings) {
        return new HttpTapClient(normalise(baseUrl), transport.withSettings(settings));
    }

    static URI normalise(URI baseUrl) {
        HttpRequest.requireHttpUri(baseUrl);
        String s = baseUrl.toString();
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("A TAP base URL has no query or fragment: " + baseUrl);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        for (String tail : new String[] {"/sync", "/async"}) {
            if (s.endsWith(tail)) {
                s = s.substring(0, s.length() - tail.length());
            }
        }
        return URI.create(s);
    }
}
