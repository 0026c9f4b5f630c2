package org.astrolabe.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.VOTableReader;
import org.astrolabe.core.vosi.Availability;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.uws.ErrorSummary;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobFilter;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.JobResult;
import org.astrolabe.tap.uws.JobSummary;
import org.astrolabe.tap.uws.RememberedJob;
import org.astrolabe.tap.uws.UwsJobManager;
import org.astrolabe.tap.uws.WaitOptions;
import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query --async}, {@code jobs} and {@code job ...} against an in-memory job manager: what is
 * printed, and the exit codes of DESIGN.md (4 for an unknown job). The protocol itself is tested in
 * org.astrolabe.tap and against DaCHS.
 */
class JobCommandsTest {

    private static final String TAP = "http://tap.example/tap";
    private static final String TABLE = """
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
            <INFO name="QUERY_STATUS" value="OK"/><TABLE><FIELD name="n" datatype="long"/>
            <DATA><TABLEDATA><TR><TD>1000000</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final FakeJobs jobs = new FakeJobs();

    /** Jobs complete when run; ADQL containing SELEKT ends in ERROR. */
    private static final class FakeJobs implements UwsJobManager {
        final Map<URI, JobInfo> jobs = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        int next;

        JobInfo put(String id, ExecutionPhase phase, String adql) {
            URI uri = URI.create(TAP + "/async/" + id);
            JobInfo j = new JobInfo(id, uri, "1.1", phase, Optional.empty(), Optional.empty(),
                    Optional.of(Instant.parse("2026-11-21T16:00:00Z")), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Map.of("QUERY", adql, "MAXREC", "1"),
                    phase == ExecutionPhase.COMPLETED ? List.of(new JobResult("result", URI.create(uri + "/results/result")))
                            : List.of(),
                    phase == ExecutionPhase.ERROR
                            ? Optional.of(new ErrorSummary(ErrorSummary.Type.FATAL, false, "Could not parse your query"))
                            : Optional.empty());
            jobs.put(uri, j);
            return j;
        }

        private JobInfo known(URI job) throws NotFoundException {
            JobInfo j = jobs.get(job);
            if (j == null) {
                throw new NotFoundException("No job '" + job.getPath().substring(job.getPath().lastIndexOf('/') + 1)
                        + "' at " + job + " (HTTP 404)", job);
            }
            return j;
        }

        @Override
        public JobInfo create(URI service, TapQuery query, Map<String, String> parameters, IProgressMonitor m) {
            calls.add("create " + service);
            return put("job" + ++next, ExecutionPhase.PENDING, query.adql());
        }

        @Override
        public JobInfo setParameters(URI job, Map<String, String> parameters, IProgressMonitor m)
                throws AstrolabeException {
            return known(job);
        }

        @Override
        public JobInfo run(URI job, IProgressMonitor m) throws AstrolabeException {
            calls.add("run " + job);
            JobInfo j = known(job);
            return put(j.id(), j.parameter("QUERY").orElse("").contains("SELEKT") ? ExecutionPhase.ERROR
                    : ExecutionPhase.COMPLETED, j.parameter("QUERY").orElse(""));
        }

        @Override
        public JobInfo get(URI job, IProgressMonitor m) throws AstrolabeException {
            return known(job);
        }

        @Override
        public JobInfo load(URI service, String idOrUrl, IProgressMonitor m) throws AstrolabeException {
            return known(jobUri(service, idOrUrl));
        }

        @Override
        public URI jobUri(URI service, String idOrUrl) {
            return idOrUrl.startsWith("http") ? URI.create(idOrUrl) : URI.create(service + "/async/" + idOrUrl);
        }

        @Override
        public JobInfo waitFor(URI job, WaitOptions options, IProgressMonitor m) throws AstrolabeException {
            calls.add("wait " + job);
            return known(job);
        }

        @Override
        public JobInfo abort(URI job, IProgressMonitor m) throws AstrolabeException {
            JobInfo j = known(job);
            return j.phase().isFinal() ? j : put(j.id(), ExecutionPhase.ABORTED, "");
        }

        @Override
        public boolean delete(URI job, IProgressMonitor m) {
            return jobs.remove(job) != null;
        }

        @Override
        public void raiseIfError(JobInfo job, IProgressMonitor m) throws AstrolabeException {
            if (job.phase() == ExecutionPhase.ERROR) {
                throw new QueryFailedException(job.errorSummary().get().message(), job.uri());
            }
        }

        @Override
        public HttpResult openResult(JobInfo job, IProgressMonitor m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ResultTable result(JobInfo job, IProgressMonitor m) throws AstrolabeException {
            raiseIfError(job, m);
            if (job.phase() != ExecutionPhase.COMPLETED) {
                throw new InvalidInputException("Job " + job.id() + " is " + job.phase(), job.uri(), null);
            }
            return new VOTableReader().read(new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)),
                    job.resultUri(), m);
        }

        @Override
        public ResultTable query(URI service, TapQuery query, Map<String, String> parameters, WaitOptions options,
                IProgressMonitor m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<JobSummary> list(URI service, JobFilter filter, IProgressMonitor m) {
            calls.add("list " + filter.phases() + " " + filter.after().orElse(null) + " " + filter.last());
            return jobs.values().stream().map(j -> new JobSummary(j.id(), j.uri(), j.phase(), Optional.empty(),
                    Optional.empty(), j.creationTime())).filter(filter::accepts).toList();
        }

        @Override
        public List<RememberedJob> remembered(URI service) {
            return jobs.values().stream().filter(j -> j.id().startsWith("job"))
                    .map(j -> new RememberedJob(service, j.uri(), j.id(), Instant.EPOCH, "")).toList();
        }

        @Override
        public boolean forget(URI job) {
            return false;
        }

        @Override
        public void remember(RememberedJob job) {
            calls.add("remember " + job.id());
        }
    }

    private int run(String... args) {
        TapClientFactory factory = new TapClientFactory() {
            @Override
            public TapClient create(URI baseUrl) {
                return new TapClient() {
                    @Override
                    public URI baseUri() {
                        return baseUrl;
                    }

                    @Override
                    public ResultTable query(TapQuery query, IProgressMonitor monitor) {
                        throw new UnsupportedOperationException("sync query in an async test");
                    }

                    @Override
                    public Availability availability(IProgressMonitor monitor) {
                        throw new UnsupportedOperationException();
                    }
                };
            }

            @Override
            public TapClient create(URI baseUrl, TransportSettings settings) {
                return create(baseUrl);
            }
        };
        out.reset();
        err.reset();
        return new CommandLineRunner(factory, jobs).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void asyncQueryCreatesRunsWaitsAndPrints() {
        assertEquals(0, run("--service", TAP, "query", "--async", "SELECT COUNT(*) FROM t"), stderr());
        assertTrue(stdout().contains("1000000"), stdout());
        assertEquals(List.of("create " + TAP, "run " + TAP + "/async/job1", "wait " + TAP + "/async/job1"), jobs.calls);
    }

    @Test
    void asyncNoWaitPrintsTheJobUrl() {
        assertEquals(0, run("--service", TAP, "query", "--async", "--no-wait", "SELECT 1"));
        assertEquals(TAP + "/async/job1", stdout().strip());
        assertFalse(jobs.calls.stream().anyMatch(c -> c.startsWith("wait")));
    }

    @Test
    void noWaitWithoutAsyncIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("--service", TAP, "query", "--no-wait", "SELECT 1"));
    }

    @Test
    void asyncErrorIsOneLineWithTheServersMessage() {
        assertEquals(ExitCode.FAILURE, run("--service", TAP, "query", "--async", "SELEKT"));
        assertTrue(stderr().contains("Could not parse your query"), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
    }

    @Test
    void jobsListsWithFilters() {
        jobs.put("old1", ExecutionPhase.COMPLETED, "SELECT 1");
        jobs.put("err1", ExecutionPhase.ERROR, "SELEKT");
        assertEquals(0, run("--service", TAP, "jobs", "--phase", "error", "--phase", "COMPLETED", "--last", "5",
                "--after", "2026-11-21"));
        assertTrue(stdout().contains("err1") && stdout().contains("old1"), stdout());
        assertTrue(stdout().startsWith("job id"), stdout());
        assertEquals("list [COMPLETED, ERROR] 2026-11-21T00:00:00Z OptionalInt[5]",
                jobs.calls.get(0).replace("[ERROR, COMPLETED]", "[COMPLETED, ERROR]"));
        assertEquals(ExitCode.USAGE, run("--service", TAP, "jobs", "--phase", "DONE"));
        assertTrue(stderr().contains("'DONE'"), stderr());
        assertEquals(ExitCode.USAGE, run("--service", TAP, "jobs", "--after", "yesterday"));
        assertEquals(ExitCode.USAGE, run("--service", TAP, "jobs", "--last", "0"));
    }

    @Test
    void jobShowByIdAndByUrl() {
        jobs.put("abc", ExecutionPhase.COMPLETED, "SELECT 1");
        assertEquals(0, run("--service", TAP, "job", "show", "abc"));
        assertTrue(stdout().contains("phase:        COMPLETED"), stdout());
        assertTrue(stdout().contains("parameter:    QUERY = SELECT 1"), stdout());
        assertEquals(0, run("job", "show", TAP + "/async/abc"), "a URL needs no --service: " + stderr());
    }

    @Test
    void unknownJobExitsFour() {
        for (String action : List.of("show", "wait", "abort", "delete", "result")) {
            assertEquals(ExitCode.NOT_FOUND, run("--service", TAP, "job", action, "nosuchjob"), action);
            assertTrue(stderr().contains("nosuchjob"), stderr());
            assertEquals(1, stderr().lines().count(), stderr());
        }
    }

    @Test
    void jobIdWithoutServiceIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("job", "show", "abc"));
    }

    @Test
    void jobWaitAbortDeleteResult(@TempDir Path dir) throws Exception {
        jobs.put("done", ExecutionPhase.COMPLETED, "SELECT 1");
        jobs.put("bad", ExecutionPhase.ERROR, "SELEKT");
        jobs.put("run", ExecutionPhase.EXECUTING, "SELECT 2");
        assertEquals(0, run("--service", TAP, "job", "wait", "done"));
        assertEquals("COMPLETED", stdout().strip());
        assertEquals(ExitCode.FAILURE, run("--service", TAP, "job", "wait", "bad"));
        assertTrue(stderr().contains("Could not parse your query"), stderr());
        assertEquals(0, run("--service", TAP, "job", "abort", "run"));
        assertEquals("ABORTED", stdout().strip());
        assertEquals(ExitCode.FAILURE, run("--service", TAP, "job", "result", "run"));
        Path csv = dir.resolve("r.csv");
        assertEquals(0, run("--service", TAP, "job", "result", "--format", "csv", "--out", csv.toString(), "done"));
        assertEquals(List.of("n", "1000000"), Files.readAllLines(csv));
        assertEquals(0, run("--service", TAP, "job", "delete", "done"));
        assertEquals(ExitCode.NOT_FOUND, run("--service", TAP, "job", "delete", "done"));
        assertEquals(ExitCode.USAGE, run("--service", TAP, "job"));
    }
}
