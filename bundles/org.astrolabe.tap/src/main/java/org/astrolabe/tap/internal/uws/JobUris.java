package org.astrolabe.tap.internal.uws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.astrolabe.core.http.HttpRequest;

/** URL arithmetic for TAP services and UWS jobs. Stateless. */
final class JobUris {

    /**
     * What a job id may look like when typed by a user: one URL path segment of unreserved and
     * sub-delimiter characters (DaCHS ids may start with '_'), never "." or "..".
     */
    private static final Pattern JOB_ID = Pattern.compile("(?!\\.\\.?$)[A-Za-z0-9._~!$&'()*+,;=:@-]+");

    private JobUris() {
    }

    /** @return {@code base/child} with one slash between them, base's query and fragment dropped */
    static URI child(URI base, String child) {
        String s = withoutQuery(base).toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return URI.create(s + "/" + child);
    }

    static URI withoutQuery(URI uri) {
        try {
            return new URI(uri.getScheme(), uri.getRawAuthority() == null ? null : uri.getAuthority(), uri.getPath(),
                    null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a usable URL: " + uri, e);
        }
    }

    /**
     * @return the TAP base URL: http(s), no query, no trailing slash, no trailing {@code /async} or {@code /sync}
     * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL
     */
    static URI service(URI service) {
        if (service == null) {
            throw new IllegalArgumentException("No TAP service given");
        }
        HttpRequest.requireHttpUri(service);
        if (service.getRawQuery() != null || service.getRawFragment() != null) {
            throw new IllegalArgumentException("A TAP base URL has no query or fragment: " + service);
        }
        String s = service.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        for (String tail : new String[] {"/sync", "/async"}) {
            if (s.endsWith(tail)) {
                s = s.substring(0, s.length() - tail.length());
            }
        }
        return URI.create(s);
    }

    /** @return {@code {service}/async} */
    static URI async(URI service) {
        return URI.create(service(service) + "/async");
    }

    /**
     * @return {@code idOrUrl} as a job URL, or {@code {service}/async/{id}}
     * @throws IllegalArgumentException when the text is blank, a non-http URL, or an id without a service
     */
    static URI job(URI service, String idOrUrl) {
        if (idOrUrl == null || idOrUrl.isBlank()) {
            throw new IllegalArgumentException("No job given: give a job id or a job URL");
        }
        String text = idOrUrl.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Not a valid job URL: " + text);
            }
            HttpRequest.requireHttpUri(uri);
            String s = withoutQuery(uri).toString();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            return URI.create(s);
        }
        if (!JOB_ID.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is neither a job id nor an http(s) job URL");
        }
        if (service == null) {
            throw new IllegalArgumentException("Job id '" + text + "' needs a service: give the TAP service, "
                    + "or the job's full URL");
        }
        return URI.create(async(service) + "/" + text);
    }

    /** @return the last path segment of a job URL: its id */
    static String idOf(URI job) {
        String path = job.getPath() == null ? "" : job.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
