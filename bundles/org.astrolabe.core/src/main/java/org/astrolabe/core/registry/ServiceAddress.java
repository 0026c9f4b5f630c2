package org.astrolabe.core.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a service is: either its base URL ({@code http}/{@code https}) or its IVOA identifier
 * ({@code ivo://authority/path}), which a registry resolves. Immutable and thread-safe.
 *
 * @param uri an absolute http(s) URL with a host, or an {@code ivo://} identifier with an authority
 */
public record ServiceAddress(URI uri) {

    /** @throws IllegalArgumentException naming the URI when it is neither an http(s) URL nor an ivo:// identifier */
    public ServiceAddress {
        if (uri == null) {
            throw new IllegalArgumentException("No service address given");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (uri.getHost() == null || uri.getHost().isEmpty()) {
                    throw new IllegalArgumentException("Service URL has no host name: " + uri);
                }
            }
            case "ivo" -> {
                if (uri.getAuthority() == null || uri.getAuthority().length() < 3) {
                    throw new IllegalArgumentException("An IVOA identifier needs an authority (ivo://authority/path): "
                            + uri);
                }
            }
            default -> throw new IllegalArgumentException(
                    "Not a service URL (http:// or https://) nor an IVOA identifier (ivo://): " + uri);
        }
    }

    /**
     * @param text a URL or ivo:// identifier; a trailing slash is removed
     * @return the address
     * @throws IllegalArgumentException naming the text when it is not one
     */
    public static ServiceAddress parse(String text) {
        String t = text == null ? "" : text.strip();
        while (t.endsWith("/") && t.length() > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return new ServiceAddress(new URI(t));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid URL or IVOA identifier: '" + text + "'");
        }
    }

    /** @return {@code true} for an {@code ivo://} identifier that a registry must resolve */
    public boolean isIvoId() {
        return "ivo".equalsIgnoreCase(uri.getScheme());
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
