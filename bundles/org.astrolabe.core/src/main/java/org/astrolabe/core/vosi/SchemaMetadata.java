package org.astrolabe.core.vosi;

import java.util.List;
import java.util.Objects;

/**
 * One schema of a service.
 *
 * @param name its name; never blank
 * @param title a short title, or ""
 * @param description the service's description, or ""
 * @param utype its utype, or ""
 * @param tables its tables in document order
 */
public record SchemaMetadata(String name, String title, String description, String utype, List<TableMetadata> tables) {

    /** @throws IllegalArgumentException if the name is blank */
    public SchemaMetadata {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A schema needs a name");
        }
        title = Objects.requireNonNullElse(title, "");
        description = Objects.requireNonNullElse(description, "");
        utype = Objects.requireNonNullElse(utype, "");
        tables = List.copyOf(tables);
    }
}
