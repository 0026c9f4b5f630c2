package org.astrolabe.core.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.astrolabe.core.InvalidInputException;

/**
 * A registry's {@code resource-caps} document, as CADC serves it: one
 * {@code ivo://authority/path = https://host/path/capabilities} line per service, {@code #}
 * comments and blank lines ignored. Immutable and thread-safe.
 *
 * @param capabilities the capabilities URL of each identifier, in document order; identifiers
 *        are kept as written and looked up case-insensitively (IVOA identifiers are)
 */
public record ResourceCaps(Map<URI, URI> capabilities) {

    /** Copies the map. */
    public ResourceCaps {
        capabilities = Collections.unmodifiableMap(new LinkedHashMap<>(capabilities));
    }

    /**
     * @param in the document, read to its end, not closed
     * @param source where it came from, named in messages
     * @return the entries
     * @throws InvalidInputException naming the line when a line is not {@code ivo://... = http(s)://...}
     *         (an HTML page, for instance), or when the document has no entry at all
     */
    public static ResourceCaps read(InputStream in, URI source) throws InvalidInputException {
        Map<URI, URI> entries = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        try {
            for (String line; (line = reader.readLine()) != null;) {
                number++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw bad(source, number, line, null);
                }
                try {
                    ServiceAddress id = ServiceAddress.parse(line.substring(0, eq));
                    ServiceAddress url = ServiceAddress.parse(line.substring(eq + 1));
                    if (!id.isIvoId() || url.isIvoId()) {
                        throw bad(source, number, line, null);
                    }
                    entries.put(id.uri(), url.uri());
                } catch (IllegalArgumentException e) {
                    throw bad(source, number, line, e);
                }
            }
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the resource-caps document from " + source + ": "
                    + e.getMessage(), source, e);
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException("The resource-caps document from " + source + " lists no service",
                    source, null);
        }
        return new ResourceCaps(entries);
    }

    private static InvalidInputException bad(URI source, int number, String line, Throwable cause) {
        String shown = line.length() > 80 ? line.substring(0, 80) + "…" : line;
        return new InvalidInputException("Line " + number + " of the resource-caps document from " + source
                + " is not 'ivo://... = http(s)://...': " + shown, source, cause);
    }

    /**
     * @param ivoid an IVOA identifier
     * @return the capabilities URL the document gives for it (case-insensitive match, a trailing
     *         slash ignored)
     */
    public Optional<URI> lookup(URI ivoid) {
        String wanted = normalise(ivoid);
        return capabilities.entrySet().stream().filter(e -> normalise(e.getKey()).equals(wanted))
                .map(Map.Entry::getValue).findFirst();
    }

    private static String normalise(URI id) {
        String s = id.toString().toLowerCase(Locale.ROOT);
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** @return a URI, or throws IllegalArgumentException naming the text */
    static URI uri(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid URI: " + text);
        }
    }
}
