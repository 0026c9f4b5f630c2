package org.astrolabe.ui.internal.schema;

import java.util.Locale;

import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.ui.internal.schema.SchemaNodes.ColumnNode;
import org.astrolabe.ui.internal.schema.SchemaNodes.SchemaNode;
import org.astrolabe.ui.internal.schema.SchemaNodes.TableNode;
import org.astrolabe.ui.internal.services.ServiceMetadata;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;

/**
 * Keeps the schemas, tables and columns whose name, UCD or description contains the filter text
 * (ignoring case), with their parents; everything under a matching schema or table stays. Columns
 * are searched only where they are loaded: the filter never starts a request. UI thread only.
 */
final class SchemaFilter extends ViewerFilter {

    private String text = "";

    /** @param filter the text to look for; blank keeps everything */
    void setText(String filter) {
        text = filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
    }

    boolean isActive() {
        return !text.isEmpty();
    }

    @Override
    public boolean select(Viewer viewer, Object parent, Object element) {
        if (text.isEmpty()) {
            return true;
        }
        ServiceMetadata metadata = viewer.getInput() instanceof ServiceMetadata m ? m : null;
        return switch (element) {
            case SchemaNode s -> matches(s.schema().name()) || s.schema().tables().stream()
                    .anyMatch(t -> tableMatches(t, metadata));
            case TableNode t -> parent instanceof SchemaNode s && matches(s.schema().name())
                    || tableMatches(t.table(), metadata);
            case ColumnNode c -> true;
            default -> true;
        };
    }

    private boolean tableMatches(TableMetadata table, ServiceMetadata metadata) {
        if (matches(table.name()) || matches(table.description())) {
            return true;
        }
        TableMetadata withColumns = table.hasColumns() || metadata == null ? table
                : metadata.loadedColumns(table.name()).orElse(table);
        return withColumns.columns().stream()
                .anyMatch(c -> matches(c.name()) || matches(c.ucd()) || matches(c.description()));
    }

    private boolean matches(String value) {
        return value.toLowerCase(Locale.ROOT).contains(text);
    }
}
