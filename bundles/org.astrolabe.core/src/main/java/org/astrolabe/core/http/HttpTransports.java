package org.astrolabe.core.http;

import org.astrolabe.core.internal.http.HttpClient5Transport;

/**
 * Astrolabe's HTTP transport for code that runs without OSGi (plain Java programs, scripts,
 * benchmarks, unit tests). Inside an OSGi framework get the {@link HttpTransport} service instead,
 * so that every client shares one connection pool.
 */
public final class HttpTransports {

    private HttpTransports() {
    }

    /**
     * @param settings time-outs, User-Agent and pool size
     * @return a new transport with its own connection pool; thread-safe
     */
    public static HttpTransport create(TransportSettings settings) {
        return new HttpClient5Transport(settings);
    }
}
