package org.astrolabe.ui.internal.results;

import org.astrolabe.core.votable.ResultTable;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;

/**
 * Lazy content for a {@code SWT.VIRTUAL} table over a {@link ResultTable}: SWT asks for the rows
 * it is about to paint and gets a {@link ResultRow} reference for each, in the current
 * {@link RowOrder}, so a million-row result costs no more than the rows on screen. UI thread only.
 */
final class ResultTableContentProvider implements ILazyContentProvider {

    private TableViewer viewer;
    private ResultTable table;
    private RowOrder order = RowOrder.natural();

    @Override
    public void inputChanged(Viewer newViewer, Object oldInput, Object newInput) {
        this.viewer = (TableViewer) newViewer;
        this.table = newInput instanceof ResultTable t ? t : null;
        this.order = RowOrder.natural();
    }

    @Override
    public void updateElement(int index) {
        if (table != null && index < table.rowCount()) {
            viewer.replace(new ResultRow(table, order.tableRow(index)), index);
        }
    }

    /** @param newOrder the order to show the rows in from now on; the caller clears the table */
    void setOrder(RowOrder newOrder) {
        this.order = newOrder;
    }

    /** @return the current order */
    RowOrder order() {
        return order;
    }

    /**
     * @param table a result, or {@code null}
     * @return the item count to give the SWT table (SWT counts rows in an {@code int})
     */
    static int itemCount(ResultTable table) {
        return table == null ? 0 : (int) Math.min(table.rowCount(), Integer.MAX_VALUE);
    }
}
