package org.astrolabe.ui.internal.schema;

import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.ui.internal.schema.SchemaNodes.ColumnNode;
import org.astrolabe.ui.internal.schema.SchemaNodes.MessageNode;
import org.astrolabe.ui.internal.schema.SchemaNodes.SchemaNode;
import org.astrolabe.ui.internal.schema.SchemaNodes.TableNode;
import org.astrolabe.ui.internal.services.ServiceMetadata;
import org.eclipse.jface.viewers.ITreeContentProvider;

/**
 * Schemas → tables → columns of a {@link ServiceMetadata}. Asking for what is not loaded yet starts
 * loading it in the background and shows a "Loading…" line meanwhile; the view refreshes when the
 * metadata says it changed. Never blocks. UI thread only.
 */
final class SchemaContentProvider implements ITreeContentProvider {

    private static final Object[] NONE = new Object[0];

    @Override
    public Object[] getElements(Object input) {
        if (!(input instanceof ServiceMetadata metadata)) {
            return new Object[] {new MessageNode("Enter a URL above", false)};
        }
        return metadata.tableSet().map(set -> set.schemas().stream().map(SchemaNode::new).toArray())
                .orElseGet(() -> {
                    if (metadata.failure().isPresent()) {
                        return new Object[] {new MessageNode("Could not read the tables of " + metadata.service()
                                + ": " + metadata.failure().get(), true)};
                    }
                    metadata.loadTables();
                    return new Object[] {new MessageNode("Loading tables…", false)};
                });
    }

    @Override
    public Object[] getChildren(Object parent) {
        return switch (parent) {
            case SchemaNode s -> s.schema().tables().stream().map(TableNode::new).toArray();
            case TableNode t -> columns(t.table());
            default -> NONE;
        };
    }

    private Object[] columns(TableMetadata table) {
        if (metadata == null) {
            return NONE;
        }
        if (table.hasColumns()) {
            return table.columns().stream().map(c -> new ColumnNode(table, c)).toArray();
        }
        return metadata.loadedColumns(table.name())
                .map(t -> t.columns().stream().map(c -> new ColumnNode(t, c)).toArray())
                .orElseGet(() -> {
                    if (metadata.failure(table.name()).isPresent()) {
                        return new Object[] {new MessageNode(metadata.failure(table.name()).get(), true)};
                    }
                    metadata.loadColumns(table.name());
                    return new Object[] {new MessageNode("Loading columns…", false)};
                });
    }

    private ServiceMetadata metadata;

    @Override
    public void inputChanged(org.eclipse.jface.viewers.Viewer viewer, Object oldInput, Object newInput) {
        metadata = newInput instanceof ServiceMetadata m ? m : null;
    }

    @Override
    public Object getParent(Object element) {
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return element instanceof SchemaNode || element instanceof TableNode;
    }
}
