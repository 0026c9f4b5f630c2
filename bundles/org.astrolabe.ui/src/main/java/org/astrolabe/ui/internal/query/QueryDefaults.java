package org.astrolabe.ui.internal.query;

import java.util.Map;
import java.util.Optional;

/**
 * Where the TAP Query view's first values come from: the view's saved state, else the system
 * property {@value #URL_PROPERTY} for the URL (handy for a product launched against one archive and
 * for UI tests); no service URL is built in. Stateless.
 */
final class QueryDefaults {

    /** System property that prefills the service URL when the view has no saved state. */
    static final String URL_PROPERTY = "astrolabe.tap.url";

    /** A query every TAP service answers: its own table list. */
    static final String ADQL = "SELECT TOP 100 schema_name, table_name, table_type, description\n"
            + "FROM TAP_SCHEMA.tables\nORDER BY schema_name, table_name";

    /** Row limit offered at first. */
    static final int MAXREC = 10_000;

    private QueryDefaults() {
    }

    /**
     * @param saved the URL from the view's saved state, or {@code null}
     * @param properties the system properties
     * @return the URL to prefill, or empty to leave the field empty with its hint
     */
    static Optional<String> serviceUrl(String saved, Map<?, ?> properties) {
        if (saved != null && !saved.isBlank()) {
            return Optional.of(saved.strip());
        }
        Object property = properties.get(URL_PROPERTY);
        return property instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }
}
