package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.internal.uws.HttpUwsJobManager;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobFilter;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.JobSummary;
import org.astrolabe.tap.uws.UwsJobManager;
import org.astrolabe.tap.uws.WaitOptions;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Async TAP (UWS 1.1) against the local GAVO DaCHS server and its known answers
 * (releng/test-server/README.md): the registered {@link UwsJobManager}, and managers made with
 * {@code new} over a counting transport to count requests and to simulate a restart. Skipped when
 * the server is not running, unless {@code astrolabe.test.requireServer=true}.
 */
class DachsUwsIntegrationTest {

    private static final String COUNT = "SELECT COUNT(*) AS n FROM astrolabe.sources";
    /**
     * Runs for about 25 s on DaCHS (1,000 x 1,000,000 comparisons). Bounded on purpose: DaCHS's abort
     * kills its runner but may leave the PostgreSQL backend computing an orphaned query to its end.
     */
    static final String SLOW = "SELECT COUNT(*) AS n FROM astrolabe.sources AS a JOIN astrolabe.sources AS b "
            + "ON a.mag < b.mag WHERE a.source_id <= 1000";
    private static final Map<String, String> CAPPED = Map.of("EXECUTIONDURATION", "60");

    private static URI base;
    private static UwsJobManager service;
    private static CountingTransport counting;
    private static Path storeDir;
    private static HttpUwsJobManager counted;
    private static final List<URI> created = new ArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        base = URI.create(System.getProperty("astrolabe.test.tap", "http://127.0.0.1:18080/tap"));
        try {
            assertTrue(Services.get(TapClientFactory.class).create(base).availability(new NullProgressMonitor())
                    .available());
        } catch (TransientException down) {
            if (Boolean.getBoolean("astrolabe.test.requireServer")) {
                fail("The local DaCHS test server is required but not running: " + down.getMessage());
            }
            assumeTrue(false, "local DaCHS test server not running: " + down.getMessage());
        }
        service = Services.get(UwsJobManager.class);
        counting = new CountingTransport(Services.get(HttpTransport.class));
        storeDir = Files.createTempDirectory("astrolabe-uws-test");
        counted = new HttpUwsJobManager(counting, storeDir);
    }

    @AfterAll
    static void tidyUp() {
        if (service == null) {
            return;
        }
        for (URI job : created) {
            try {
                service.delete(job, null);
            } catch (Exception e) {
                // best effort: DaCHS destroys old jobs itself
            }
        }
        if (counted != null) {
            counted.close();
        }
    }

    private static JobInfo submit(UwsJobManager manager, String adql, Map<String, String> parameters) throws Exception {
        JobInfo job = manager.create(base, TapQuery.of(adql), parameters, null);
        created.add(job.uri());
        return job;
    }

    @Test
    void managerIsRegisteredByTheTapBundle() throws Exception {
        assertEquals("org.astrolabe.tap", Services.provider(UwsJobManager.class));
    }

    @Test
    void asyncQueryThroughTheServiceGivesTheKnownCount() throws Exception {
        ResultTable t = service.query(base, TapQuery.of(COUNT), Map.of(), WaitOptions.defaults(),
                new NullProgressMonitor());
        assertEquals(1_000_000L, ((Number) t.cell(0, 0)).longValue());
        assertFalse(t.isTruncated());
    }

    @Test
    void blockingWaitCountsAndResultLatency() throws Exception {
        JobInfo job = submit(counted, COUNT, Map.of());
        assertEquals(ExecutionPhase.PENDING, job.phase(), "DaCHS leaves a new job PENDING");
        JobInfo running = counted.run(job.uri(), null);
        assertTrue(running.phase().isRunning() || running.phase().isFinal(), running.phase().name());
        int before = counting.statusRequests(job.uri()).size();
        long waitStart = System.nanoTime();
        JobInfo done = counted.waitFor(job.uri(), WaitOptions.defaults(), null);
        long waited = System.nanoTime();
        ResultTable t = counted.result(done, null);
        long fetched = System.nanoTime();
        assertEquals(ExecutionPhase.COMPLETED, done.phase());
        assertEquals(1_000_000L, ((Number) t.cell(0, 0)).longValue());
        var requests = counting.statusRequests(job.uri());
        var during = requests.subList(before, requests.size());
        long blocking = during.stream().filter(s -> !s.request().form().isEmpty()).count();
        // A plain read, then one blocking request per phase change (QUEUED -> EXECUTING -> COMPLETED), no polling.
        assertTrue(during.size() <= 4, "status requests while waiting: " + during.size());
        assertTrue(blocking >= 1 && blocking <= 3, "blocking requests: " + blocking);
        double latency = (fetched - waited) / 1e9;
        assertTrue(latency < 0.5, "result fetched " + latency + " s after the job completed");
        long serverLag = Duration.between(done.endTime().orElseThrow(), Instant.now()).toMillis();
        System.out.printf("UWS-METRIC wait %.2f s, status requests during wait %d (blocking %d), "
                + "completion->result fetched %.3f s, server endTime->now %d ms (1 s resolution)%n",
                (waited - waitStart) / 1e9, during.size(), blocking, latency, serverLag);
    }

    @Test
    void oneBlockingRequestPerWaitPeriodOnALongJob() throws Exception {
        JobInfo slow = submit(counted, SLOW, CAPPED);
        counted.run(slow.uri(), null);
        counted.waitFor(slow.uri(), WaitOptions.defaults().withTimeout(Duration.ofSeconds(4)), null); // reach EXECUTING
        int before = counting.statusRequests(slow.uri()).size();
        long start = System.nanoTime();
        JobInfo seen = counted.waitFor(slow.uri(), WaitOptions.defaults().withWaitPeriod(Duration.ofSeconds(2))
                .withTimeout(Duration.ofSeconds(8)), null);
        double waited = (System.nanoTime() - start) / 1e9;
        var requests = counting.statusRequests(slow.uri());
        var during = requests.subList(before, requests.size());
        long blocking = during.stream().filter(s -> !s.request().form().isEmpty()).count();
        counted.abort(slow.uri(), null);
        assertEquals(ExecutionPhase.EXECUTING, seen.phase());
        // 8 s at WAIT=2: four blocking requests (plus the first plain read), never a busy loop.
        assertTrue(blocking >= 3 && blocking <= 4, "blocking requests in " + waited + " s: " + blocking);
        System.out.printf("UWS-METRIC long job: %.1f s waited with WAIT=2, %d status requests (%d blocking)%n",
                waited, during.size(), blocking);
    }

    @Test
    void abortAPendingJobAndARunningOne() throws Exception {
        JobInfo pending = submit(service, COUNT, Map.of());
        assertEquals(ExecutionPhase.ABORTED, service.abort(pending.uri(), null).phase());

        JobInfo slow = submit(service, SLOW, CAPPED);
        service.run(slow.uri(), null);
        JobInfo executing = service.waitFor(slow.uri(), WaitOptions.defaults().withTimeout(Duration.ofSeconds(4)), null);
        assertEquals(ExecutionPhase.EXECUTING, executing.phase());
        JobInfo aborted = service.abort(slow.uri(), null);
        assertEquals(ExecutionPhase.ABORTED, aborted.phase());
        assertThrows(org.astrolabe.core.InvalidInputException.class, () -> service.result(aborted, null));
    }

    @Test
    void cancellingAWaitAbortsTheJobOnTheServer() throws Exception {
        JobInfo slow = submit(service, SLOW, CAPPED);
        service.run(slow.uri(), null);
        NullProgressMonitor monitor = new NullProgressMonitor();
        CompletableFuture.delayedExecutor(4, TimeUnit.SECONDS).execute(() -> monitor.setCanceled(true));
        long start = System.nanoTime();
        assertThrows(OperationCanceledException.class, () -> service.waitFor(slow.uri(), WaitOptions.defaults(), monitor));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(6), "the cancel was not prompt");
        // The abort was sent without waiting for DaCHS to stop the query; it does so within seconds.
        JobInfo after = service.waitFor(slow.uri(), WaitOptions.defaults().withTimeout(Duration.ofSeconds(10)), null);
        assertEquals(ExecutionPhase.ABORTED, after.phase());
    }

    @Test
    void deletedJobIsNotFound() throws Exception {
        JobInfo job = submit(service, COUNT, Map.of());
        assertTrue(service.remembered(base).stream().anyMatch(r -> r.job().equals(job.uri())));
        assertTrue(service.delete(job.uri(), null));
        NotFoundException e = assertThrows(NotFoundException.class, () -> service.load(base, job.id(), null));
        assertTrue(e.getMessage().contains(job.id()), e.getMessage());
        assertThrows(NotFoundException.class, () -> service.get(job.uri(), null));
        assertFalse(service.delete(job.uri(), null), "a second delete is not an error");
        assertFalse(service.remembered(base).stream().anyMatch(r -> r.job().equals(job.uri())));
    }

    @Test
    void unknownJobIdIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> service.load(base, "nosuchjob0", null));
        assertTrue(e.getMessage().contains("nosuchjob0"), e.getMessage());
    }

    @Test
    void parametersOfAPendingJobCanBeSet() throws Exception {
        JobInfo job = submit(service, COUNT, Map.of());
        JobInfo changed = service.setParameters(job.uri(), Map.of("MAXREC", "5"), null);
        assertEquals("5", changed.parameter("maxrec").orElseThrow());
    }

    @Test
    void jobListFilters() throws Exception {
        JobInfo pending = submit(service, COUNT, Map.of());
        List<JobSummary> pendings = service.list(base, JobFilter.all().withPhases(ExecutionPhase.PENDING), null);
        assertTrue(pendings.stream().anyMatch(j -> j.id().equals(pending.id())), pendings.toString());
        assertTrue(pendings.stream().allMatch(j -> j.phase() == ExecutionPhase.PENDING));
        List<JobSummary> others = service.list(base,
                JobFilter.all().withPhases(ExecutionPhase.COMPLETED, ExecutionPhase.ERROR), null);
        assertFalse(others.stream().anyMatch(j -> j.id().equals(pending.id())));
        assertTrue(others.stream().allMatch(j -> j.phase().isFinal()));
        assertEquals(1, service.list(base, JobFilter.all().withLast(1), null).size());
        assertTrue(service.list(base, JobFilter.all().withLast(2), null).size() <= 2);
        assertTrue(service.list(base, JobFilter.all().withAfter(Instant.now().plusSeconds(3600)), null).isEmpty());
        List<JobSummary> recent = service.list(base, JobFilter.all().withAfter(Instant.now().minusSeconds(600)), null);
        assertTrue(recent.stream().anyMatch(j -> j.id().equals(pending.id())));
    }

    @Test
    void resumeByUrlWithANewManagerAfterARestart() throws Exception {
        Path dir = Files.createTempDirectory("astrolabe-uws-restart");
        HttpUwsJobManager before = new HttpUwsJobManager(Services.get(HttpTransport.class), dir);
        JobInfo job = before.create(base, TapQuery.of(COUNT), Map.of(), null);
        created.add(job.uri());
        before.run(job.uri(), null);
        before.close();

        HttpUwsJobManager after = new HttpUwsJobManager(Services.get(HttpTransport.class), dir);
        try {
            var remembered = after.remembered(base);
            assertEquals(1, remembered.size());
            assertEquals(job.uri(), remembered.get(0).job());
            assertEquals(COUNT, remembered.get(0).query());
            JobInfo resumed = after.waitFor(remembered.get(0).job(), WaitOptions.defaults(), null);
            assertEquals(ExecutionPhase.COMPLETED, resumed.phase());
            assertEquals(1_000_000L, ((Number) after.result(resumed, null).cell(0, 0)).longValue());
            // by id too: {base}/async/{id} is another URL of the same job on DaCHS
            JobInfo byId = after.load(base, job.id(), null);
            assertEquals(job.id(), byId.id());
            assertNotEquals(job.uri(), byId.uri());
        } finally {
            after.close();
        }
    }

    @Test
    void malformedAdqlEndsInErrorWithTheServersMessage() throws Exception {
        QueryFailedException e = assertThrows(QueryFailedException.class,
                () -> service.query(base, TapQuery.of("SELEKT nothing FROM"), Map.of(), WaitOptions.defaults(), null));
        assertTrue(e.serverMessage().contains("Could not parse your query"), e.serverMessage());
        assertTrue(e.getMessage().contains("/async/"), "the message names the job: " + e.getMessage());
        URI job = e.uri();
        created.add(job);
        JobInfo failed = service.get(job, null);
        assertEquals(ExecutionPhase.ERROR, failed.phase());
        assertTrue(failed.errorSummary().orElseThrow().message().contains("Could not parse"));
    }
}
