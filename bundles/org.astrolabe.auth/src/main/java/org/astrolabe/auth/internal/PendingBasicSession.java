package org.astrolabe.auth.internal;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.astrolabe.auth.ArchiveSession;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.core.auth.AuthSession;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.http.HttpRequest;

/**
 * A password held for an archive that advertises no security method: nothing is sent until one
 * of its origins answers with a Basic challenge; then {@link #basic()} is the session to use.
 */
final class PendingBasicSession implements AuthSession {

    private final URI archive;
    private final Set<Origin> origins;
    private final Credentials.Password password;
    private final Optional<SSLContext> tls;

    PendingBasicSession(URI archive, Set<Origin> origins, Credentials.Password password, Optional<SSLContext> tls) {
        this.archive = archive;
        this.origins = Set.copyOf(origins);
        this.password = password;
        this.tls = tls;
    }

    @Override
    public URI archive() {
        return archive;
    }

    @Override
    public Set<Origin> origins() {
        return origins;
    }

    @Override
    public String securityMethod() {
        return "";
    }

    @Override
    public List<HttpRequest.Parameter> credentialHeaders() {
        return List.of();
    }

    @Override
    public Optional<SSLContext> sslContext() {
        return tls;
    }

    /** @return the same origins with the password sent as HTTP Basic on every request */
    AuthSession basic() {
        return basicSession(archive, origins, password, tls);
    }

    static ArchiveSession basicSession(URI archive, Set<Origin> origins, Credentials.Password password,
            Optional<SSLContext> tls) {
        String pair = password.user() + ":" + new String(password.password());
        String value = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new ArchiveSession(archive, origins, LoginOptions.BASIC, List.of(new HttpRequest.Parameter("Authorization",
                value)), tls);
    }

    @Override
    public String toString() {
        return "PendingBasicSession[" + archive + ", " + origins + ", user " + password.user() + "]";
    }
}
