package org.astrolabe.cli.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.astrolabe.archive.RegionQuery;
import org.astrolabe.core.sky.Angle;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe region POSITION [--radius R] [--collection C]}. */
@Command(name = "region", mixinStandardHelpOptions = true,
        description = "Observations whose footprint meets a circle around a position.")
final class RegionCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Parameters(paramLabel = "POSITION",
            description = "'08h45m07.5s +54d18m00s', '08:45:07.5 +54:18:00' or '131.28 54.30' (an object name is "
                    + "resolved with CDS Sesame)")
    String position;

    @Option(names = "--radius", paramLabel = "R", defaultValue = "1arcmin",
            description = "1arcmin (default), 0.1deg, 30arcsec, or degrees")
    String radius;

    @Option(names = "--collection", paramLabel = "C", description = "only this collection")
    String collection;

    @Option(names = "--type", paramLabel = "T", description = "only this data product type (image, cube, ...)")
    String type;

    @Option(names = "--centre", description = "ObsCore: match the observations' centres (s_ra, s_dec), not s_region")
    boolean centre;

    @Option(names = "--maxrec", paramLabel = "N", description = "ask for at most N rows (MAXREC)")
    Long maxrec;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "text (default), votable, csv, tsv, fits, ipac, ecsv, json")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the table to FILE (e.g. for data-urls --from)")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        RegionQuery query = new RegionQuery(ArchiveSupport.position(context, position), Angle.parse(radius),
                Optional.ofNullable(collection), Optional.ofNullable(type), centre,
                maxrec == null ? OptionalLong.empty() : OptionalLong.of(maxrec));
        var archive = context.archive();
        var table = context.recipes().region(archive, query, new NullProgressMonitor());
        ArchiveSupport.output(context, table, format, out, maxrec);
        return ExitCode.OK;
    }
}
