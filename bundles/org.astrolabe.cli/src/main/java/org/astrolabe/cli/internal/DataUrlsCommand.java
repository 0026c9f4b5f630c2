package org.astrolabe.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.astrolabe.archive.DataUrls;
import org.astrolabe.datalink.DataLink;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe data-urls [--auxiliaries] (--from FILE | ID...)}. */
@Command(name = "data-urls", mixinStandardHelpOptions = true,
        description = "Download URLs of datasets (DataLink #this links; with --auxiliaries also auxiliaries).",
        footer = {"", "Datasets that give no URL are reported on stderr and make the exit code 1."})
final class DataUrlsCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Option(names = "--auxiliaries", description = "also auxiliary and calibration files")
    boolean auxiliaries;

    @Option(names = "--from", paramLabel = "FILE", description = "a table saved by region/name --out")
    Path from;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "dataset identifiers (publisherID, obs_publisher_did)")
    List<String> ids = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        if ((from == null) == ids.isEmpty()) {
            throw new IllegalArgumentException("give either --from FILE or identifiers, not both and not neither");
        }
        var archive = context.archive();
        List<String> all = from != null ? ArchiveSupport.ids(from, archive.profile()) : ids;
        context.info(all.size() + " identifiers");
        DataUrls urls = context.recipes().dataUrls(archive, all, auxiliaries, new NullProgressMonitor());
        for (DataLink l : urls.links()) {
            context.out().println(l.accessUrl());
        }
        context.out().flush();
        for (String p : urls.problems()) {
            context.err().println("astrolabe: " + p);
        }
        return urls.problems().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
    }
}
