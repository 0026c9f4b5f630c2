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
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * The virtual table of the Results view: a row-number column, then one column per result column
 * (name as header; unit, UCD and description as the header's tooltip). Rows are fetched from the
 * {@link ResultTable} only when SWT paints them. UI thread only.
 */
final class ResultGrid {

    private static final int SAMPLE_ROWS = 50;
    private static final int MIN_WIDTH = 48;
    private static final int MAX_WIDTH = 320;
    private static final int PADDING = 24;

    private final TableViewer viewer;

    ResultGrid(Composite parent) {
        viewer = new TableViewer(parent,
                SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setUseHashlookup(false);
        viewer.setContentProvider(new ResultTableContentProvider());
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.RESULT_TABLE_WIDGET);
    }

    Table control() {
        return viewer.getTable();
    }

    /** Shows {@code result}, replacing the columns and rows shown before. */
    void show(ResultTable result) {
        Table table = viewer.getTable();
        table.setRedraw(false);
        try {
            viewer.setInput(null);
            disposeColumns();
            addRowNumberColumn(result.rowCount());
            List<ColumnDescription> columns = result.columns();
            for (int i = 0; i < columns.size(); i++) {
                addColumn(result, columns.get(i), i);
            }
            viewer.setInput(result);
            viewer.setItemCount(ResultTableContentProvider.itemCount(result));
            table.setTopIndex(0);
        } finally {
            table.setRedraw(true);
        }
    }

    /** Removes every row and column. */
    void clear() {
        viewer.setInput(null);
        viewer.setItemCount(0);
        disposeColumns();
    }

    private void disposeColumns() {
        for (TableColumn column : viewer.getTable().getColumns()) {
            column.dispose();
        }
    }

    private void addRowNumberColumn(long rows) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.RIGHT);
        column.getColumn().setText("#");
        column.getColumn().setToolTipText("Row number");
        column.getColumn().setWidth(textWidth(String.format("%,d", rows)) + PADDING);
        column.getColumn().setResizable(true);
        column.setLabelProvider(new ResultCellLabelProvider(ResultCellLabelProvider.ROW_NUMBER));
    }

    private void addColumn(ResultTable result, ColumnDescription description, int index) {
        int style = CellFormatter.isNumeric(description.javaType()) ? SWT.RIGHT : SWT.LEFT;
        TableViewerColumn column = new TableViewerColumn(viewer, style);
        column.getColumn().setText(description.name());
        column.getColumn().setToolTipText(ResultSummary.tooltip(description));
        column.getColumn().setMoveable(true);
        column.getColumn().setWidth(preferredWidth(result, description, index));
        column.setLabelProvider(new ResultCellLabelProvider(index));
    }

    /** Fits the header and the first rows, within bounds; never reads more than a few rows. */
    private int preferredWidth(ResultTable result, ColumnDescription description, int index) {
        GC gc = new GC(viewer.getTable());
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
        GC gc = new GC(viewer.getTable());
        try {
            return Math.max(gc.textExtent(text).x, gc.textExtent("#").x);
        } finally {
            gc.dispose();
        }
    }
}
