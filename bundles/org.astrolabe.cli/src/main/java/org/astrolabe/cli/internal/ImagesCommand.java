package org.astrolabe.cli.internal;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.astrolabe.archive.ImageFile;
import org.astrolabe.archive.Images;
import org.astrolabe.archive.RegionQuery;
import org.astrolabe.core.sky.Angle;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe images POSITION RADIUS [--collection C] [--out DIR]}. */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = "Download cutouts around a position and check that each is a FITS file.",
        footer = {"", "Prints one line per FITS file. Cutouts that fail (authentication, not FITS) and datasets",
                "without a cutout service are reported on stderr and make the exit code 1 (3 if every",
                "failure is an authentication failure)."})
final class ImagesCommand implements Callable<Integer> {

    private static final long CLEAN_UP_SECONDS = 10;

    @ParentCommand
    AstrolabeCommand root;

    @Parameters(index = "0", paramLabel = "POSITION", description = "the centre")
    String position;

    @Parameters(index = "1", paramLabel = "RADIUS", description = "search and cutout radius (1arcmin, 0.1deg, ...)")
    String radius;

    @Option(names = "--collection", paramLabel = "C", description = "only this collection")
    String collection;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "where the files go (default: .)")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        RegionQuery q = RegionQuery.of(ArchiveSupport.position(context, position), Angle.parse(radius))
                .withCollection(collection);
        var archive = context.archive();
        IProgressMonitor monitor = TerminalProgress.isTerminal(context.err()) && !context.quiet()
                ? new TerminalProgress(context.err()) : new NullProgressMonitor();
        Images images;
        try (CancelOnExit exit = new CancelOnExit(monitor, CLEAN_UP_SECONDS)) {
            images = context.recipes().images(archive, q, out, monitor); // Ctrl-C: no partial file left
        } finally {
            monitor.done();
        }
        int failures = 0;
        int auth = 0;
        for (ImageFile f : images.files()) {
            if (f.ok()) {
                context.out().println(f.file() + " (" + f.hdus() + (f.hdus() == 1 ? " HDU)" : " HDUs)"));
            } else {
                failures++;
                if (f.problem().contains("401") || f.problem().toLowerCase(java.util.Locale.ROOT).contains("authentic")) {
                    auth++;
                }
                context.err().println("astrolabe: " + f.problem());
            }
        }
        context.out().flush();
        for (String p : images.problems()) {
            failures++;
            context.err().println("astrolabe: " + p);
        }
        if (images.files().isEmpty() && images.problems().isEmpty()) {
            context.warn("no observation around " + q.position() + " within " + q.radius());
        }
        if (failures == 0) {
            return ExitCode.OK;
        }
        return failures == auth ? ExitCode.AUTH : ExitCode.FAILURE;
    }
}
