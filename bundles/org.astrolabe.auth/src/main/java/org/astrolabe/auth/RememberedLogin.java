package org.astrolabe.auth;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A login kept in secure storage for a service: a user and password, a token, or the path of a
 * certificate file with its passphrase. {@code toString} never shows the secret.
 *
 * @param kind what is remembered
 * @param user the user name ({@link Kind#PASSWORD}), or ""
 * @param secret the password, token or passphrase; may be empty for a certificate without one
 * @param certificate the certificate file ({@link Kind#CERTIFICATE}), or empty
 */
public record RememberedLogin(Kind kind, String user, char[] secret, Optional<Path> certificate) {

    /** What is remembered. */
    public enum Kind {
        /** user name and password */
        PASSWORD,
        /** bearer token */
        TOKEN,
        /** certificate file and passphrase */
        CERTIFICATE
    }

    /** @throws IllegalArgumentException if the parts do not fit the kind */
    public RememberedLogin {
        Objects.requireNonNull(kind, "kind");
        user = Objects.requireNonNullElse(user, "");
        secret = secret == null ? new char[0] : secret.clone();
        Objects.requireNonNull(certificate, "certificate");
        if (kind == Kind.PASSWORD && (user.isBlank() || secret.length == 0)) {
            throw new IllegalArgumentException("A remembered password login needs a user and a password");
        }
        if (kind == Kind.TOKEN && secret.length == 0) {
            throw new IllegalArgumentException("A remembered token login needs a token");
        }
        if (kind == Kind.CERTIFICATE && certificate.isEmpty()) {
            throw new IllegalArgumentException("A remembered certificate login needs the certificate file");
        }
    }

    @Override
    public char[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RememberedLogin r && r.kind == kind && r.user.equals(user)
                && java.util.Arrays.equals(r.secret, secret) && r.certificate.equals(certificate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, user, certificate);
    }

    @Override
    public String toString() {
        return "RememberedLogin[" + kind + (user.isEmpty() ? "" : ", user=" + user)
                + certificate.map(p -> ", certificate=" + p).orElse("") + ", secret=***]";
    }
}
