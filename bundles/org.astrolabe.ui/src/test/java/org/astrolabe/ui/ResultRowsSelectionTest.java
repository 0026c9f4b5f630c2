package org.astrolabe.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.astrolabe.core.votable.ColumnDescription;
import org.junit.jupiter.api.Test;

class ResultRowsSelectionTest {

    private static final List<ColumnDescription> COLUMNS = List.of(
            new ColumnDescription("obs_publisher_did", "char", "", "meta.ref.ivoid", "", String.class),
            new ColumnDescription("s_ra", "double", "deg", "pos.eq.ra", "", Double.class));

    @Test
    void findsColumnsByNameAndUcd() {
        ResultRowsSelection s = new ResultRowsSelection(Optional.of(URI.create("http://h/tap")), COLUMNS,
                List.of(new ResultRowsSelection.Row(4, Arrays.asList("ivo://x?a", null))), 1);
        assertEquals(OptionalInt.of(1), s.columnIndex("S_RA"));
        assertEquals(OptionalInt.of(0), s.columnIndexByUcd("META.REF.IVOID"));
        assertEquals(OptionalInt.empty(), s.columnIndex("dec"));
        assertNull(s.rows().get(0).value(1), "null cells stay null");
        assertFalse(s.isEmpty());
        assertFalse(s.isCapped());
    }

    @Test
    void refusesRowsThatDoNotMatchTheColumns() {
        var row = new ResultRowsSelection.Row(0, List.of("only one"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ResultRowsSelection(Optional.empty(), COLUMNS, List.of(row), 1));
        assertTrue(e.getMessage().contains("1 values for 2 columns"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ResultRowsSelection.Row(-1, List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ResultRowsSelection(Optional.empty(), COLUMNS, List.of(), -1));
    }

    @Test
    void emptySelectionIsEmptyAndCappedWhenRowsWereLeftOut() {
        assertTrue(ResultRowsSelection.empty(Optional.empty(), COLUMNS).isEmpty());
        var row = new ResultRowsSelection.Row(0, List.of("a", 1.0));
        assertTrue(new ResultRowsSelection(Optional.empty(), COLUMNS, List.of(row), 5).isCapped());
    }
}
