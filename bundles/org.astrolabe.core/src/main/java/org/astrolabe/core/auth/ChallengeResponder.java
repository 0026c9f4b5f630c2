package org.astrolabe.core.auth;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.http.HttpTransport;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Answers an HTTP 401 challenge ({@code WWW-Authenticate}) with a new session, asking the user
 * for credentials when needed. The HTTP transport consults this service (optional; provided by
 * {@code org.astrolabe.auth}) once per request: when it returns a session, the transport registers
 * nothing itself and sends the request once more; otherwise the 401 goes to the caller.
 */
public interface ChallengeResponder {

    /**
     * @param uri the URL that answered 401
     * @param challenges the challenges of its {@code WWW-Authenticate} headers, in order
     * @param current the session that was used for the request, if any (its credentials were
     *        refused or not enough)
     * @param transport the transport to use for a login request
     * @param monitor progress and cancellation, may be {@code null}
     * @return a session now registered for the origin of {@code uri}, or empty to give up
     * @throws AstrolabeException when a login was attempted and failed (refused credentials, bad
     *         certificate, network); the message names the service, never a secret
     */
    Optional<AuthSession> respond(URI uri, List<AuthChallenge> challenges, Optional<AuthSession> current,
            HttpTransport transport, IProgressMonitor monitor) throws AstrolabeException;
}
