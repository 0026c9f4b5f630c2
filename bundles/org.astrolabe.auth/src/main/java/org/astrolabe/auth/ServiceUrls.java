package org.astrolabe.auth;

import java.net.URI;
import java.util.Locale;

import org.astrolabe.core.http.HttpRequest;

/** Normalised service URLs, the keys of sessions and remembered logins. Stateless. */
public final class ServiceUrls {

    private ServiceUrls() {
    }

    /**
     * Lower-case scheme and host, no default port, no query, fragment or user info, no trailing
     * slash: {@code HTTPS://Example.org:443/tap/} becomes {@code https://example.org/tap}.
     *
     * @param service an absolute http(s) URL
     * @return the normalised URL
     * @throws IllegalArgumentException if {@code service} is not an absolute http(s) URL
     */
    public static URI normalise(URI service) {
        HttpRequest.requireHttpUri(service);
        String scheme = service.getScheme().toLowerCase(Locale.ROOT);
        int port = service.getPort();
        if (port == 80 && scheme.equals("http") || port == 443 && scheme.equals("https")) {
            port = -1;
        }
        String path = service.normalize().getRawPath() == null ? "" : service.normalize().getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + service.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port)
                + path);
    }
}
