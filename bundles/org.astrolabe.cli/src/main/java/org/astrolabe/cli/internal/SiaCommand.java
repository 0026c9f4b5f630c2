package org.astrolabe.cli.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.astrolabe.core.sky.Angle;
import org.astrolabe.datalink.soda.Interval;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe sia POSITION SIZE [--v2 [--band LO HI] [--time LO HI]] [--url URL]}. */
@Command(name = "sia", mixinStandardHelpOptions = true,
        description = "Simple Image Access: SIA 1 (POS, SIZE, FORMAT) or, with --v2, SIA 2 (POS=CIRCLE, BAND, TIME).")
final class SiaCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Parameters(index = "0", paramLabel = "POSITION")
    String position;

    @Parameters(index = "1", paramLabel = "SIZE", description = "SIA 1: SIZE (full width); SIA 2: circle radius")
    String size;

    @Option(names = "--v2", description = "use SIA 2")
    boolean v2;

    @Option(names = "--url", paramLabel = "URL", description = "the SIA query URL (default: the archive's)")
    URI url;

    @Option(names = "--image-format", paramLabel = "MIME", description = "SIA 1 FORMAT (e.g. image/fits)")
    String imageFormat;

    @Option(names = "--band", arity = "2", paramLabel = "M", description = "SIA 2 BAND: wavelengths LO HI in metres")
    double[] band;

    @Option(names = "--time", arity = "2", paramLabel = "MJD", description = "SIA 2 TIME: LO HI as MJD")
    double[] time;

    @Option(names = "--maxrec", paramLabel = "N", description = "SIA 2 MAXREC")
    Long maxrec;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text", description = "table format, as for query")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the table to FILE")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        if (!v2 && (band != null || time != null || maxrec != null)) {
            throw new IllegalArgumentException("--band, --time and --maxrec go with --v2");
        }
        URI service = url;
        if (service == null) {
            var archive = context.archive().archive();
            service = v2 ? archive.sia2() : archive.sia();
            if (service == null) {
                throw new IllegalArgumentException("archive " + archive.name() + " has no SIA " + (v2 ? "2" : "1")
                        + " service: give --url");
            }
        }
        var p = ArchiveSupport.position(context, position);
        var monitor = new NullProgressMonitor();
        var table = v2
                ? context.dal().sia2(service, p, Angle.parse(size), band == null ? null : new Interval(band[0], band[1]),
                        time == null ? null : new Interval(time[0], time[1]),
                        maxrec == null ? OptionalLong.empty() : OptionalLong.of(maxrec), monitor)
                : context.dal().sia1(service, p, Angle.parse(size), imageFormat, monitor);
        ArchiveSupport.output(context, table, format, out, maxrec);
        return ExitCode.OK;
    }
}
