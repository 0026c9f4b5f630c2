package org.astrolabe.ui.internal.results;

import java.io.IOException;
import java.util.BitSet;
import java.util.List;

import org.astrolabe.core.votable.ColumnDescription;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.ui.AstrolabeUi;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Slider;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The table of the Results view, windowed: the SWT table holds only the rows that fit on screen,
 * and a slider beside it scrolls through all of them (mouse wheel, arrows, Page Up/Down,
 * Ctrl+Home/End too). Showing a result or jumping anywhere in it costs the visible rows, whatever
 * the row count: GTK's own virtual table would create one native row per result row (seconds for
 * a million). Columns: the row number, then one per result column (name as header; unit, UCD and
 * description as the header's tooltip; click to sort). The selection is kept per row of the whole
 * result, so it survives scrolling and sorting resets it. UI thread only.
 */
final class ResultGrid {

    /** Told when the user clicks a column header (result column index from 0). */
    interface SortRequest {
        void sortBy(int column);
    }

    private static final int SAMPLE_ROWS = 50;
    private static final int MIN_WIDTH = 48;
    private static final int MAX_WIDTH = 320;
    private static final int PADDING = 24;
    private static final int WHEEL_ROWS = 3;
    private static final int ROW_SPACING = 2;

    private final Composite host;
    private final Table table;
    private final Slider slider;
    private final SortRequest sortRequest;
    private final Listener selectionListener;
    private final Color rowNumberColor;
    private final BitSet selected = new BitSet();
    private ResultTable result;
    private RowOrder order = RowOrder.natural();
    private int rows;
    private int offset;
    private int page = 1;

    ResultGrid(Composite parent, SortRequest sortRequest, Listener selectionListener) {
        this.sortRequest = sortRequest;
        this.selectionListener = selectionListener;
        host = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.horizontalSpacing = 0;
        host.setLayout(layout);
        table = new Table(host, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.RESULT_TABLE_WIDGET);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        slider = new Slider(host, SWT.VERTICAL);
        slider.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.RESULT_SCROLL_WIDGET);
        slider.setLayoutData(new GridData(SWT.RIGHT, SWT.FILL, false, true));
        rowNumberColor = table.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW);
        slider.addListener(SWT.Selection, e -> scrollTo(slider.getSelection()));
        table.addListener(SWT.Resize, e -> layoutPage());
        table.addListener(SWT.MouseVerticalWheel, this::wheel);
        table.addListener(SWT.KeyDown, this::key);
        table.addListener(SWT.Selection, this::tableSelection);
        updateSlider();
    }

    /** @return the control to lay out in the view */
    Composite control() {
        return host;
    }

    /** @return the SWT table holding the visible rows */
    Table table() {
        return table;
    }

    /** @return the result shown, if any */
    ResultTable result() {
        return result;
    }

    /** @return how many rows the result has (what the slider scrolls through) */
    int rowCount() {
        return rows;
    }

    /** @return the position of the first visible row */
    int topRow() {
        return offset;
    }

    /** @return the table row shown at position {@code viewRow} in the current order */
    long tableRow(int viewRow) {
        return order.tableRow(viewRow);
    }

    /** @return the current order */
    RowOrder order() {
        return order;
    }

    /** @return the selected positions, ascending, and how many there are */
    BitSet selection() {
        return (BitSet) selected.clone();
    }

    /** Shows {@code newResult}, replacing the columns and rows shown before. */
    void show(ResultTable newResult) {
        table.setRedraw(false);
        try {
            clearColumns();
            result = newResult;
            order = RowOrder.natural();
            rows = (int) Math.min(newResult.rowCount(), Integer.MAX_VALUE);
            offset = 0;
            selected.clear();
            addRowNumberColumn(newResult.rowCount());
            List<ColumnDescription> columns = newResult.columns();
            for (int i = 0; i < columns.size(); i++) {
                addColumn(newResult, columns.get(i), i);
            }
            layoutPage();
        } finally {
            table.setRedraw(true);
        }
    }

    /** Removes every row and column. */
    void clear() {
        result = null;
        rows = 0;
        offset = 0;
        order = RowOrder.natural();
        selected.clear();
        table.setRedraw(false);
        try {
            clearColumns();
            layoutPage();
        } finally {
            table.setRedraw(true);
        }
    }

    /** Shows the rows in {@code newOrder}, which was computed for the result shown now. */
    void setOrder(RowOrder newOrder) {
        order = newOrder;
        table.setSortColumn(newOrder.isSorted() ? table.getColumn(newOrder.column() + 1) : null);
        table.setSortDirection(newOrder.isSorted() ? (newOrder.ascending() ? SWT.UP : SWT.DOWN) : SWT.NONE);
        selected.clear();
        fill();
        selectionListener.handleEvent(null);
    }

    /**
     * Scrolls so that position {@code viewRow} is visible: at the top when scrolling up, at the
     * bottom when scrolling down; nothing moves when it is visible already.
     *
     * @param viewRow a position from 0
     * @return the index of that row's item in {@link #table()}
     */
    int reveal(int viewRow) {
        int row = Math.clamp(viewRow, 0, Math.max(0, rows - 1));
        if (row < offset) {
            scrollTo(row);
        } else if (row >= offset + page) {
            scrollTo(row - page + 1);
        }
        return row - offset;
    }

    /** Makes position {@code top} the first visible row (bounded to the result). */
    void scrollTo(int top) {
        int bounded = Math.clamp(top, 0, Math.max(0, rows - page));
        if (bounded != offset) {
            offset = bounded;
            fill();
        }
        if (slider.getSelection() != offset) {
            slider.setSelection(offset);
        }
    }

    /**
     * Selects positions as a user's click would, and publishes the selection.
     *
     * @param viewRows positions from 0
     */
    void select(int... viewRows) {
        selected.clear();
        for (int row : viewRows) {
            if (row >= 0 && row < rows) {
                selected.set(row);
            }
        }
        applySelection();
        selectionListener.handleEvent(null);
    }

    /** Selects every row of the result, not only the visible ones, and publishes the selection. */
    void selectAll() {
        selected.set(0, rows);
        applySelection();
        selectionListener.handleEvent(null);
    }

    void setFocus() {
        table.setFocus();
    }

    private void clearColumns() {
        table.setSortColumn(null);
        table.setSortDirection(SWT.NONE);
        table.removeAll();
        for (TableColumn column : table.getColumns()) {
            column.dispose();
        }
    }

    /**
     * Fits the number of items to the table's height, then fills them. The height comes from the
     * widget's own size: without a vertical scroll bar GTK allocates the tree view as tall as its
     * rows ask, so its client area cannot tell how many rows are visible.
     */
    private void layoutPage() {
        int itemHeight = Math.max(1, table.getItemHeight());
        // GTK's client area starts above the header (y = minus its height); getHeaderHeight() may say 0
        // before the header is drawn.
        int header = table.getHeaderVisible() ? Math.max(table.getHeaderHeight(), -table.getClientArea().y) : 0;
        int height = table.getSize().y - 2 * table.getBorderWidth() - header;
        ScrollBar horizontal = table.getHorizontalBar();
        if (horizontal != null && horizontal.isVisible()) {
            height -= horizontal.getSize().y;
        }
        // GTK 3 draws rows ROW_SPACING px further apart than getItemHeight() says (its vertical
        // separator), seen under Xvfb: 21 px items, 23 px apart. A row too many would be cut off
        // and unreachable; one too few leaves a strip at the bottom.
        page = Math.max(1, height / (itemHeight + ROW_SPACING));
        offset = Math.clamp(offset, 0, Math.max(0, rows - page));
        fill();
        // Rows are drawn with a pitch that can exceed the item height (grid lines): measure it.
        if (table.getItemCount() >= 2) {
            int pitch = table.getItem(1).getBounds().y - table.getItem(0).getBounds().y;
            int fit = pitch > 0 ? Math.max(1, (height - 1) / pitch) : page;
            if (fit < page) {
                page = fit;
                offset = Math.clamp(offset, 0, Math.max(0, rows - page));
                fill();
            }
        }
    }

    private void fill() {
        int visible = Math.max(0, Math.min(page, rows - offset));
        if (table.getItemCount() != visible) {
            table.setItemCount(visible);
        }
        int columns = result == null ? 0 : result.columns().size();
        for (int i = 0; i < visible; i++) {
            TableItem item = table.getItem(i);
            long row = order.tableRow(offset + i);
            item.setText(0, Long.toString(row + 1));
            item.setForeground(0, rowNumberColor);
            for (int c = 0; c < columns; c++) {
                item.setText(c + 1, cellText(row, c));
            }
        }
        applySelection();
        updateSlider();
        if (visible > 0 && table.getTopIndex() != 0) {
            table.setTopIndex(0);
        }
    }

    private String cellText(long row, int column) {
        try {
            return CellFormatter.format(result.cell(row, column));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private void applySelection() {
        table.deselectAll();
        int visible = table.getItemCount();
        for (int i = selected.nextSetBit(offset); i >= 0 && i < offset + visible; i = selected.nextSetBit(i + 1)) {
            table.select(i - offset);
        }
    }

    private void updateSlider() {
        int thumb = Math.max(1, Math.min(page, Math.max(1, rows)));
        slider.setValues(offset, 0, Math.max(rows, 1), thumb, 1, Math.max(1, page - 1));
        slider.setEnabled(rows > page);
    }

    private void wheel(Event event) {
        if (rows > page) {
            scrollTo(offset - Integer.signum(event.count) * WHEEL_ROWS);
            event.doit = false;
        }
    }

    private void key(Event event) {
        int focus = table.getSelectionIndex();
        boolean ctrl = (event.stateMask & SWT.MOD1) != 0;
        int target;
        switch (event.keyCode) {
            case SWT.ARROW_UP -> target = focus <= 0 ? offset - 1 : -1;
            case SWT.ARROW_DOWN -> target = focus >= table.getItemCount() - 1 ? offset + focus + 1 : -1;
            case SWT.PAGE_UP -> target = offset - page + 1;
            case SWT.PAGE_DOWN -> target = offset + page + page - 2;
            case SWT.HOME -> target = ctrl ? 0 : -1;
            case SWT.END -> target = ctrl ? rows - 1 : -1;
            default -> {
                if (ctrl && (event.character == 'a' || event.character == 1)) {
                    selectAll();
                    event.doit = false;
                }
                return;
            }
        }
        if (target < 0 && event.keyCode != SWT.PAGE_UP) {
            return;
        }
        int row = Math.clamp(target, 0, Math.max(0, rows - 1));
        int index = reveal(row);
        selected.clear();
        selected.set(row);
        applySelection();
        table.setSelection(index);
        selectionListener.handleEvent(null);
        event.doit = false;
    }

    private void tableSelection(Event event) {
        int visible = table.getItemCount();
        BitSet shown = new BitSet();
        for (int i = 0; i < visible; i++) {
            shown.set(i, table.isSelected(i));
        }
        if (shown.equals(selected.get(offset, offset + visible))) {
            // GTK reports the selection this grid applied itself (after Ctrl+A or a scroll): no news.
            return;
        }
        for (int i = 0; i < visible; i++) {
            selected.set(offset + i, shown.get(i));
        }
        boolean extend = event != null && (event.stateMask & (SWT.MOD1 | SWT.SHIFT)) != 0;
        if (!extend) {
            // A plain click selects one row: forget what was selected on other pages.
            BitSet here = selected.get(offset, offset + visible);
            selected.clear();
            for (int i = here.nextSetBit(0); i >= 0; i = here.nextSetBit(i + 1)) {
                selected.set(offset + i);
            }
        }
        selectionListener.handleEvent(event);
    }

    private void addRowNumberColumn(long count) {
        TableColumn column = new TableColumn(table, SWT.RIGHT);
        column.setText("#");
        column.setToolTipText("Row number in the result as received");
        column.setWidth(textWidth(String.format("%,d", count)) + PADDING);
    }

    private void addColumn(ResultTable newResult, ColumnDescription description, int index) {
        int style = CellFormatter.isNumeric(description.javaType()) ? SWT.RIGHT : SWT.LEFT;
        TableColumn column = new TableColumn(table, style);
        column.setText(description.name());
        column.setToolTipText(ResultSummary.tooltip(description));
        column.setMoveable(true);
        column.setWidth(preferredWidth(newResult, description, index));
        column.addListener(SWT.Selection, e -> sortRequest.sortBy(index));
    }

    /** Fits the header and the first rows, within bounds; never reads more than a few rows. */
    private int preferredWidth(ResultTable newResult, ColumnDescription description, int index) {
        GC gc = new GC(table);
        try {
            int width = gc.textExtent(description.name()).x;
            long sample = Math.min(newResult.rowCount(), SAMPLE_ROWS);
            for (long row = 0; row < sample && width < MAX_WIDTH; row++) {
                width = Math.max(width, gc.textExtent(CellFormatter.format(newResult.cell(row, index))).x);
            }
            return Math.clamp(width + PADDING, MIN_WIDTH, MAX_WIDTH);
        } catch (IOException e) {
            return MAX_WIDTH / 2;
        } finally {
            gc.dispose();
        }
    }

    private int textWidth(String text) {
        GC gc = new GC(table);
        try {
            return Math.max(gc.textExtent(text).x, gc.textExtent("#").x);
        } finally {
            gc.dispose();
        }
    }
}
