package org.astrolabe.ui.internal.results;

import java.lang.reflect.Array;

/**
 * Shows cell values as text: numbers in Java's shortest round-trip form (so 175.005 stays
 * 175.005), arrays as {@code [a, b, c]}, nulls and NaN as empty cells (VOTable uses NaN for null
 * floating-point values), line breaks as spaces. Long texts and arrays are cut with an ellipsis.
 * Stateless.
 */
final class CellFormatter {

    /** Longest text a cell shows. */
    static final int MAX_LENGTH = 300;
    private static final int MAX_ELEMENTS = 32;

    private CellFormatter() {
    }

    /**
     * @param value a cell as STIL gives it, may be {@code null}
     * @return its text for the table, never {@code null}
     */
    static String format(Object value) {
        String text;
        if (value == null) {
            text = "";
        } else if (value instanceof Double d) {
            text = d.isNaN() ? "" : d.toString();
        } else if (value instanceof Float f) {
            text = f.isNaN() ? "" : f.toString();
        } else if (value.getClass().isArray()) {
            text = formatArray(value);
        } else {
            text = value.toString().replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH - 1) + "…" : text;
    }

    private static String formatArray(Object array) {
        int length = Array.getLength(array);
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < Math.min(length, MAX_ELEMENTS); i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(format(Array.get(array, i)));
        }
        if (length > MAX_ELEMENTS) {
            text.append(", … (").append(length).append(" values)");
        }
        return text.append(']').toString();
    }

    /**
     * @param javaType the class of a column's cells
     * @return whether the column holds numbers, which read better right-aligned
     */
    static boolean isNumeric(Class<?> javaType) {
        return Number.class.isAssignableFrom(javaType);
    }
}
