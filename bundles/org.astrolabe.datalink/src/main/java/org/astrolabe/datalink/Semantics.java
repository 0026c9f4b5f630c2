package org.astrolabe.datalink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The IVOA DataLink core vocabulary ({@value #VOCABULARY}) with its hierarchy, held offline: a
 * term is a kind of its broader term ({@code #preview-image} is a {@code #preview},
 * {@code #noise} an {@code #auxiliary}). Terms are written {@code #term}; a full IRI of the
 * vocabulary is accepted too. Immutable and thread-safe.
 */
public final class Semantics {

    /** The vocabulary's IRI. */
    public static final String VOCABULARY = "http://www.ivoa.net/rdf/datalink/core";

    private static final String RESOURCE = "/org/astrolabe/datalink/internal/links/datalink-core.txt";
    private static final Semantics CORE = load();

    private final Map<String, String> parents;

    private Semantics(Map<String, String> parents) {
        this.parents = Collections.unmodifiableMap(parents);
    }

    /** @return the core vocabulary shipped with this bundle */
    public static Semantics core() {
        return CORE;
    }

    private static Semantics load() {
        Map<String, String> parents = new LinkedHashMap<>();
        try (InputStream in = Semantics.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The DataLink vocabulary " + RESOURCE + " is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null;) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                parents.put("#" + parts[0], parts.length > 1 ? "#" + parts[1] : null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Semantics(parents);
    }

    /**
     * @param term {@code #preview}, {@code preview}, or a full IRI of the core vocabulary; a
     *        term of another vocabulary (a full IRI elsewhere) is returned unchanged
     * @return the term in the {@code #term} form
     */
    public static String normalize(String term) {
        String t = term == null ? "" : term.strip();
        if (t.startsWith(VOCABULARY + "#") || t.startsWith("https://www.ivoa.net/rdf/datalink/core#")) {
            return t.substring(t.indexOf('#'));
        }
        if (!t.isEmpty() && !t.startsWith("#") && !t.contains(":")) {
            return "#" + t;
        }
        return t;
    }

    /** @return every term of the vocabulary */
    public Set<String> terms() {
        return parents.keySet();
    }

    /** @return {@code true} if the vocabulary has this term */
    public boolean isKnown(String term) {
        return parents.containsKey(normalize(term));
    }

    /** @return the broader term, if the term has one */
    public Optional<String> parent(String term) {
        return Optional.ofNullable(parents.get(normalize(term)));
    }

    /**
     * @param term a link's semantics
     * @param ancestor a vocabulary term
     * @return {@code true} if {@code term} is {@code ancestor} or narrower than it
     */
    public boolean isA(String term, String ancestor) {
        String a = normalize(ancestor);
        for (String t = normalize(term); t != null; t = parents.get(t)) {
            if (t.equals(a)) {
                return true;
            }
        }
        return false;
    }
}
