package org.astrolabe.core.votable;

import java.util.Objects;

/**
 * What a result column is, as the service described it.
 *
 * @param name column name, never empty
 * @param datatype VOTable datatype (e.g. {@code double}, {@code char}), or "" if unknown
 * @param unit unit string, or ""
 * @param ucd UCD, or ""
 * @param description free text, or ""
 * @param javaType the Java class STIL gives the cells (e.g. {@code Double}, {@code String})
 */
public record ColumnDescription(String name, String datatype, String unit, String ucd, String description,
        Class<?> javaType) {

    /** @throws IllegalArgumentException if the name is blank */
    public ColumnDescription {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A column needs a name");
        }
        datatype = Objects.requireNonNullElse(datatype, "");
        unit = Objects.requireNonNullElse(unit, "");
        ucd = Objects.requireNonNullElse(ucd, "");
        description = Objects.requireNonNullElse(description, "");
        javaType = Objects.requireNonNullElse(javaType, Object.class);
    }
}
