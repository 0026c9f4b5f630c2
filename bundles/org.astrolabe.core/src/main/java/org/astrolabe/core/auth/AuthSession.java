package org.astrolabe.core.auth;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.astrolabe.core.http.HttpRequest;

/**
 * The credentials of one archive, shared by all its services (TAP, UWS, DataLink, SODA,
 * downloads), and the origins they were negotiated for. The HTTP transport attaches
 * {@link #credentialHeaders()} to a request, and uses {@link #sslContext()} for its TLS
 * connections, only when the request's origin is one of {@link #origins()}; a redirect to any
 * other origin carries nothing.
 *
 * <p>Implementations must be immutable and thread-safe, and their {@code toString} must never
 * show a secret (tokens, passwords, keys).
 */
public interface AuthSession {

    /** @return the archive this session belongs to (its normalised service URL), for messages and logs */
    URI archive();

    /** @return the origins the credentials may be sent to; never empty */
    Set<Origin> origins();

    /**
     * @return the security method in use, an IVOA SSO standard id such as
     *         {@code ivo://ivoa.net/sso#cookie}, or "" for a session that carries only TLS trust
     */
    String securityMethod();

    /**
     * @return headers to add to every request sent to one of {@link #origins()}
     *         ({@code Authorization}, {@code Cookie}); empty when the session authenticates by
     *         client certificate only
     */
    List<HttpRequest.Parameter> credentialHeaders();

    /**
     * @return the TLS context for connections to {@link #origins()}: a client certificate and/or a
     *         private trust store; empty to use the default TLS settings (hostname and chain
     *         verification are always on)
     */
    Optional<SSLContext> sslContext();

    /**
     * @param uri a request URL
     * @return whether credentials of this session may be sent to {@code uri}
     */
    default boolean covers(URI uri) {
        try {
            return origins().contains(Origin.of(uri));
        } catch (IllegalArgumentException notHttp) {
            return false;
        }
    }
}
