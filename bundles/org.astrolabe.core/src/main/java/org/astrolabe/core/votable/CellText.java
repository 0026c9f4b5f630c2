package org.astrolabe.core.votable;

import java.lang.reflect.Array;

/** Plain text of a STIL cell for the text writers: numbers round-trip, arrays joined. */
final class CellText {

    private CellText() {
    }

    /**
     * @param cell a STIL cell value, may be {@code null}
     * @param separator between array elements
     * @return "" for null and NaN, otherwise the value's text
     */
    static String of(Object cell, String separator) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d && d.isNaN() || cell instanceof Float f && f.isNaN()) {
            return "";
        }
        if (cell.getClass().isArray()) {
            int n = Array.getLength(cell);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(separator);
                }
                Object e = Array.get(cell, i);
                b.append(e == null ? "" : e.toString());
            }
            return b.toString();
        }
        return cell.toString();
    }
}
