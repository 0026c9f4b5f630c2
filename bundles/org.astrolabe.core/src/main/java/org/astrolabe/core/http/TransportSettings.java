package org.astrolabe.core.http;

import java.time.Duration;

/**
 * Settings of an {@link HttpTransport}.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout how long a read may wait for the next bytes (not the whole transfer)
 * @param userAgent the User-Agent header; must not contain "Mozilla" (some services then answer
 *        with HTML instead of XML)
 * @param maxConnectionsPerHost size of the connection pool per host
 */
public record TransportSettings(Duration connectTimeout, Duration readTimeout, String userAgent,
        int maxConnectionsPerHost) {

    /** Astrolabe's default User-Agent. */
    public static final String DEFAULT_USER_AGENT = "Astrolabe/0.1 (IVOA client; Java)";

    /**
     * @throws IllegalArgumentException if a time-out is not positive or the pool size is below 1
     */
    public TransportSettings {
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("Connect time-out must be positive: " + connectTimeout);
        }
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("Read time-out must be positive: " + readTimeout);
        }
        if (userAgent == null || userAgent.isBlank()) {
            userAgent = DEFAULT_USER_AGENT;
        }
        if (maxConnectionsPerHost < 1) {
            throw new IllegalArgumentException("Connections per host must be at least 1: " + maxConnectionsPerHost);
        }
    }

    /** @return 30 s to connect, 300 s between bytes, default User-Agent, 8 connections per host */
    public static TransportSettings defaults() {
        return new TransportSettings(Duration.ofSeconds(30), Duration.ofSeconds(300), DEFAULT_USER_AGENT, 8);
    }

    /** @return a copy with both time-outs set to {@code timeout} */
    public TransportSettings withTimeout(Duration timeout) {
        return new TransportSettings(timeout, timeout, userAgent, maxConnectionsPerHost);
    }
}
