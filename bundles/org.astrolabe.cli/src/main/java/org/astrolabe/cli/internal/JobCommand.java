package org.astrolabe.cli.internal;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.TableFormat;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.UwsJobManager;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code astrolabe job (show | wait | abort | delete | result) JOB}: one async job, given by its id
 * (under {@code --service}'s {@code /async}) or by its URL. An unknown job exits with 4.
 */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "Show, wait for, abort, delete or fetch the result of one async (UWS) job.",
        footer = {"", "JOB is a job id (resolved against --service's /async) or a job URL."})
final class JobCommand {

    private static final String JOB_HELP = "job id or job URL";

    @ParentCommand
    AstrolabeCommand root;

    private CliContext context() {
        return root.context();
    }

    private URI resolve(CliContext context, String job) {
        String lower = job.strip().toLowerCase(Locale.ROOT);
        URI service = lower.startsWith("http://") || lower.startsWith("https://") ? null
                : context.tapClient().baseUri();
        return context.jobs().jobUri(service, job);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print what the service says of the job.")
    int show(@Parameters(paramLabel = "JOB", description = JOB_HELP) String job) throws Exception {
        CliContext context = context();
        JobInfo info = context.jobs().get(resolve(context, job), new NullProgressMonitor());
        describe(context.out(), info);
        return ExitCode.OK;
    }

    @Command(name = "wait", mixinStandardHelpOptions = true,
            description = {"Wait until the job ends and print its phase (Ctrl-C stops waiting, not the job).",
                "Exit 0 when it completed, 1 when it failed (its message on stderr) or was aborted."})
    int waitFor(@Parameters(paramLabel = "JOB", description = JOB_HELP) String job) throws Exception {
        CliContext context = context();
        UwsJobManager jobs = context.jobs();
        JobInfo info = AsyncQuery.waitFor(jobs, jobs.get(resolve(context, job), new NullProgressMonitor()), true);
        context.out().println(info.phase());
        context.out().flush();
        return ended(context, info);
    }

    private static int ended(CliContext context, JobInfo info) throws Exception {
        context.jobs().raiseIfError(info, new NullProgressMonitor());
        if (info.phase() == ExecutionPhase.ABORTED) {
            context.err().println("astrolabe: job " + info.id() + " was aborted");
            return ExitCode.FAILURE;
        }
        return ExitCode.OK;
    }

    @Command(name = "abort", mixinStandardHelpOptions = true, description = "Abort the job and print its phase.")
    int abort(@Parameters(paramLabel = "JOB", description = JOB_HELP) String job) throws Exception {
        CliContext context = context();
        JobInfo info = context.jobs().abort(resolve(context, job), new NullProgressMonitor());
        context.out().println(info.phase());
        context.out().flush();
        return ExitCode.OK;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete the job from the service.")
    int delete(@Parameters(paramLabel = "JOB", description = JOB_HELP) String job) throws Exception {
        CliContext context = context();
        URI uri = resolve(context, job);
        if (!context.jobs().delete(uri, new NullProgressMonitor())) {
            throw new NotFoundException("No job '" + job.strip() + "' at " + uri + ": nothing to delete", uri);
        }
        context.info("deleted " + uri);
        return ExitCode.OK;
    }

    @Command(name = "result", mixinStandardHelpOptions = true,
            description = "Print or save the job's result (waiting for it first if it is still running).")
    int result(@Parameters(paramLabel = "JOB", description = JOB_HELP) String job,
            @Option(names = "--format", paramLabel = "F", defaultValue = "text",
                    description = "text (default), votable, csv, fits, ipac, ecsv") String format,
            @Option(names = "--out", paramLabel = "FILE", description = "write the table to FILE instead of stdout")
            Path out) throws Exception {
        CliContext context = context();
        TableFormat tableFormat = TableFormat.parse(format);
        UwsJobManager jobs = context.jobs();
        JobInfo info = jobs.get(resolve(context, job), new NullProgressMonitor());
        if (info.phase().isRunning()) {
            context.info("job " + info.id() + " is " + info.phase() + "; waiting for it");
            info = AsyncQuery.waitFor(jobs, info, true);
        }
        if (info.phase() == ExecutionPhase.ABORTED) {
            throw new QueryFailedException("job " + info.id() + " was aborted: it has no result", info.uri());
        }
        ResultTable table = jobs.result(info, new NullProgressMonitor());
        Long maxrec = info.parameter("MAXREC").map(m -> {
            try {
                return Long.valueOf(m.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
        TablePrinter.print(context, table, maxrec, tableFormat, out);
        return ExitCode.OK;
    }

    static void describe(PrintStream out, JobInfo j) {
        line(out, "job", j.id());
        line(out, "url", j.uri().toString());
        line(out, "phase", j.phase().name());
        j.owner().ifPresent(o -> line(out, "owner", o));
        j.runId().ifPresent(r -> line(out, "run id", r));
        j.creationTime().ifPresent(t -> line(out, "created", t.toString()));
        j.startTime().ifPresent(t -> line(out, "started", t.toString()));
        j.endTime().ifPresent(t -> line(out, "ended", t.toString()));
        j.quote().ifPresent(t -> line(out, "quote", t.toString()));
        j.executionDuration().ifPresent(d -> line(out, "max run time", d.isZero() ? "unlimited" : d.toSeconds() + " s"));
        j.destruction().ifPresent(t -> line(out, "destruction", t.toString()));
        line(out, "uws version", j.version());
        for (Map.Entry<String, String> p : j.parameters().entrySet()) {
            if (!p.getValue().isBlank()) {
                line(out, "parameter", p.getKey() + " = " + p.getValue().strip().replaceAll("\\s+", " "));
            }
        }
        j.results().forEach(r -> line(out, "result", r.id() + " " + r.href()));
        j.errorSummary().ifPresent(e -> line(out, "error", e.type().name().toLowerCase(Locale.ROOT) + ": "
                + e.message()));
        out.flush();
    }

    private static void line(PrintStream out, String key, String value) {
        out.printf("%-13s %s%n", key + ":", value);
    }
}
