package org.astrolabe.auth;

import java.net.URI;

import org.astrolabe.core.AuthenticationException;

/**
 * Credentials that cannot be used: an unreadable or malformed certificate file, a wrong
 * passphrase, a certificate outside its validity period, a login endpoint that refused the user.
 * The message says which and never contains a secret.
 */
public class CredentialException extends AuthenticationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a sentence for the user, without secrets
     * @param uri the file or service concerned, or {@code null}
     */
    public CredentialException(String message, URI uri) {
        super(message, uri, true);
    }
}
