package org.astrolabe.cli.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.astrolabe.archive.CutoutUrl;
import org.astrolabe.archive.CutoutUrls;
import org.astrolabe.archive.RegionQuery;
import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe image-urls POSITION RADIUS (--from FILE | [--collection C])}. */
@Command(name = "image-urls", mixinStandardHelpOptions = true,
        description = "SODA cutout URLs around a position, for the datasets of a saved table or of the region.",
        footer = {"", "Datasets that give no cutout URL are reported on stderr and make the exit code 1."})
final class ImageUrlsCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Parameters(index = "0", paramLabel = "POSITION", description = "the cutout's centre")
    String position;

    @Parameters(index = "1", paramLabel = "RADIUS", description = "the cutout's radius (1arcmin, 0.1deg, ...)")
    String radius;

    @Option(names = "--from", paramLabel = "FILE", description = "a table saved by region/name --out")
    Path from;

    @Option(names = "--collection", paramLabel = "C", description = "without --from: only this collection")
    String collection;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        if (from != null && collection != null) {
            throw new IllegalArgumentException("--collection goes with a region search, not with --from");
        }
        SkyPosition p = ArchiveSupport.position(context, position);
        Angle r = Angle.parse(radius);
        var archive = context.archive();
        List<String> ids;
        if (from != null) {
            ids = ArchiveSupport.ids(from, archive.profile());
        } else {
            RegionQuery q = RegionQuery.of(p, r).withCollection(collection);
            ids = context.recipes().ids(archive, context.recipes().region(archive, q, new NullProgressMonitor()));
        }
        CutoutUrls urls = context.recipes().imageUrls(archive, ids, p, r, new NullProgressMonitor());
        for (CutoutUrl u : urls.urls()) {
            context.out().println(u.url());
        }
        context.out().flush();
        for (String problem : urls.problems()) {
            context.err().println("astrolabe: " + problem);
        }
        return urls.problems().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }
}
