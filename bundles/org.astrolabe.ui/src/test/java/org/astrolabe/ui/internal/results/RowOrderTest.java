package org.astrolabe.ui.internal.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;

import org.astrolabe.core.votable.QueryStatus;
import org.astrolabe.core.votable.ResultTable;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;

import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;

class RowOrderTest {

    private static ResultTable table(Object[]... rows) {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("id", Long.class, null),
            new ColumnInfo("mag", Double.class, null), new ColumnInfo("name", String.class, null)});
        for (Object[] row : rows) {
            t.addRow(row);
        }
        return new ResultTable(t, QueryStatus.unspecified());
    }

    private static long[] order(RowOrder order, int rows) {
        return IntStream.range(0, rows).mapToLong(order::tableRow).toArray();
    }

    private static final ResultTable TABLE = table(new Object[] {3L, 12.5, "b"}, new Object[] {1L, Double.NaN, "a"},
            new Object[] {2L, 9.0, null}, new Object[] {10L, 11.0, "c"});

    @Test
    void sortsNumbersAscendingAndDescendingWithNullsLast() throws Exception {
        assertArrayEquals(new long[] {2, 3, 0, 1}, order(RowOrder.sort(TABLE, 1, true, null), 4));
        assertArrayEquals(new long[] {0, 3, 2, 1}, order(RowOrder.sort(TABLE, 1, false, null), 4));
        assertArrayEquals(new long[] {1, 2, 0, 3}, order(RowOrder.sort(TABLE, 0, true, null), 4),
                "longs compare as numbers, 10 after 3");
        assertArrayEquals(new long[] {1, 0, 3, 2}, order(RowOrder.sort(TABLE, 2, true, null), 4));
        assertArrayEquals(new long[] {0, 1, 2, 3}, order(RowOrder.natural(), 4));
    }

    @Test
    void cancelledSortThrows() {
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        assertThrows(OperationCanceledException.class, () -> RowOrder.sort(TABLE, 1, true, cancelled));
    }
}
