package org.astrolabe.cli.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.astrolabe.core.sky.Angle;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe cone POSITION RADIUS [--url URL] [--verb N]}: Simple Cone Search. */
@Command(name = "cone", mixinStandardHelpOptions = true,
        description = "Simple Cone Search: the archive's cone search service (or --url) around a position.")
final class ConeCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Parameters(index = "0", paramLabel = "POSITION")
    String position;

    @Parameters(index = "1", paramLabel = "RADIUS", description = "SR: 1arcmin, 0.1deg, ...")
    String radius;

    @Option(names = "--url", paramLabel = "URL", description = "a cone search URL (default: the archive's)")
    URI url;

    @Option(names = "--verb", paramLabel = "N", defaultValue = "2", description = "VERB 1..3 (default 2)")
    int verb;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "table format, as for query")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the table to FILE")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        URI service = url;
        if (service == null) {
            service = context.archive().archive().coneSearch();
            if (service == null) {
                throw new IllegalArgumentException("archive " + context.archive().archive().name()
                        + " has no cone search service: give --url");
            }
        }
        var table = context.dal().coneSearch(service, ArchiveSupport.position(context, position), Angle.parse(radius),
                verb, new NullProgressMonitor());
        ArchiveSupport.output(context, table, format, out, null);
        return ExitCode.OK;
    }
}
