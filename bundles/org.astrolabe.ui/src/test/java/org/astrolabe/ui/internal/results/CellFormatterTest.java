package org.astrolabe.ui.internal.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellFormatterTest {

    @Test
    void nullsAndNaNAreEmptyCells() {
        assertEquals("", CellFormatter.format(null));
        assertEquals("", CellFormatter.format(Double.NaN));
        assertEquals("", CellFormatter.format(Float.NaN));
    }

    @Test
    void numbersKeepTheirShortestForm() {
        assertEquals("175.005", CellFormatter.format(175.005));
        assertEquals("10.57", CellFormatter.format(10.57f));
        assertEquals("-4.995", CellFormatter.format(-4.995));
        assertEquals("1000000", CellFormatter.format(1_000_000L));
    }

    @Test
    void arraysAreListedAndCut() {
        assertEquals("[1.5, 2.0]", CellFormatter.format(new double[] {1.5, 2.0}));
        assertEquals("[a, ]", CellFormatter.format(new String[] {"a", null}));
        String many = CellFormatter.format(new int[100]);
        assertTrue(many.endsWith(", … (100 values)]"), many);
    }

    @Test
    void lineBreaksBecomeSpacesAndLongTextIsCut() {
        assertEquals("first second third", CellFormatter.format("first\nsecond\r\nthird"));
        String cut = CellFormatter.format("x".repeat(1000));
        assertEquals(CellFormatter.MAX_LENGTH, cut.length());
        assertTrue(cut.endsWith("…"));
    }

    @Test
    void onlyNumbersAreRightAligned() {
        assertTrue(CellFormatter.isNumeric(Double.class));
        assertTrue(CellFormatter.isNumeric(Long.class));
        assertFalse(CellFormatter.isNumeric(String.class));
        assertFalse(CellFormatter.isNumeric(double[].class));
    }
}
