package org.astrolabe.cli.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.datalink.download.DownloadOptions;
import org.astrolabe.datalink.download.DownloadOutcome;
import org.astrolabe.datalink.download.DownloadOutcome.Status;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code astrolabe download}: files to a directory, several at once, one line per file on stdout
 * (path, size), one line per failure on stderr, a progress bar on stderr when it is a terminal.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download files (resumed, verified, never overwriting unless asked); prints path and size.")
final class DownloadCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "transfers at once per host (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "directory for the files (default: the current directory)")
    Path out;

    /** Ctrl-C cancels the transfers; the JVM waits this long for them to delete their temporary files. */
    private static final long CLEAN_UP_SECONDS = 10;

    @Option(names = "--overwrite", description = "replace files that already exist")
    boolean overwrite;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "http or https URLs")
    List<String> urls;

    @Override
    public Integer call() {
        CliContext context = root.context();
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1: " + parallel);
        }
        List<URI> uris = new ArrayList<>();
        for (String u : urls) {
            try {
                uris.add(new URI(u.trim()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a valid URL: " + u);
            }
        }
        DownloadOptions options = DownloadOptions.into(out).withParallelPerHost(parallel).withOverwrite(overwrite);
        IProgressMonitor monitor = TerminalProgress.isTerminal(context.err()) && !context.quiet()
                ? new TerminalProgress(context.err()) : new NullProgressMonitor();
        List<DownloadOutcome> outcomes;
        try (CancelOnExit exit = new CancelOnExit(monitor, CLEAN_UP_SECONDS)) {
            outcomes = context.downloads().download(uris, options, monitor);
        } finally {
            monitor.done();
        }
        int exit = ExitCode.OK;
        for (DownloadOutcome o : outcomes) {
            if (o.status() == Status.DOWNLOADED) {
                context.out().println(o.file() + "\t" + o.size());
            } else if (o.status() == Status.EXISTS) {
                context.err().println("astrolabe: " + o.file() + " exists, not overwritten (--overwrite replaces it): "
                        + o.url());
                exit = worse(exit, ExitCode.FAILURE);
            } else {
                context.err().println("astrolabe: " + o.failure().getMessage());
                exit = worse(exit, exitCode(o.failure()));
            }
        }
        context.out().flush();
        return exit;
    }

    private static int exitCode(AstrolabeException failure) {
        return ExitCode.of(failure);
    }

    /** Authentication outranks not found, which outranks network, which outranks any other failure. */
    static int worse(int a, int b) {
        List<Integer> order = List.of(ExitCode.OK, ExitCode.FAILURE, ExitCode.USAGE, ExitCode.TRANSIENT,
                ExitCode.NOT_FOUND, ExitCode.AUTH);
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }
}
