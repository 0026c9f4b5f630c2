package org.astrolabe.tap.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.astrolabe.tap.TapQuery;

/** Builds the {@code {base}/sync} request of a query: GET when asked and short, else (multipart) POST. */
public final class SyncRequests {

    /** Longer GET URLs are refused by some servers and proxies. */
    static final int MAX_GET_URL = 2000;

    private SyncRequests() {
    }

    /**
     * @return the prepared uploads of {@code query}; the caller closes them after the request
     * @throws InvalidInputException when an upload file is missing, unreadable or not a table
     */
    public static UploadParts uploads(TapQuery query, URI base) throws InvalidInputException {
        try {
            return new UploadParts(query.uploads());
        } catch (IOException e) {
            throw new InvalidInputException("The tables to upload to " + base + " could not be prepared: "
                    + e.getMessage(), base, e);
        }
    }

    /**
     * Results are asked for gzip-compressed (and inflated as they arrive, by the transport):
     * DaCHS sends a million-row VOTable (49 MB) in 0.7 s after its first byte compressed and in
     * 2-4 s uncompressed, although compressing costs it 0.5 s more CPU (curl on the local server,
     * 2026-11-21, quiet machine; releng/benchmarks/sync-bench.sh). A service that does not compress
     * simply sends the bytes as they are.
     */
    static final String ACCEPT_ENCODING = "gzip";

    static HttpRequest sync(URI base, TapQuery query, UploadParts uploads) {
        return request(base, query, uploads).withHeader("Accept-Encoding", ACCEPT_ENCODING);
    }

    private static HttpRequest request(URI base, TapQuery query, UploadParts uploads) {
        URI sync = URI.create(base + "/sync");
        List<Parameter> form = new ArrayList<>();
        form.add(new Parameter("REQUEST", "doQuery"));
        form.add(new Parameter("LANG", "ADQL"));
        form.add(new Parameter("QUERY", query.adql()));
        query.maxrec().ifPresent(m -> form.add(new Parameter("MAXREC", Long.toString(m))));
        query.responseFormat().ifPresent(f -> form.add(new Parameter("RESPONSEFORMAT", f)));
        form.addAll(uploads.parameters());
        if (!uploads.parts().isEmpty()) {
            return HttpRequest.multipart(sync, form, uploads.parts());
        }
        if (query.preferGet() && urlLength(sync, form) <= MAX_GET_URL) {
            return new HttpRequest("GET", sync, List.of(), form, true);
        }
        return HttpRequest.post(sync, form);
    }

    private static int urlLength(URI sync, List<Parameter> form) {
        int n = sync.toString().length();
        for (Parameter p : form) {
            n += 2 + URLEncoder.encode(p.name(), StandardCharsets.UTF_8).length()
                    + URLEncoder.encode(p.value(), StandardCharsets.UTF_8).length();
        }
        return n;
    }

    /** @return whether a RESPONSEFORMAT value asks for a VOTable (short name or media type) */
    static boolean isVOTableFormat(String format) {
        String f = format.toLowerCase(Locale.ROOT).strip();
        return f.startsWith("votable") || f.contains("x-votable") || f.equals("text/xml")
                || f.equals("application/xml");
    }
}
