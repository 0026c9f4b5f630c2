package org.astrolabe.ui.internal.results;

import java.io.IOException;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;

/**
 * Text of one column of the result table, read from the {@link ResultRow} on demand. A negative
 * column index gives the 1-based row number, greyed. UI thread only.
 */
final class ResultCellLabelProvider extends ColumnLabelProvider {

    static final int ROW_NUMBER = -1;

    private final int column;

    /** @param column result column index from 0, or {@link #ROW_NUMBER} */
    ResultCellLabelProvider(int column) {
        this.column = column;
    }

    @Override
    public String getText(Object element) {
        if (!(element instanceof ResultRow row)) {
            return "";
        }
        if (column == ROW_NUMBER) {
            return Long.toString(row.index() + 1);
        }
        try {
            return CellFormatter.format(row.table().cell(row.index(), column));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public Color getForeground(Object element) {
        return column == ROW_NUMBER ? Display.getCurrent().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW) : null;
    }
}
