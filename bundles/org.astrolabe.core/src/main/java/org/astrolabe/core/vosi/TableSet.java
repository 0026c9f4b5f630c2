package org.astrolabe.core.vosi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service's tables grouped by schema, from a VOSI tables document or from TAP_SCHEMA. Tables may
 * come without columns (VOSI 1.1 {@code detail=min}, or a listing read lazily); see
 * {@link TableMetadata#hasColumns()}. Immutable and thread-safe.
 *
 * @param schemas the schemas in document order
 * @param warnings deviations from the schema the document survived, each naming its line
 */
public record TableSet(List<SchemaMetadata> schemas, List<String> warnings) {

    /** @throws NullPointerException if a list is null */
    public TableSet {
        schemas = List.copyOf(schemas);
        warnings = List.copyOf(warnings);
    }

    /** @return every table of every schema, in document order */
    public List<TableMetadata> tables() {
        return schemas.stream().flatMap(s -> s.tables().stream()).toList();
    }

    /**
     * @param name a table name as used in ADQL (usually schema-qualified)
     * @return the table with exactly that name, or else the only one with that name in another
     *         case (ADQL identifiers are case-insensitive unless quoted)
     */
    public Optional<TableMetadata> table(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.strip();
        Optional<TableMetadata> exact = tables().stream().filter(t -> t.name().equals(n)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<TableMetadata> loose = tables().stream().filter(t -> t.name().equalsIgnoreCase(n)).toList();
        return loose.size() == 1 ? Optional.of(loose.get(0)) : Optional.empty();
    }
}
