package org.astrolabe.ui.internal.results;

import java.io.IOException;
import java.util.List;

import org.astrolabe.core.votable.ColumnDescription;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.ui.AstrolabeUi;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;

/**
 * The virtual table of the Results view: a row-number column, then one column per result column
 * (name as header; unit, UCD and description as the header's tooltip). Rows are fetched from the
 * {@link ResultTable} only when SWT paints them. UI thread only.
 *
 * <p>Each result gets a new table: on GTK, emptying a virtual table of a million rows item by item
 * ({@code removeAll}, {@code setItemCount(0)}) blocks the UI thread for seconds, while disposing
 * it takes a fraction of one.
 */
final class ResultGrid {

    private static final int SAMPLE_ROWS = 50;
    private static final int MIN_WIDTH = 48;
    private static final int MAX_WIDTH = 320;
    private static final int PADDING = 24;

    /** Told when the user clicks a column header (result column index from 0). */
    interface SortRequest {
        void sortBy(int column);
    }

    private final Composite host;
    private final SortRequest sortRequest;
    private final Listener selectionListener;
    private TableViewer viewer;
    private ResultTableContentProvider content;
    private ResultTable result;

    ResultGrid(Composite parent, SortRequest sortRequest, Listener selectionListener) {
        host = new Composite(parent, SWT.NONE);
        host.setLayout(new FillLayout());
        this.sortRequest = sortRequest;
        this.selectionListener = selectionListener;
        viewer = newViewer();
    }

    /** @return the result shown, if any */
    ResultTable result() {
        return result;
    }

    /** @return the table row shown at {@code viewIndex} in the current order */
    long tableRow(int viewIndex) {
        return content.order().tableRow(viewIndex);
    }

    /** @return the current order */
    RowOrder order() {
        return content.order();
    }

    /** Shows the rows in {@code order}, which was computed for the result shown now. */
    void setOrder(RowOrder order) {
        content.setOrder(order);
        Table table = table();
        table.setSortColumn(order.isSorted() ? table.getColumn(order.column() + 1) : null);
        table.setSortDirection(order.isSorted() ? (order.ascending() ? SWT.UP : SWT.DOWN) : SWT.NONE);
        table.deselectAll();
        table.clearAll();
        selectionListener.handleEvent(null);
    }

    /** @return the control to lay out in the view; its only child is the current table */
    Composite control() {
        return host;
    }

    /** @return the current table */
    Table table() {
        return viewer.getTable();
    }

    /** Shows {@code result}, replacing the columns and rows shown before. */
    void show(ResultTable result) {
        host.setRedraw(false);
        try {
            replaceViewer();
            addRowNumberColumn(result.rowCount());
            List<ColumnDescription> columns = result.columns();
            for (int i = 0; i < columns.size(); i++) {
                addColumn(result, columns.get(i), i);
            }
            viewer.setInput(result);
            this.result = result;
            viewer.setItemCount(ResultTableContentProvider.itemCount(result));
        } finally {
            host.setRedraw(true);
        }
    }

    /** Removes every row and column. */
    void clear() {
        result = null;
        if (table().getItemCount() > 0 || table().getColumnCount() > 0) {
            replaceViewer();
        }
    }

    void setFocus() {
        table().setFocus();
    }

    private void replaceViewer() {
        boolean focused = table().isFocusControl();
        table().dispose();
        viewer = newViewer();
        host.layout(true);
        if (focused) {
            table().setFocus();
        }
    }

    private TableViewer newViewer() {
        TableViewer created = new TableViewer(host,
                SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        created.setUseHashlookup(false);
        content = new ResultTableContentProvider();
        created.setContentProvider(content);
        Table table = created.getTable();
        table.addListener(SWT.Selection, selectionListener);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.RESULT_TABLE_WIDGET);
        return created;
    }

    private void addRowNumberColumn(long rows) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.RIGHT);
        column.getColumn().setText("#");
        column.getColumn().setToolTipText("Row number");
        column.getColumn().setWidth(textWidth(String.format("%,d", rows)) + PADDING);
        column.setLabelProvider(new ResultCellLabelProvider(ResultCellLabelProvider.ROW_NUMBER));
    }

    private void addColumn(ResultTable result, ColumnDescription description, int index) {
        int style = CellFormatter.isNumeric(description.javaType()) ? SWT.RIGHT : SWT.LEFT;
        TableViewerColumn column = new TableViewerColumn(viewer, style);
        column.getColumn().setText(description.name());
        column.getColumn().setToolTipText(ResultSummary.tooltip(description));
        column.getColumn().setMoveable(true);
        column.getColumn().setWidth(preferredWidth(result, description, index));
        column.getColumn().addListener(SWT.Selection, e -> sortRequest.sortBy(index));
        column.setLabelProvider(new ResultCellLabelProvider(index));
    }

    /** Fits the header and the first rows, within bounds; never reads more than a few rows. */
    private int preferredWidth(ResultTable result, ColumnDescription description, int index) {
        GC gc = new GC(table());
        try {
            int width = gc.textExtent(description.name()).x;
            long rows = Math.min(result.rowCount(), SAMPLE_ROWS);
            for (long row = 0; row < rows && width < MAX_WIDTH; row++) {
                width = Math.max(width, gc.textExtent(CellFormatter.format(result.cell(row, index))).x);
            }
            return Math.clamp(width + PADDING, MIN_WIDTH, MAX_WIDTH);
        } catch (IOException e) {
            return MAX_WIDTH / 2;
        } finally {
            gc.dispose();
        }
    }

    private int textWidth(String text) {
        GC gc = new GC(table());
        try {
            return Math.max(gc.textExtent(text).x, gc.textExtent("#").x);
        } finally {
            gc.dispose();
        }
    }
}
