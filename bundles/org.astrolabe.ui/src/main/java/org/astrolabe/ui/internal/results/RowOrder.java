package org.astrolabe.ui.internal.results;

import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Comparator;

import org.astrolabe.core.votable.ResultTable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * The order in which the Results view shows a table's rows: as received, or sorted by one column.
 * Sorting reads that column once (cancellable) and sorts row indices; nulls and NaN go last in
 * both directions. Immutable once made; safe to hand from a job to the UI thread.
 */
final class RowOrder {

    private final int[] rows;
    private final int column;
    private final boolean ascending;

    private RowOrder(int[] rows, int column, boolean ascending) {
        this.rows = rows;
        this.column = column;
        this.ascending = ascending;
    }

    /** @return the order of the rows as received */
    static RowOrder natural() {
        return new RowOrder(null, -1, true);
    }

    /**
     * @param table the rows
     * @param column the column to sort by
     * @param ascending smallest first
     * @param monitor cancellation
     * @return the sorted order
     * @throws IOException when the disk-backed table cannot be read
     * @throws OperationCanceledException when cancelled
     */
    static RowOrder sort(ResultTable table, int column, boolean ascending, IProgressMonitor monitor)
            throws IOException {
        int count = (int) Math.min(table.rowCount(), Integer.MAX_VALUE);
        SubMonitor sub = SubMonitor.convert(monitor, "Sorting " + count + " rows by "
                + table.columns().get(column).name(), 10);
        Object[] keys = new Object[count];
        SubMonitor reading = sub.split(6).setWorkRemaining(count / 10_000 + 1);
        for (int i = 0; i < count; i++) {
            keys[i] = key(table.cell(i, column));
            if (i % 10_000 == 0) {
                reading.split(1);
            }
        }
        Integer[] boxed = new Integer[count];
        Arrays.setAll(boxed, i -> i);
        Comparator<Integer> byKey = (a, b) -> compare(keys[a], keys[b]);
        Arrays.sort(boxed, ascending ? byKey : nullsLast(byKey.reversed(), keys));
        sub.split(4);
        int[] rows = new int[count];
        for (int i = 0; i < count; i++) {
            rows[i] = boxed[i];
        }
        return new RowOrder(rows, column, ascending);
    }

    /** @return the table row shown at {@code viewIndex} */
    long tableRow(int viewIndex) {
        return rows == null ? viewIndex : rows[viewIndex];
    }

    /** @return the column sorted by, or -1 */
    int column() {
        return column;
    }

    /** @return whether the sort is ascending */
    boolean ascending() {
        return ascending;
    }

    /** @return whether the rows are sorted */
    boolean isSorted() {
        return rows != null;
    }

    private static Comparator<Integer> nullsLast(Comparator<Integer> reversed, Object[] keys) {
        return (a, b) -> {
            boolean na = keys[a] == null;
            boolean nb = keys[b] == null;
            if (na || nb) {
                return na == nb ? 0 : na ? 1 : -1;
            }
            return reversed.compare(a, b);
        };
    }

    /** Cells as comparable keys: numbers as Double or Long, NaN as null, arrays as their text. */
    static Object key(Object cell) {
        if (cell instanceof Double d && d.isNaN() || cell instanceof Float f && f.isNaN()) {
            return null;
        }
        if (cell instanceof Long || cell instanceof Integer || cell instanceof Short || cell instanceof Byte) {
            return ((Number) cell).longValue();
        }
        if (cell instanceof Number n) {
            return n.doubleValue();
        }
        if (cell != null && cell.getClass().isArray()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < Array.getLength(cell); i++) {
                text.append(Array.get(cell, i)).append(',');
            }
            return text.toString();
        }
        return cell;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == b ? 0 : a == null ? 1 : -1;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable c) {
            return c.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }
}
