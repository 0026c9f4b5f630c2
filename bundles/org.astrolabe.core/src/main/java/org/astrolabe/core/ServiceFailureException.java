package org.astrolabe.core;

import java.net.URI;

/**
 * The service answered, but reported that it could not do what was asked: an HTTP 5xx that is
 * not transient, an error document, or a TAP {@code QUERY_STATUS=ERROR}. The message carries the
 * service's own words where it gave any.
 */
public class ServiceFailureException extends AstrolabeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what the service said, as a sentence for a user
     * @param uri the resource that failed
     * @param cause the underlying failure, or {@code null}
     */
    public ServiceFailureException(String message, URI uri, Throwable cause) {
        super(message, uri, cause);
    }
}
