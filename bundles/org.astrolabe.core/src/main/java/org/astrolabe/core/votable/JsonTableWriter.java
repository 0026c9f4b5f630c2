package org.astrolabe.core.votable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;

import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StreamStarTableWriter;
import uk.ac.starlink.votable.VOStarTable;

/**
 * JSON, streamed row by row: {@code {"columns":[{"name","datatype","unit","ucd","description"}...],
 * "data":[[...],...]}}. Numbers stay numbers (NaN and infinities become {@code null}), arrays
 * become JSON arrays. STIL has no JSON writer. Stateless.
 */
final class JsonTableWriter extends StreamStarTableWriter {

    @Override
    public String getFormatName() {
        return "json";
    }

    @Override
    public String getMimeType() {
        return "application/json";
    }

    @Override
    public boolean looksLikeFile(String location) {
        return location.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    @Override
    public void writeStarTable(StarTable table, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        int n = table.getColumnCount();
        w.write("{\"columns\":[");
        for (int i = 0; i < n; i++) {
            ColumnInfo info = table.getColumnInfo(i);
            Object datatype = info.getAuxDatumValue(VOStarTable.DATATYPE_INFO, Object.class);
            w.write(i == 0 ? "\n  {" : ",\n  {");
            field(w, "name", info.getName(), true);
            field(w, "datatype", datatype == null ? null : datatype.toString(), false);
            field(w, "unit", info.getUnitString(), false);
            field(w, "ucd", info.getUCD(), false);
            field(w, "description", info.getDescription(), false);
            w.write('}');
        }
        w.write("],\n\"data\":[");
        boolean first = true;
        try (RowSequence rows = table.getRowSequence()) {
            while (rows.next()) {
                w.write(first ? "\n[" : ",\n[");
                first = false;
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    value(w, rows.getCell(i));
                }
                w.write(']');
            }
        }
        w.write("]}\n");
        w.flush();
    }

    private static void field(Writer w, String name, String value, boolean first) throws IOException {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (!first) {
            w.write(',');
        }
        string(w, name);
        w.write(':');
        string(w, value);
    }

    private static void value(Writer w, Object cell) throws IOException {
        if (cell == null) {
            w.write("null");
        } else if (cell instanceof Double d) {
            w.write(d.isNaN() || d.isInfinite() ? "null" : d.toString());
        } else if (cell instanceof Float f) {
            w.write(f.isNaN() || f.isInfinite() ? "null" : f.toString());
        } else if (cell instanceof Number || cell instanceof Boolean) {
            w.write(cell.toString());
        } else if (cell.getClass().isArray()) {
            int len = Array.getLength(cell);
            w.write('[');
            for (int i = 0; i < len; i++) {
                if (i > 0) {
                    w.write(',');
                }
                value(w, Array.get(cell, i));
            }
            w.write(']');
        } else {
            string(w, cell.toString());
        }
    }

    private static void string(Writer w, String s) throws IOException {
        w.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> w.write("\\\"");
                case '\\' -> w.write("\\\\");
                case '\n' -> w.write("\\n");
                case '\r' -> w.write("\\r");
                case '\t' -> w.write("\\t");
                default -> {
                    if (c < 0x20) {
                        w.write(String.format("\\u%04x", (int) c));
                    } else {
                        w.write(c);
                    }
                }
            }
        }
        w.write('"');
    }
}
