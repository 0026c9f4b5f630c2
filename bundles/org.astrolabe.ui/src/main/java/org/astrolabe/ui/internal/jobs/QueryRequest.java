package org.astrolabe.ui.internal.jobs;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

import org.astrolabe.tap.TapQuery;

/**
 * What the user asked to run: a TAP service and a query for it.
 *
 * @param service the service's base URL, absolute http(s)
 * @param query the ADQL and MAXREC
 */
public record QueryRequest(URI service, TapQuery query) {

    /** @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL with a host */
    public QueryRequest {
        Objects.requireNonNull(query, "query");
        requireHttpUrl(Objects.requireNonNull(service, "service"));
    }

    /**
     * Reads the Query view's form.
     *
     * @param url the service URL as typed; blanks around it are ignored
     * @param adql the ADQL as typed
     * @param maxrec the row limit to send
     * @return the request
     * @throws IllegalArgumentException with a message for the user when a field is unusable
     */
    public static QueryRequest fromForm(String url, String adql, long maxrec) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Enter the base URL of a TAP service, e.g. https://archive.example.org/tap");
        }
        URI service;
        try {
            service = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a URL: " + trimmed + " (" + e.getReason() + ")", e);
        }
        return new QueryRequest(service, TapQuery.of(adql).withMaxrec(maxrec));
    }

    /** @return host and port of the service, as shown to the user */
    public String serviceLabel() {
        return service.getRawAuthority();
    }

    private static void requireHttpUrl(URI service) {
        String scheme = service.getScheme() == null ? "" : service.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("A TAP service URL starts with http:// or https://: " + service);
        }
        if (service.getHost() == null) {
            throw new IllegalArgumentException("The TAP service URL has no host: " + service);
        }
    }
}
