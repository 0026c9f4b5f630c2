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
        return new HttpClient5Transport(settings, newSessionRegistry(), null);
    }

    /**
     * @param settings time-outs, User-Agent and pool size
     * @param sessions the sessions to attach per origin (e.g. one shared with an auth session manager)
     * @param responder answers 401 challenges, or {@code null} to hand every 401 to the caller
     * @return a new transport with its own connection pool; thread-safe
     */
    public static HttpTransport create(TransportSettings settings, org.astrolabe.core.auth.SessionRegistry sessions,
            org.astrolabe.core.auth.ChallengeResponder responder) {
        return new HttpClient5Transport(settings, sessions, responder);
    }

    /** @return a new, empty session registry for use outside OSGi; thread-safe */
    public static org.astrolabe.core.auth.SessionRegistry newSessionRegistry() {
        return new org.astrolabe.core.internal.auth.MemorySessionRegistry();
    }

    /**
     * Connections of {@code transport}'s pool that are leased right now (handed out and not yet
     * given back): zero once every {@link HttpResult} has been closed. For leak checks in tests
     * and diagnostics.
     *
     * @param transport a transport made by {@link #create} or the {@link HttpTransport} service
     * @return the leased connections, or -1 when {@code transport} is not Astrolabe's own
     *         implementation (e.g. a wrapper)
     */
    public static int leasedConnections(HttpTransport transport) {
        return transport instanceof HttpClient5Transport own ? own.leasedConnections() : -1;
    }
}
