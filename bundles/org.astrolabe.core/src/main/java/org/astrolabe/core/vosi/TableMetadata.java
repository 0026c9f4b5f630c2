package org.astrolabe.core.vosi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One table of a service, with its columns when they are known.
 *
 * @param name its name as used in ADQL (usually {@code schema.table}); never blank
 * @param title a short title, or ""
 * @param type {@code table}, {@code view}, {@code base_table}, {@code output} as the service says, or ""
 * @param description the service's description, or ""
 * @param utype its utype, or ""
 * @param nrows the approximate row count if the service gives one
 * @param columns its columns; empty when the listing left them out (fetch them lazily)
 * @param foreignKeys its foreign keys
 */
public record TableMetadata(String name, String title, String type, String description, String utype,
        OptionalLong nrows, List<ColumnMetadata> columns, List<ForeignKey> foreignKeys) {

    /** @throws IllegalArgumentException if the name is blank or nrows negative */
    public TableMetadata {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A table needs a name");
        }
        title = Objects.requireNonNullElse(title, "");
        type = Objects.requireNonNullElse(type, "");
        description = Objects.requireNonNullElse(description, "");
        utype = Objects.requireNonNullElse(utype, "");
        Objects.requireNonNull(nrows, "nrows");
        if (nrows.isPresent() && nrows.getAsLong() < 0) {
            throw new IllegalArgumentException("Table " + name + " cannot have " + nrows.getAsLong() + " rows");
        }
        columns = List.copyOf(columns);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** @return whether the columns are included (a table always has at least one) */
    public boolean hasColumns() {
        return !columns.isEmpty();
    }

    /** @return the column of that name, exactly or else ignoring case */
    public Optional<ColumnMetadata> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst()
                .or(() -> columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst());
    }

    /** @return a copy with these columns and foreign keys, for filling in a listing entry */
    public TableMetadata withColumns(List<ColumnMetadata> newColumns, List<ForeignKey> newKeys) {
        return new TableMetadata(name, title, type, description, utype, nrows, newColumns, newKeys);
    }

    /**
     * A foreign key.
     *
     * @param targetTable the table it points to; never blank
     * @param columns the column pairs, at least one
     * @param description the service's description, or ""
     * @param utype its utype, or ""
     */
    public record ForeignKey(String targetTable, List<ColumnPair> columns, String description, String utype) {
        /** @throws IllegalArgumentException if the target table is blank or no column pair is given */
        public ForeignKey {
            if (targetTable == null || targetTable.isBlank()) {
                throw new IllegalArgumentException("A foreign key needs a target table");
            }
            columns = List.copyOf(columns);
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("The foreign key to " + targetTable + " has no columns");
            }
            description = Objects.requireNonNullElse(description, "");
            utype = Objects.requireNonNullElse(utype, "");
        }
    }

    /**
     * A pair of columns joined by a foreign key.
     *
     * @param from the column in this table
     * @param target the column in the target table
     */
    public record ColumnPair(String from, String target) {
        /** @throws IllegalArgumentException if a name is blank */
        public ColumnPair {
            if (from == null || from.isBlank() || target == null || target.isBlank()) {
                throw new IllegalArgumentException("A foreign key column pair needs both names: " + from + ", " + target);
            }
        }
    }
}
