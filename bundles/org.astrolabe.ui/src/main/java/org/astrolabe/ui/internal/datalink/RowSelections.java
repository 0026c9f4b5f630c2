package org.astrolabe.ui.internal.datalink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.astrolabe.ui.ResultRowsSelection;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;

/**
 * Reads the rows a selection carries: the Results view's {@link ResultRowsSelection}, or a
 * structured selection whose elements are {@link SelectedRows} or adapt to them (another plug-in's
 * table). Rows of several elements with the same columns are joined.
 */
final class RowSelections {

    private RowSelections() {
    }

    /** @return the rows, or empty when the selection carries none (e.g. it comes from another kind of view) */
    static Optional<SelectedRows> from(ISelection selection) {
        if (selection instanceof ResultRowsSelection results) {
            return Optional.of(new SelectedRows(results.columns(),
                    results.rows().stream().map(ResultRowsSelection.Row::values).toList()));
        }
        if (!(selection instanceof IStructuredSelection structured) || structured.isEmpty()) {
            return Optional.empty();
        }
        SelectedRows joined = null;
        List<List<Object>> rows = new ArrayList<>();
        for (Object element : structured.toList()) {
            SelectedRows part = Adapters.adapt(element, SelectedRows.class);
            if (part == null) {
                return Optional.empty();
            }
            if (joined == null) {
                joined = part;
            } else if (!joined.columns().equals(part.columns())) {
                continue; // rows of another table: not mixed in
            }
            rows.addAll(part.rows());
        }
        return Optional.of(new SelectedRows(joined.columns(), rows));
    }
}
