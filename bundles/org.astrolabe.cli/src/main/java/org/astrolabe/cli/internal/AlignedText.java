package org.astrolabe.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Rows of text cells printed as left-aligned columns separated by two spaces. Not thread-safe. */
final class AlignedText {

    private final List<String[]> rows = new ArrayList<>();
    private final String indent;

    AlignedText(String indent) {
        this.indent = indent;
    }

    AlignedText row(String... cells) {
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
