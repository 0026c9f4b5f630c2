package org.astrolabe.core.votable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StreamStarTableWriter;

/**
 * Tab-separated values as IANA's {@code text/tab-separated-values} defines them: a header line
 * of column names, one line per row, empty fields for nulls. Tabs and line breaks inside values
 * (which the format cannot carry) become spaces. STIL has no TSV writer. Stateless.
 */
final class TsvTableWriter extends StreamStarTableWriter {

    @Override
    public String getFormatName() {
        return "tsv";
    }

    @Override
    public String getMimeType() {
        return "text/tab-separated-values";
    }

    @Override
    public boolean looksLikeFile(String location) {
        return location.toLowerCase(java.util.Locale.ROOT).endsWith(".tsv");
    }

    @Override
    public void writeStarTable(StarTable table, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        int n = table.getColumnCount();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                w.write('\t');
            }
            w.write(clean(table.getColumnInfo(i).getName()));
        }
        w.write('\n');
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        w.write('\t');
                    }
                    w.write(clean(CellText.of(rows.getCell(i), " ")));
                }
                w.write('\n');
            }
        }
        w.flush();
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        return s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 ? s
                : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
