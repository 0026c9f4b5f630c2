package org.astrolabe.cli.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.ResultWriter;
import org.astrolabe.core.votable.TableFormat;
import org.astrolabe.tap.TapQuery;
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
            description = "text (default), votable, csv, fits, ipac, ecsv")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the table to FILE instead of stdout")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "ADQL", description = "the query, or @FILE to read it from FILE")
    List<String> words;

    @Option(names = "--async", description = "run the query as an async (UWS) job: submit, run, wait, print")
    boolean async;

    @Option(names = "--no-wait", description = "with --async: submit, run, print the job URL and return")
    boolean noWait;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        TableFormat tableFormat = TableFormat.parse(format);
        TapQuery query = TapQuery.of(adql());
        if (maxrec != null) {
            query = query.withMaxrec(maxrec);
        }
        var client = context.tapClient();
        if (noWait && !async) {
            throw new IllegalArgumentException("--no-wait goes with --async");
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
            writer.write(table, tableFormat, out);
            context.info("wrote " + out);
        } else {
            OutputStream stdout = new BufferedOutputStream(context.out(), 1 << 16);
            writer.write(table, tableFormat, stdout);
        }
        return ExitCode.OK;
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
