package org.astrolabe.auth;

import java.net.URI;
import java.util.Optional;

/**
 * Asks the user for credentials when a service challenges a request (HTTP 401). The UI implements
 * it with a dialog, the command line with a terminal prompt; publish it as an OSGi service. With
 * none registered, a challenge ends in an {@link org.astrolabe.core.AuthenticationException}
 * saying that a login is required.
 */
public interface CredentialPrompt {

    /**
     * @param service the URL that asked for a login
     * @param realm the realm or method the server named, for the user, or ""
     * @return the user's answer, or empty when the user cancelled or cannot be asked (no terminal)
     */
    Optional<Credentials.Password> askPassword(URI service, String realm);
}
