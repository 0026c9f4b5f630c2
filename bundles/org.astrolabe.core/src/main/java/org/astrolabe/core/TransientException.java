package org.astrolabe.core;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The service could not be reached or is temporarily unable to answer: connection refused,
 * unknown host, time-out, a broken connection, HTTP 502/503/504. Trying again later may work;
 * {@link #retryAfter()} is the delay the server asked for, if it gave one.
 */
public class TransientException extends AstrolabeException {
    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    /**
     * @param message sentence for a user, naming the host or URL
     * @param uri the resource concerned
     * @param retryAfter the server's {@code Retry-After}, or {@code null}
     * @param cause the network failure, or {@code null}
     */
    public TransientException(String message, URI uri, Duration retryAfter, Throwable cause) {
        super(message, uri, cause);
        this.retryAfter = retryAfter;
    }

    /** @return the delay requested by the server, if any */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
