package org.astrolabe.archive.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.astrolabe.core.http.HttpRequest;

/** SODA sync GET URLs. Stateless. */
final class SodaUrls {

    private SodaUrls() {
    }

    /** @return {@code accessUrl?name=value&...}, values URL-encoded (spaces as %20) */
    static URI get(URI accessUrl, List<HttpRequest.Parameter> params) {
        String base = accessUrl.toString();
        String query = params.stream().map(p -> encode(p.name()) + "=" + encode(p.value()))
                .collect(Collectors.joining("&"));
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
