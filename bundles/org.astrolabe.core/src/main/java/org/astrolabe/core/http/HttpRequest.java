package org.astrolabe.core.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One HTTP request as Astrolabe's protocol clients describe it: method, URI, extra headers and,
 * for POST, URL-encoded form parameters. Immutable; the {@code with...} methods return copies.
 *
 * @param method {@code GET}, {@code POST}, {@code DELETE} or {@code HEAD}
 * @param uri an absolute {@code http} or {@code https} URI
 * @param headers extra request headers (the transport adds User-Agent itself)
 * @param form form parameters, sent URL-encoded in the body of a POST, or appended to the query
 *        string of any other method
 * @param followRedirects whether 3xx answers are followed (UWS DELETE must not follow its 303)
 */
public record HttpRequest(String method, URI uri, List<Parameter> headers, List<Parameter> form,
        boolean followRedirects) {

    /** A name/value pair, for headers and form parameters. */
    public record Parameter(String name, String value) {
        /**
         * @throws IllegalArgumentException if the name is blank or the value {@code null}
         */
        public Parameter {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A parameter needs a name");
            }
            Objects.requireNonNull(value, () -> "Parameter " + name + " has no value");
        }
    }

    /**
     * @throws IllegalArgumentException if the method is not one of GET, POST, DELETE, HEAD, or the
     *         URI is not absolute http(s)
     */
    public HttpRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "DELETE", "HEAD").contains(method)) {
            throw new IllegalArgumentException("Unsupported HTTP method: " + method);
        }
        requireHttpUri(uri);
        headers = List.copyOf(headers);
        form = List.copyOf(form);
    }

    /**
     * Checks that {@code uri} can be sent by the transport.
     *
     * @param uri the URI to check
     * @return {@code uri}
     * @throws IllegalArgumentException naming the URI when it is not absolute http(s) with a host
     */
    public static URI requireHttpUri(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("No URL given");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Not an http or https URL: " + uri);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("URL has no host name: " + uri);
        }
        return uri;
    }

    /** @return a GET of {@code uri} that follows redirects */
    public static HttpRequest get(URI uri) {
        return new HttpRequest("GET", uri, List.of(), List.of(), true);
    }

    /** @return a form POST to {@code uri} that follows redirects */
    public static HttpRequest post(URI uri, List<Parameter> form) {
        return new HttpRequest("POST", uri, List.of(), form, true);
    }

    /** @return a copy with one more header */
    public HttpRequest withHeader(String name, String value) {
        List<Parameter> h = new ArrayList<>(headers);
        h.add(new Parameter(name, value));
        return new HttpRequest(method, uri, h, form, followRedirects);
    }

    /** @return a copy that follows (or not) redirects */
    public HttpRequest withFollowRedirects(boolean follow) {
        return new HttpRequest(method, uri, headers, form, follow);
    }

    /** @return a copy with the same settings addressed to {@code target} with {@code newMethod} */
    public HttpRequest redirectedTo(URI target, String newMethod, boolean keepForm) {
        return new HttpRequest(newMethod, target, headers, keepForm ? form : List.of(), followRedirects);
    }

    @Override
    public String toString() {
        // Headers may carry credentials: never print their values.
        return method + " " + uri + " (" + headers.size() + " headers, " + form.size() + " form parameters)";
    }
}
