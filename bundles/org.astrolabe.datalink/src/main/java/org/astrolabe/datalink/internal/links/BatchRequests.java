package org.astrolabe.datalink.internal.links;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpRequest.Parameter;

/** Splits identifiers into batches and builds each batch's request. Stateless and thread-safe. */
final class BatchRequests {

    private BatchRequests() {
    }

    /**
     * @return the distinct identifiers in order, in batches of at most {@code size}
     * @throws IllegalArgumentException for no identifiers or a blank one
     */
    static List<List<String>> batches(List<String> ids, int size) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("No dataset identifier given");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("A dataset identifier is blank");
            }
            distinct.add(id.strip());
        }
        List<String> all = new ArrayList<>(distinct);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(List.copyOf(all.subList(i, Math.min(all.size(), i + size))));
        }
        return out;
    }

    /** @return a GET of {@code service} with one {@code ID} per identifier, or a POST when the URL would be too long */
    static HttpRequest request(URI service, List<String> ids, int maxGetLength) {
        List<Parameter> form = ids.stream().map(id -> new Parameter("ID", id)).toList();
        int length = service.toString().length();
        for (String id : ids) {
            length += 4 + URLEncoder.encode(id, StandardCharsets.UTF_8).length();
        }
        return length > maxGetLength ? HttpRequest.post(service, form)
                : new HttpRequest("GET", service, List.of(), form, true);
    }

    /** @return {@code uri} without its {@code ID} query parameters (a redirect's copy of the first ID) */
    static URI withoutIds(URI uri) {
        String query = uri.getRawQuery();
        String kept = query == null ? "" : java.util.Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.regionMatches(true, 0, "ID=", 0, 3) && !p.equalsIgnoreCase("ID"))
                .collect(java.util.stream.Collectors.joining("&"));
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return URI.create(kept.isEmpty() ? base : base + "?" + kept);
    }
}
