package org.astrolabe.core;

import java.net.URI;

/**
 * The service requires credentials that were not given (HTTP 401), or refused the ones given
 * (HTTP 403). {@link #isDenied()} tells the two apart: log in, or ask for access.
 */
public class AuthenticationException extends AstrolabeException {
    private static final long serialVersionUID = 1L;

    private final boolean denied;

    /**
     * @param message sentence for a user, without credentials
     * @param uri the protected resource
     * @param denied {@code true} when credentials were presented and refused (403)
     */
    public AuthenticationException(String message, URI uri, boolean denied) {
        this(message, uri, denied, null);
    }

    /**
     * @param message sentence for a user, without credentials
     * @param uri the protected resource
     * @param denied {@code true} when credentials were presented and refused
     * @param cause the underlying failure (e.g. the TLS connection the server closed), or {@code null}
     */
    public AuthenticationException(String message, URI uri, boolean denied, Throwable cause) {
        super(message, uri, cause);
        this.denied = denied;
    }

    /** @return {@code true} for access denied, {@code false} for authentication required */
    public boolean isDenied() {
        return denied;
    }
}
