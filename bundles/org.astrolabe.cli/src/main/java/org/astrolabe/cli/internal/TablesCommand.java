package org.astrolabe.cli.internal;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.astrolabe.core.votable.QueryStatus;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.ResultWriter;
import org.astrolabe.core.votable.TableFormat;
import org.astrolabe.core.vosi.ColumnMetadata;
import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.core.vosi.TableSet;
import org.astrolabe.tap.metadata.TapMetadata;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;

/**
 * {@code astrolabe tables [TABLE]}: the service's tables (name, type, rows, description), or one
 * table's columns (name, type, unit, UCD, description). Written through STIL, so {@code --format}
 * gives the same choice as for query results.
 */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "List the service's tables, or with TABLE its columns (name, type, unit, UCD, description).")
final class TablesCommand implements Callable<Integer> {

    /** Longest description printed in text format; other formats carry it whole. */
    private static final int TEXT_DESCRIPTION = 70;

    @ParentCommand
    AstrolabeCommand root;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "text (default), votable, csv, fits, ipac, ecsv")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the list to FILE instead of stdout")
    Path out;

    @Parameters(arity = "0..1", paramLabel = "TABLE", description = "a table name, e.g. ivoa.ObsCore")
    String table;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        TableFormat tableFormat = TableFormat.parse(format);
        boolean text = tableFormat == TableFormat.TEXT;
        var client = context.tapClient();
        TapMetadata metadata = client.metadata();
        RowListStarTable rows;
        if (table == null) {
            context.info("GET " + client.baseUri() + "/tables?detail=min");
            TableSet set = metadata.tables(new NullProgressMonitor());
            set.warnings().forEach(w -> context.warn("tables document: " + w));
            rows = new RowListStarTable(new ColumnInfo[] {
                new ColumnInfo("name", String.class, "table name as used in ADQL"),
                new ColumnInfo("type", String.class, "table, view, ..."),
                new ColumnInfo("rows", Long.class, "approximate row count, if the service gives it"),
                new ColumnInfo("description", String.class, "the service's description")});
            for (TableMetadata t : set.tables()) {
                rows.addRow(new Object[] {t.name(), t.type(), t.nrows().isPresent() ? t.nrows().getAsLong() : null,
                    describe(t.description().isEmpty() ? t.title() : t.description(), text)});
            }
        } else {
            context.info("GET " + client.baseUri() + "/tables/" + table);
            TableMetadata t = metadata.table(table, new NullProgressMonitor());
            rows = new RowListStarTable(new ColumnInfo[] {
                new ColumnInfo("name", String.class, "column name"),
                new ColumnInfo("type", String.class, "data type"),
                new ColumnInfo("unit", String.class, "unit"),
                new ColumnInfo("ucd", String.class, "UCD"),
                new ColumnInfo("description", String.class, "the service's description")});
            for (ColumnMetadata c : t.columns()) {
                rows.addRow(new Object[] {c.name(), c.typeText(), c.unit(), c.ucd(), describe(c.description(), text)});
            }
        }
        ResultTable result = new ResultTable(rows, QueryStatus.unspecified());
        ResultWriter writer = new ResultWriter();
        if (out != null) {
            writer.write(result, tableFormat, out);
            context.info("wrote " + out);
        } else {
            OutputStream stdout = new BufferedOutputStream(context.out(), 1 << 16);
            writer.write(result, tableFormat, stdout);
        }
        return ExitCode.OK;
    }

    /** For a terminal: one line, cut at a readable length. */
    private static String describe(String description, boolean text) {
        if (!text) {
            return description;
        }
        String line = description.replaceAll("\\s+", " ").strip();
        return line.length() > TEXT_DESCRIPTION ? line.substring(0, TEXT_DESCRIPTION - 1) + "…" : line;
    }
}
