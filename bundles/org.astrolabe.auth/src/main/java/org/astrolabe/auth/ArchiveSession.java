package org.astrolabe.auth;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.astrolabe.core.auth.AuthSession;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.http.HttpRequest;

/**
 * A plain {@link AuthSession}: fixed headers and/or a TLS context for a set of origins. This is
 * what {@link SessionManager} builds, and what another plug-in can build to hand its own session
 * to Astrolabe ({@link SessionManager#adopt(AuthSession)}). {@code toString} shows the archive,
 * origins, method and header names, never their values.
 *
 * @param archive the archive's normalised service URL
 * @param origins where the credentials may go; not empty
 * @param securityMethod the IVOA SSO standard id in use, or ""
 * @param credentialHeaders headers for every request to those origins
 * @param sslContext client certificate and/or trust for those origins
 */
public record ArchiveSession(URI archive, Set<Origin> origins, String securityMethod,
        List<HttpRequest.Parameter> credentialHeaders, Optional<SSLContext> sslContext) implements AuthSession {

    /** @throws IllegalArgumentException if there is no origin; NullPointerException on null parts */
    public ArchiveSession {
        Objects.requireNonNull(archive, "archive");
        origins = Set.copyOf(origins);
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("A session for " + archive + " needs at least one origin");
        }
        securityMethod = Objects.requireNonNullElse(securityMethod, "");
        credentialHeaders = List.copyOf(credentialHeaders);
        Objects.requireNonNull(sslContext, "sslContext");
    }

    // Identity semantics: two logins with equal parts are still two sessions (pools are per session).
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "ArchiveSession[" + archive + ", " + origins + ", " + (securityMethod.isEmpty() ? "trust only"
                : securityMethod) + ", headers " + credentialHeaders.stream().map(HttpRequest.Parameter::name).toList()
                + (sslContext.isPresent() ? ", own TLS context" : "") + "]";
    }
}
