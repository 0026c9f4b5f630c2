package org.astrolabe.ui.internal.schema;

import org.astrolabe.core.vosi.ColumnMetadata;
import org.astrolabe.core.vosi.SchemaMetadata;
import org.astrolabe.core.vosi.TableMetadata;

/** The elements of the Schema browser's tree. Immutable values. */
final class SchemaNodes {

    private SchemaNodes() {
    }

    /** A schema of the service. */
    record SchemaNode(SchemaMetadata schema) {
    }

    /** A table; its columns are its children, loaded when it is expanded. */
    record TableNode(TableMetadata table) {
    }

    /** A column of a table. */
    record ColumnNode(TableMetadata table, ColumnMetadata column) {
    }

    /** A line saying that something loads, or why it failed. */
    record MessageNode(String text, boolean error) {
    }
}
