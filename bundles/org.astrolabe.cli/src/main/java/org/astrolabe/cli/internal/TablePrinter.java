package org.astrolabe.cli.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.ResultWriter;
import org.astrolabe.core.votable.TableFormat;

/** Prints or saves a result table the way {@code query} does, with its overflow warning. */
final class TablePrinter {

    private TablePrinter() {
    }

    /**
     * @param maxrec the MAXREC that was asked for, or {@code null} for the service's default
     * @param out the file to write, or {@code null} for stdout
     */
    static void print(CliContext context, ResultTable table, Long maxrec, TableFormat format, Path out)
            throws IOException {
        if (table.isTruncated()) {
            context.warn("result truncated at " + table.rowCount() + " rows by the service's row limit (MAXREC="
                    + (maxrec != null ? maxrec : "service default") + "); use --maxrec to ask for more"
                    + (table.status().message().isEmpty() ? "" : " (" + table.status().message() + ")"));
        }
        ResultWriter writer = new ResultWriter();
        if (out != null) {
            writer.write(table, format, out);
            context.info("wrote " + out);
        } else {
            OutputStream stdout = new BufferedOutputStream(context.out(), 1 << 16);
            writer.write(table, format, stdout);
        }
    }
}
