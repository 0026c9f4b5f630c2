package org.astrolabe.core;

import java.net.URI;

/**
 * Root of Astrolabe's checked failures. Each subclass names what the caller must decide
 * (retry later, log in, fix the query, give up), and every message names the URL or job
 * concerned so that it can be shown to a user as it is.
 *
 * <p>Cancellation is never reported through this hierarchy: cancelled operations throw
 * {@link org.eclipse.core.runtime.OperationCanceledException}.
 */
public abstract class AstrolabeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final URI uri;

    /**
     * @param message a complete sentence for a user; must not contain credentials
     * @param uri the resource concerned, or {@code null} when none applies
     * @param cause the underlying failure, or {@code null}
     */
    protected AstrolabeException(String message, URI uri, Throwable cause) {
        super(message, cause);
        this.uri = uri;
    }

    /** @return the resource concerned, or {@code null} when none applies */
    public URI uri() {
        return uri;
    }
}
