package org.astrolabe.ui.internal.adql;

import java.util.List;
import java.util.Optional;

import org.astrolabe.core.vosi.TableMetadata;

/**
 * What content assist knows of the selected service: its tables, and the columns of the tables
 * loaded so far. Asking for a table's columns that are not loaded yet starts loading them in the
 * background; the next request sees them. Implementations never block.
 */
public interface CompletionModel {

    /** @return the tables known now, possibly none while the listing loads */
    List<TableMetadata> tables();

    /**
     * @param table a table name as written in the query, matched ignoring case
     * @return the table with its columns if they are loaded; otherwise empty (and loading starts)
     */
    Optional<TableMetadata> columnsOf(String table);

    /** A model with nothing in it, for an editor without a service. */
    CompletionModel NONE = new CompletionModel() {
        @Override
        public List<TableMetadata> tables() {
            return List.of();
        }

        @Override
        public Optional<TableMetadata> columnsOf(String table) {
            return Optional.empty();
        }
    };
}
