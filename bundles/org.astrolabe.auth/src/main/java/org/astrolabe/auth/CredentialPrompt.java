package org.astrolabe.auth;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Asks the user for credentials when a service challenges a request (HTTP 401). The UI implements
 * it with a dialog, the command line with a terminal prompt; publish it as an OSGi service. With
 * none registered, a challenge ends in an {@link org.astrolabe.core.AuthenticationException}
 * saying that a login is required.
 *
 * <p>Only {@link #askPassword(URI, String)} is required; a prompt that can also pick a client
 * certificate file overrides {@link #askCertificate(URI, String)}, {@link #askPassphrase(Path)}
 * and {@link #preference()} (to include {@link LoginOptions#CERTIFICATE}).
 */
public interface CredentialPrompt {

    /**
     * @param service the URL that asked for a login
     * @param realm the realm or method the server named, for the user, or ""
     * @return the user's answer, or empty when the user cancelled or cannot be asked (no terminal)
     */
    Optional<Credentials.Password> askPassword(URI service, String realm);

    /**
     * The security methods this prompt can get credentials for, most preferred first (the user's
     * order, e.g. the command line's {@code --auth-order}). When a challenge offers several
     * schemes, the first of these that the challenge allows is used.
     *
     * @return IVOA SSO standard ids from {@link LoginOptions}; by default the password-based ones
     */
    default List<String> preference() {
        return List.of(LoginOptions.TOKEN, LoginOptions.COOKIE, LoginOptions.BASIC);
    }

    /**
     * Asks for a client certificate file (PEM with its key, or PKCS#12) for a service that
     * challenged with {@code ivoa_x509}.
     *
     * @param service the URL that asked for a certificate
     * @param hint a sentence for the user (e.g. where the service says a certificate can be had), or ""
     * @return the file, or empty when the user declined
     * @throws CredentialException when the user cannot be asked and the prompt can say what to do
     *         instead (e.g. no terminal: "use --cert FILE")
     */
    default Optional<Path> askCertificate(URI service, String hint) throws CredentialException {
        return Optional.empty();
    }

    /**
     * Asks for the passphrase of a certificate file that needs one.
     *
     * @param file the certificate file
     * @return the passphrase (the caller clears the array), or empty when the user declined
     * @throws CredentialException when the user cannot be asked and the prompt can say why
     */
    default Optional<char[]> askPassphrase(Path file) throws CredentialException {
        return Optional.empty();
    }
}
