package org.astrolabe.cli.internal;

import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobFilter;
import org.astrolabe.tap.uws.JobSummary;
import org.astrolabe.tap.uws.RememberedJob;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe jobs}: the service's async jobs, filtered by phase, date and count. */
@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = {"List the service's async (UWS) jobs: id, phase, creation time when the service gives it, URL.",
            "Jobs you created with this installation are marked with *."})
final class JobsCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Option(names = "--phase", paramLabel = "P",
            description = "only jobs in phase P (PENDING, QUEUED, EXECUTING, COMPLETED, ERROR, ABORTED, ...); repeatable")
    List<String> phases = new ArrayList<>();

    @Option(names = "--after", paramLabel = "ISO-8601",
            description = "only jobs created after this time, e.g. 2026-11-21T15:00:00Z or 2026-11-21 (UTC)")
    String after;

    @Option(names = "--last", paramLabel = "N", description = "only the N most recently created jobs")
    Integer last;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        JobFilter filter = JobFilter.all();
        if (!phases.isEmpty()) {
            filter = filter.withPhases(phases.stream().map(ExecutionPhase::parse).toArray(ExecutionPhase[]::new));
        }
        if (after != null) {
            filter = filter.withAfter(parseInstant(after));
        }
        if (last != null) {
            filter = filter.withLast(last);
        }
        URI service = context.tapClient().baseUri();
        context.info("GET " + service + "/async " + filter);
        List<JobSummary> jobs = context.jobs().list(service, filter, new NullProgressMonitor());
        Set<String> mine = context.jobs().remembered(service).stream().map(RememberedJob::id)
                .collect(Collectors.toSet());
        print(context.out(), jobs, mine);
        return ExitCode.OK;
    }

    static void print(PrintStream out, List<JobSummary> jobs, Set<String> mine) {
        int idWidth = Math.max(6, jobs.stream().mapToInt(j -> j.id().length() + 1).max().orElse(0));
        String format = "%-" + idWidth + "s  %-9s  %-20s  %s%n";
        out.printf(format, "job id", "phase", "created", "URL");
        for (JobSummary j : jobs) {
            out.printf(format, j.id() + (mine.contains(j.id()) ? "*" : ""), j.phase(),
                    j.creationTime().map(Instant::toString).orElse("-"), j.uri());
        }
        out.flush();
    }

    /**
     * @return the instant of an ISO 8601 time; without a zone it is UTC, a bare date is its midnight
     * @throws IllegalArgumentException naming the text when it is not ISO 8601
     */
    static Instant parseInstant(String text) {
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notWithZone) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("--after needs an ISO 8601 time such as 2026-11-21T15:00:00Z "
                            + "or 2026-11-21, not '" + text + "'");
                }
            }
        }
    }
}
