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
 * certificate file overrides {@link #askCertificate(URI, String)} and {@link #preference()} (to
 * include {@link LoginOptions#CERTIFICATE}).
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
     * A certificate file the user chose, with its passphrase when it needs one. {@code toString}
     * never shows the passphrase.
     *
     * @param file the certificate file (PEM with its key, or PKCS#12)
     * @param passphrase its passphrase, or {@code null} when none was given
     */
    record CertificateFile(Path file, char[] passphrase) {
        /** @throws NullPointerException if the file is null */
        public CertificateFile {
            java.util.Objects.requireNonNull(file, "file");
            passphrase = passphrase == null || passphrase.length == 0 ? null : passphrase.clone();
        }

        /** @return a copy of the passphrase (the caller clears it), or {@code null} */
        @Override
        public char[] passphrase() {
            return passphrase == null ? null : passphrase.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CertificateFile c && c.file.equals(file) && java.util.Arrays.equals(c.passphrase,
                    passphrase);
        }

        @Override
        public int hashCode() {
            return file.hashCode();
        }

        @Override
        public String toString() {
            return "CertificateFile[" + file + (passphrase == null ? "" : ", passphrase=***") + "]";
        }
    }

    /**
     * Asks for a client certificate file (PEM with its key, or PKCS#12) and, when the file needs
     * one ({@link ClientCertificate#needsPassphrase(Path)}), its passphrase, for a service that
     * challenged with {@code ivoa_x509}.
     *
     * @param service the URL that asked for a certificate
     * @param hint a sentence for the user (e.g. where the service says a certificate can be had), or ""
     * @return the file and passphrase, or empty when the user declined
     * @throws CredentialException when the user cannot be asked and the prompt can say what to do
     *         instead (e.g. no terminal: "use --cert FILE")
     */
    default Optional<CertificateFile> askCertificate(URI service, String hint) throws CredentialException {
        return Optional.empty();
    }
}
