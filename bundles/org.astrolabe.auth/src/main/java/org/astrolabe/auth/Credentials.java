package org.astrolabe.auth;

import java.util.Objects;

/**
 * What a user logs in with. The records never show their secrets in {@code toString}; password
 * arrays belong to the caller, who may clear them after login.
 */
public sealed interface Credentials {

    /**
     * A user name and password, for a UMS login endpoint or HTTP Basic.
     *
     * @param user the user name, not blank
     * @param password the password, not empty
     */
    record Password(String user, char[] password) implements Credentials {
        /** @throws IllegalArgumentException if the user name is blank or the password empty */
        public Password {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("A user name is required");
            }
            if (password == null || password.length == 0) {
                throw new IllegalArgumentException("No password given for user " + user);
            }
            password = password.clone();
        }

        @Override
        public char[] password() {
            return password.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Password p && p.user.equals(user) && java.util.Arrays.equals(p.password, password);
        }

        @Override
        public int hashCode() {
            return user.hashCode();
        }

        @Override
        public String toString() {
            return "Password[user=" + user + ", password=***]";
        }
    }

    /**
     * A client certificate with its private key.
     *
     * @param certificate the certificate, already read and checked
     */
    record Certificate(ClientCertificate certificate) implements Credentials {
        /** @throws NullPointerException if the certificate is null */
        public Certificate {
            Objects.requireNonNull(certificate, "certificate");
        }
    }

    /**
     * A bearer token, e.g. read from a file.
     *
     * @param token the token, not blank; no line breaks
     */
    record Token(String token) implements Credentials {
        /** @throws IllegalArgumentException if the token is blank or has line breaks or spaces */
        public Token {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("The token is empty");
            }
            token = token.strip();
            if (token.chars().anyMatch(c -> c <= ' ' || c == 127)) {
                throw new IllegalArgumentException("A token must be one word without spaces or line breaks");
            }
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    /**
     * A session cookie, e.g. {@code CADC_SSO}.
     *
     * @param name the cookie name
     * @param value its value, sent as it is
     */
    record Cookie(String name, String value) implements Credentials {
        /** @throws IllegalArgumentException if the name or value is blank or the name has separators */
        public Cookie {
            if (name == null || name.isBlank() || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new IllegalArgumentException("Not a cookie name: " + name);
            }
            if (value == null || value.isBlank() || value.chars().anyMatch(c -> c < ' ' || c == ';' || c == 127)) {
                throw new IllegalArgumentException("Cookie " + name + " has an empty or malformed value");
            }
        }

        @Override
        public String toString() {
            return "Cookie[" + name + "=***]";
        }
    }
}
