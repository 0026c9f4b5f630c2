package org.astrolabe.core.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One HTTP request as Astrolabe's protocol clients describe it: method, URI, extra headers and,
 * for POST, URL-encoded form parameters or, when {@link #parts()} is not empty, a
 * {@code multipart/form-data} body (the form parameters become its text parts, followed by the
 * parts). Immutable and thread-safe; the {@code with...} methods return copies.
 *
 * @param method {@code GET}, {@code POST}, {@code DELETE} or {@code HEAD}
 * @param uri an absolute {@code http} or {@code https} URI
 * @param headers extra request headers (the transport adds User-Agent itself)
 * @param form form parameters, sent URL-encoded in the body of a POST, or appended to the query
 *        string of any other method
 * @param followRedirects whether 3xx answers are followed (UWS DELETE must not follow its 303)
 * @param parts file parts of a multipart POST; empty for an ordinary request
 */
public record HttpRequest(String method, URI uri, List<Parameter> headers, List<Parameter> form,
        boolean followRedirects, List<Part> parts) {

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
     * One file part of a {@code multipart/form-data} body, streamed from a local file when sent
     * (never read into memory).
     *
     * @param name the form field name (for a TAP upload, the name the {@code UPLOAD} parameter
     *        points to with {@code param:name})
     * @param file a readable regular file
     * @param fileName the file name announced in the part's Content-Disposition
     * @param mediaType the part's Content-Type, e.g. {@code application/x-votable+xml}
     */
    public record Part(String name, java.nio.file.Path file, String fileName, String mediaType) {
        /**
         * @throws IllegalArgumentException if the name is blank, or the file or media type missing
         */
        public Part {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A multipart part needs a name");
            }
            Objects.requireNonNull(file, () -> "Part " + name + " has no file");
            if (fileName == null || fileName.isBlank()) {
                fileName = file.getFileName() == null ? name : file.getFileName().toString();
            }
            if (mediaType == null || mediaType.isBlank()) {
                throw new IllegalArgumentException("Part " + name + " has no media type");
            }
        }
    }

    /**
     * @throws IllegalArgumentException if the method is not one of GET, POST, DELETE, HEAD, the
     *         URI is not absolute http(s), or parts are given for a method other than POST
     */
    public HttpRequest {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        if (!List.of("GET", "POST", "DELETE", "HEAD").contains(method)) {
            throw new IllegalArgumentException("Unsupported HTTP method: " + method);
        }
        requireHttpUri(uri);
        headers = List.copyOf(headers);
        form = List.copyOf(form);
        parts = parts == null ? List.of() : List.copyOf(parts);
        if (!parts.isEmpty() && !method.equals("POST")) {
            throw new IllegalArgumentException("Only a POST can carry multipart parts, not " + method);
        }
    }

    /**
     * A request without multipart parts.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public HttpRequest(String method, URI uri, List<Parameter> headers, List<Parameter> form,
            boolean followRedirects) {
        this(method, uri, headers, form, followRedirects, List.of());
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
        return new HttpRequest(method, uri, h, form, followRedirects, parts);
    }

    /** @return a copy that follows (or not) redirects */
    public HttpRequest withFollowRedirects(boolean follow) {
        return new HttpRequest(method, uri, headers, form, follow, parts);
    }

    /** @return a copy with the same settings addressed to {@code target} with {@code newMethod} */
    public HttpRequest redirectedTo(URI target, String newMethod, boolean keepForm) {
        return new HttpRequest(newMethod, target, headers, keepForm ? form : List.of(), followRedirects,
                keepForm ? parts : List.of());
    }

    /**
     * @param uri where to POST
     * @param form text parts, sent first
     * @param multipart the file parts to send after the form parameters
     * @return a multipart POST to {@code uri} that follows redirects
     * @throws IllegalArgumentException if {@code uri} is not absolute http(s)
     */
    public static HttpRequest multipart(URI uri, List<Parameter> form, List<Part> multipart) {
        return new HttpRequest("POST", uri, List.of(), form, true, multipart);
    }

    @Override
    public String toString() {
        // Headers may carry credentials: never print their values.
        return method + " " + uri + " (" + headers.size() + " headers, " + form.size() + " form parameters"
                + (parts.isEmpty() ? "" : ", " + parts.size() + " multipart files") + ")";
    }
}
