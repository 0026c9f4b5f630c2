package org.astrolabe.core.auth;

import java.net.URI;
import java.util.Locale;

import org.astrolabe.core.http.HttpRequest;

/**
 * A web origin: scheme, host and port (RFC 6454). Credentials are bound to origins, never to a
 * host name alone: {@code http://127.0.0.1:18080} and {@code http://localhost:18080} are two
 * different origins.
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host the host name or address, lower case
 * @param port the port, the scheme's default when the URL gives none
 */
public record Origin(String scheme, String host, int port) {

    /**
     * @throws IllegalArgumentException if the scheme is not http(s), the host is blank or the port
     *         is outside 1–65535
     */
    public Origin {
        scheme = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("An origin needs an http or https scheme, not '" + scheme + "'");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("An origin needs a host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port out of range: " + port);
        }
    }

    /**
     * @param uri an absolute http(s) URL
     * @return its origin
     * @throws IllegalArgumentException if {@code uri} is not an absolute http(s) URL with a host
     */
    public static Origin of(URI uri) {
        HttpRequest.requireHttpUri(uri);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new Origin(scheme, uri.getHost(), port);
    }

    /** @return {@code scheme://host:port} */
    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
