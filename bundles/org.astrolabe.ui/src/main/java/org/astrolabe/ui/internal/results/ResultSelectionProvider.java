package org.astrolabe.ui.internal.results;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.ui.ResultRowsSelection;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;

/**
 * The Results view's selection provider: publishes the selected rows as a
 * {@link ResultRowsSelection} (columns with their metadata, the rows' values in table order,
 * at most {@link ResultRowsSelection#MAX_ROWS}). Stays the same object while the view replaces its
 * table for each result. UI thread only.
 */
final class ResultSelectionProvider implements ISelectionProvider {

    private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
    private ResultRowsSelection selection = ResultRowsSelection.empty(Optional.empty(), List.of());

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        listeners.remove(listener);
    }

    @Override
    public ResultRowsSelection getSelection() {
        return selection;
    }

    @Override
    public void setSelection(ISelection newSelection) {
        // The table's own selection is the source of truth; programmatic selection is not offered.
    }

    /**
     * Publishes the rows selected in the grid.
     *
     * @param grid the Results view's grid
     * @param service where the result came from, if known
     */
    void update(ResultGrid grid, Optional<URI> service) {
        ResultTable result = grid.result();
        if (result == null) {
            fire(ResultRowsSelection.empty(service, List.of()));
            return;
        }
        BitSet positions = grid.selection();
        List<ResultRowsSelection.Row> rows = new ArrayList<>();
        int columns = result.columns().size();
        try {
            for (int i = positions.nextSetBit(0); i >= 0 && rows.size() < ResultRowsSelection.MAX_ROWS;
                    i = positions.nextSetBit(i + 1)) {
                long row = grid.tableRow(i);
                List<Object> values = new ArrayList<>(columns);
                for (int c = 0; c < columns; c++) {
                    values.add(result.cell(row, c));
                }
                rows.add(new ResultRowsSelection.Row(row, values));
            }
        } catch (IOException unreadable) {
            // The disk-backed table went away: publish what could be read.
        }
        fire(new ResultRowsSelection(service, result.columns(), rows, Math.max(positions.cardinality(), rows.size())));
    }

    private void fire(ResultRowsSelection newSelection) {
        selection = newSelection;
        SelectionChangedEvent event = new SelectionChangedEvent(this, newSelection);
        for (ISelectionChangedListener listener : listeners) {
            listener.selectionChanged(event);
        }
    }
}
