package org.astrolabe.cli.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.ResultWriter;
import org.astrolabe.core.votable.SavedResult;
import org.astrolabe.core.votable.TableFormat;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.TapUpload;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe query}: run ADQL synchronously and print or save the result. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Run an ADQL query (synchronously, or as an async job with --async) and print the result as a table.")
final class QueryCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Option(names = "--maxrec", paramLabel = "N", description = "ask for at most N rows (MAXREC)")
    Long maxrec;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "text (default), votable, csv, tsv, fits, ipac, ecsv, json")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the table to FILE instead of stdout")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "ADQL", description = "the query, or @FILE to read it from FILE")
    List<String> words;

    @Option(names = "--async", description = "run the query as an async (UWS) job: submit, run, wait, print")
    boolean async;

    @Option(names = "--no-wait", description = "with --async: submit, run, print the job URL and return")
    boolean noWait;

    @Option(names = "--upload", paramLabel = "NAME=FILE",
            description = "upload a table (VOTable, CSV or FITS file, or an http(s) URL) as TAP_UPLOAD.NAME;"
                    + " repeatable")
    List<String> uploads = new ArrayList<>();

    @Option(names = "--convert",
            description = "with --out: read the result and write it in --format, rather than saving the "
                    + "service's own output for that format")
    boolean convert;

    @Option(names = "--response-format", paramLabel = "RF",
            description = "with --out: save the service's output for RESPONSEFORMAT=RF as it is "
                    + "(e.g. votable/td, votable/b2, csv)")
    String responseFormat;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        TableFormat tableFormat = TableFormat.parse(format);
        TapQuery query = TapQuery.of(adql());
        if (maxrec != null) {
            query = query.withMaxrec(maxrec);
        }
        for (String spec : uploads) {
            query = query.withUpload(TapUpload.parse(spec));
        }
        var client = context.tapClient();
        if (noWait && !async) {
            throw new IllegalArgumentException("--no-wait goes with --async");
        }
        String raw = async ? null : rawFormat(tableFormat);
        if (raw != null) {
            try {
                return save(context, client, raw.isEmpty() ? query : query.withResponseFormat(raw));
            } catch (UnsupportedOperationException notByThisClient) {
                if (responseFormat != null) {
                    throw new IllegalArgumentException("--response-format is not supported by this TAP client");
                }
                context.info("this TAP client cannot save the service's own output; converting instead");
            }
        }
        if (!async && out != null && raw == null && tableFormat.streamable()) {
            try {
                return convert(context, client, query, tableFormat);
            } catch (UnsupportedOperationException notByThisClient) {
                context.info("this TAP client cannot convert while the result streams in; reading it first");
            }
        }
        long start = System.nanoTime();
        ResultTable table;
        if (async) {
            table = new AsyncQuery(context).run(client.baseUri(), query, noWait);
            if (table == null) {
                return ExitCode.OK;
            }
        } else {
            context.info("POST " + client.baseUri() + "/sync");
            table = client.query(query, new NullProgressMonitor());
        }
        context.info(table.rowCount() + " rows in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        if (table.isTruncated()) {
            context.warn("result truncated at " + table.rowCount() + " rows by the service's row limit (MAXREC="
                    + (maxrec != null ? maxrec : "service default") + "); use --maxrec to ask for more"
                    + (table.status().message().isEmpty() ? "" : " (" + table.status().message() + ")"));
        }
        ResultWriter writer = new ResultWriter();
        if (out != null) {
            try {
                writer.write(table, tableFormat, out);
            } catch (IOException e) {
                throw new IOException("Cannot write " + out + " (the result of " + client.baseUri() + "/sync): "
                        + e.getMessage(), e);
            }
            context.info("wrote " + out);
        } else {
            OutputStream stdout = new BufferedOutputStream(context.out(), 1 << 16);
            writer.write(table, tableFormat, stdout);
        }
        return ExitCode.OK;
    }

    /**
     * @return the RESPONSEFORMAT whose output is saved as it is ("" for the service's default
     *         VOTable), or {@code null} when the result is read and converted
     */
    private String rawFormat(TableFormat tableFormat) {
        if (responseFormat != null) {
            if (out == null) {
                throw new IllegalArgumentException("--response-format needs --out FILE");
            }
            return responseFormat.strip();
        }
        if (out == null || convert) {
            return null;
        }
        String id = tableFormat.id();
        if (id.equals("votable")) {
            return "";
        }
        return List.of("csv", "tsv", "fits", "json").contains(id) ? id : null;
    }

    /** Writes the service's VOTable to --out in another format while it streams in. */
    private int convert(CliContext context, TapClient client, TapQuery query, TableFormat tableFormat)
            throws Exception {
        context.info((query.uploads().isEmpty() ? "POST " : "POST (multipart) ") + client.baseUri() + "/sync, "
                + "converting to " + tableFormat.id() + " on the way");
        long start = System.nanoTime();
        SavedResult saved = client.convert(query, tableFormat, out, new NullProgressMonitor());
        context.info("wrote " + saved.bytes() + " bytes (" + tableFormat.id() + ") to " + out + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
        if (saved.isTruncated()) {
            warnTruncated(context, saved.status().message());
        }
        return ExitCode.OK;
    }

    /** Saves the service's own output to --out, byte for byte. */
    private int save(CliContext context, TapClient client, TapQuery query) throws Exception {
        context.info((query.uploads().isEmpty() ? "POST " : "POST (multipart) ") + client.baseUri() + "/sync"
                + query.responseFormat().map(f -> " RESPONSEFORMAT=" + f).orElse(""));
        long start = System.nanoTime();
        SavedResult saved = client.save(query, out, new NullProgressMonitor());
        context.info("wrote " + saved.bytes() + " bytes (" + (saved.mediaType().isEmpty() ? "no type"
                : saved.mediaType()) + ") to " + out + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        String asked = query.responseFormat().orElse("votable");
        if (saved.votable() && !asked.toLowerCase(java.util.Locale.ROOT).contains("votable")
                && !asked.toLowerCase(java.util.Locale.ROOT).contains("xml")) {
            context.warn("the service sent a VOTable, not " + asked + " (it ignored RESPONSEFORMAT); use --convert"
                    + " to write " + asked + " from it");
        }
        if (saved.isTruncated()) {
            warnTruncated(context, saved.status().message());
        }
        return ExitCode.OK;
    }

    private void warnTruncated(CliContext context, String message) {
        context.warn("result truncated by the service's row limit (MAXREC="
                + (maxrec != null ? maxrec : "service default") + "); use --maxrec to ask for more"
                + (message.isEmpty() ? "" : " (" + message + ")"));
    }

    private String adql() throws IOException {
        String text = String.join(" ", words);
        if (words.size() == 1 && text.startsWith("@")) {
            Path file = Path.of(text.substring(1));
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("query file not found: " + file);
            }
        }
        return text;
    }
}
