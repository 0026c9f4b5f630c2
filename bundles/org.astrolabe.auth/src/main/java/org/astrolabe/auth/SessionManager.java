package org.astrolabe.auth;

import java.net.URI;
import java.util.Optional;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.auth.AuthSession;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Logs in to an archive once for all its services. The session it builds is registered in core's
 * {@link org.astrolabe.core.auth.SessionRegistry}, so TAP, UWS, DataLink, SODA and downloads all
 * send its credentials to the archive's origins, and nowhere else. Published as an OSGi service;
 * thread-safe.
 */
public interface SessionManager {

    /**
     * Negotiates a security method from the service's VOSI capabilities (the interfaces'
     * {@code securityMethod}s, in the order of {@link LoginOptions#preference()}), logs in (a UMS
     * login endpoint for a password where a cookie or token is accepted), and registers the
     * session. A password for a service that advertises nothing is kept for HTTP Basic and sent
     * only when one of the archive's origins answers with a Basic challenge (on every request when
     * the preference puts {@link LoginOptions#BASIC} first).
     *
     * @param service the service's base URL (e.g. a TAP base URL)
     * @param credentials what to log in with
     * @param options preference order, trust, extra origins
     * @param monitor progress and cancellation, may be {@code null}
     * @return the session now in use for the archive
     * @throws CredentialException when the credentials are refused or unusable (expired
     *         certificate, no security method of the service matches them)
     * @throws AstrolabeException when the capabilities or the login endpoint cannot be reached
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled
     */
    AuthSession login(URI service, Credentials credentials, LoginOptions options, IProgressMonitor monitor)
            throws AstrolabeException;

    /**
     * @param service a service URL of the archive
     * @return the session in use for it, if logged in
     */
    Optional<AuthSession> session(URI service);

    /**
     * Removes the archive's session: no credential of it is sent any more, and the pooled
     * connections and TLS sessions that carried its certificate are closed. Remembered
     * credentials are not touched (see {@link CredentialStore#remove(URI)}).
     *
     * @param service a service URL of the archive
     * @return whether there was a session
     */
    boolean logout(URI service);

    /**
     * Uses a session built by another plug-in for its origins (the equivalent of astroquery's
     * {@code auth_session}).
     *
     * @param session the session to use from now on
     */
    void adopt(AuthSession session);
}
