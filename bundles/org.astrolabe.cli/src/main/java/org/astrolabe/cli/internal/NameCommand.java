package org.astrolabe.cli.internal;

import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe name TARGET}. */
@Command(name = "name", mixinStandardHelpOptions = true,
        description = "Observations whose target name contains TARGET (case-insensitive, taken literally).")
final class NameCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Parameters(paramLabel = "TARGET", description = "part of a target name; quotes and % are matched literally")
    String target;

    @Option(names = "--maxrec", paramLabel = "N", description = "ask for at most N rows (MAXREC)")
    Long maxrec;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "text (default), votable, csv, tsv, fits, ipac, ecsv, json")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the table to FILE")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        var archive = context.archive();
        var table = context.recipes().name(archive, target, maxrec == null ? OptionalLong.empty()
                : OptionalLong.of(maxrec), new NullProgressMonitor());
        ArchiveSupport.output(context, table, format, out, maxrec);
        return ExitCode.OK;
    }
}
