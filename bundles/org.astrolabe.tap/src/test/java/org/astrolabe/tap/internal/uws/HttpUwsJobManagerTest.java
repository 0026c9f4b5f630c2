package org.astrolabe.tap.internal.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobFilter;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.JobSummary;
import org.astrolabe.tap.uws.WaitOptions;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job control against a loopback UWS service that behaves like DaCHS ({@link FakeUwsServer}). */
class HttpUwsJobManagerTest {

    private static final JobWaiter.Schedule FAST = new JobWaiter.Schedule(Duration.ofMillis(50), 2.0,
            Duration.ofMillis(400), 3, Duration.ofMillis(10));

    @TempDir
    Path dir;
    private FakeUwsServer server;
    private HttpUwsJobManager manager;
    private URI tap;

    @BeforeEach
    void start() throws Exception {
        server = new FakeUwsServer();
        manager = new HttpUwsJobManager(org.astrolabe.core.http.HttpTransports.create(org.astrolabe.core.http.TransportSettings.defaults()), dir, FAST);
        tap = URI.create(server.tap());
    }

    @AfterEach
    void stop() {
        manager.close();
        server.close();
    }

    private JobInfo createAndRun(String adql) throws Exception {
        JobInfo job = manager.create(tap, TapQuery.of(adql), Map.of(), null);
        return manager.run(job.uri(), null);
    }

    @Test
    void withSettingsSendsOverItsOwnTransportAndSharesTheRememberedJobs() throws Exception {
        var settings = org.astrolabe.core.http.TransportSettings.defaults().withTimeout(Duration.ofSeconds(7));
        HttpUwsJobManager timed = (HttpUwsJobManager) manager.withSettings(settings);
        try {
            JobInfo job = timed.create(tap, TapQuery.of("SELECT 2"), Map.of(), null);
            assertEquals(ExecutionPhase.PENDING, job.phase());
            assertEquals(List.of(job.uri()), manager.remembered(tap).stream().map(r -> r.job()).toList());
            assertEquals(job.uri(), timed.get(job.uri(), null).uri());
        } finally {
            timed.close();
        }
    }

    @Test
    void createFollowsNothingAndRunAlwaysPostsToPhase() throws Exception {
        JobInfo job = manager.create(tap, TapQuery.of("SELECT 1").withMaxrec(5), Map.of("RESPONSEFORMAT", "votable"),
                null);
        assertEquals(ExecutionPhase.PENDING, job.phase());
        assertEquals(URI.create(server.jobUrl(job.id())), job.uri());
        FakeUwsServer.Seen post = server.seen.get(0);
        assertEquals("/tap/async", post.path());
        assertEquals(Map.of("REQUEST", "doQuery", "LANG", "ADQL", "QUERY", "SELECT 1", "MAXREC", "5",
                "RESPONSEFORMAT", "votable"), post.params());
        JobInfo running = manager.run(job.uri(), null);
        assertEquals(ExecutionPhase.EXECUTING, running.phase());
        assertEquals(1, server.count("POST", "/run/async/" + job.id() + "/phase"));
        assertEquals(List.of(job.uri()), manager.remembered(tap).stream().map(r -> r.job()).toList());
    }

    @Test
    void blockingWaitMakesOneStatusRequestPerPeriod() throws Exception {
        server.runMillis = 3500;
        JobInfo job = createAndRun("SELECT COUNT(*) FROM t");
        int before = server.statusRequests(job.id()).size();
        JobInfo done = manager.waitFor(job.uri(), WaitOptions.defaults().withWaitPeriod(Duration.ofSeconds(1)), null);
        assertEquals(ExecutionPhase.COMPLETED, done.phase());
        List<FakeUwsServer.Seen> during = server.statusRequests(job.id()).subList(before, server.statusRequests(job.id()).size());
        // One plain read to learn the phase, then one blocking request per 1 s period of a 3.5 s job.
        assertEquals(Map.of(), during.get(0).params());
        List<FakeUwsServer.Seen> blocking = during.subList(1, during.size());
        assertTrue(blocking.size() >= 3 && blocking.size() <= 5, "blocking requests: " + blocking.size());
        for (FakeUwsServer.Seen s : blocking) {
            assertEquals(Map.of("WAIT", "1", "PHASE", "EXECUTING"), s.params());
        }
    }

    @Test
    void waitReturnsAsSoonAsTheJobCompletes() throws Exception {
        server.runMillis = 300;
        JobInfo job = createAndRun("SELECT 1");
        long completeAt = server.jobs.get(job.id()).completeAtNanos;
        int before = server.statusRequests(job.id()).size();
        JobInfo done = manager.waitFor(job.uri(), WaitOptions.defaults(), null);
        long late = System.nanoTime() - completeAt;
        assertEquals(ExecutionPhase.COMPLETED, done.phase());
        assertTrue(late < TimeUnit.MILLISECONDS.toNanos(300), "learnt of completion " + late / 1_000_000 + " ms late");
        // plain read + exactly one blocking request
        assertEquals(2, server.statusRequests(job.id()).size() - before);
        ResultTable t = manager.result(done, null);
        assertEquals(1_000_000L, ((Number) t.cell(0, 0)).longValue());
    }

    @Test
    void asyncQueryFromStartToFinish() throws Exception {
        server.runMillis = 200;
        ResultTable t = manager.query(tap, TapQuery.of("SELECT COUNT(*) FROM t"), Map.of(), WaitOptions.defaults(),
                new NullProgressMonitor());
        assertEquals(1_000_000L, ((Number) t.cell(0, 0)).longValue());
        String id = server.jobs.keySet().iterator().next();
        // create's read, run's read, one blocking request: no polling
        assertEquals(3, server.statusRequests(id).size());
    }

    @Test
    void uws10ServicesArePolledAtGrowingIntervals() throws Exception {
        server.version = "";
        server.runMillis = 1200;
        JobInfo job = createAndRun("SELECT 1");
        assertFalse(job.supportsBlockingWait());
        int before = server.statusRequests(job.id()).size();
        JobInfo done = manager.waitFor(job.uri(), WaitOptions.defaults(), null);
        assertEquals(ExecutionPhase.COMPLETED, done.phase());
        List<FakeUwsServer.Seen> polls = server.statusRequests(job.id());
        polls = polls.subList(before, polls.size());
        polls.forEach(s -> assertFalse(s.params().containsKey("WAIT"), "WAIT sent to a UWS 1.0 service"));
        // 50, 100, 200, 400, 400 ms: about 6 reads for 1.2 s, not dozens
        assertTrue(polls.size() >= 4 && polls.size() <= 8, "polls: " + polls.size());
        long first = polls.get(2).atNanos() - polls.get(1).atNanos();
        long later = polls.get(polls.size() - 1).atNanos() - polls.get(polls.size() - 2).atNanos();
        assertTrue(later > first, "intervals do not grow: " + first + " then " + later);
    }

    @Test
    void cancellingAWaitAbortsTheJobPromptly() throws Exception {
        server.runMillis = 60_000;
        JobInfo job = createAndRun("SELECT slow");
        NullProgressMonitor monitor = new NullProgressMonitor();
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> monitor.setCanceled(true));
        long start = System.nanoTime();
        assertThrows(OperationCanceledException.class, () -> manager.waitFor(job.uri(), WaitOptions.defaults(), monitor));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "cancel took too long");
        assertEquals("ABORTED", server.jobs.get(job.id()).phaseNow());
    }

    @Test
    void cancellingWithKeepLeavesTheJobRunning() throws Exception {
        server.runMillis = 60_000;
        JobInfo job = createAndRun("SELECT slow");
        NullProgressMonitor monitor = new NullProgressMonitor();
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(() -> monitor.setCanceled(true));
        assertThrows(OperationCanceledException.class,
                () -> manager.waitFor(job.uri(), WaitOptions.defaults().withKeepOnCancel(true), monitor));
        assertEquals("EXECUTING", server.jobs.get(job.id()).phaseNow());
        assertEquals(0, server.seen.stream().filter(s -> "ABORT".equals(s.params().get("PHASE"))).count());
    }

    @Test
    void timeLimitReturnsTheRunningJob() throws Exception {
        server.runMillis = 60_000;
        JobInfo job = createAndRun("SELECT slow");
        JobInfo seen = manager.waitFor(job.uri(), WaitOptions.defaults().withTimeout(Duration.ofMillis(1500)), null);
        assertEquals(ExecutionPhase.EXECUTING, seen.phase());
    }

    @Test
    void transientFailuresAreRetried() throws Exception {
        server.runMillis = 500;
        JobInfo job = createAndRun("SELECT 1");
        server.failingStatusRequests.set(2);
        assertEquals(ExecutionPhase.COMPLETED,
                manager.waitFor(job.uri(), WaitOptions.defaults(), null).phase());
    }

    @Test
    void aTransientFailureReadingTheJobBackAfterTheStartIsRetried() throws Exception {
        server.runMillis = 500;
        JobInfo job = manager.create(tap, TapQuery.of("SELECT 1"), Map.of(), null);
        server.failingStatusRequests.set(2);
        assertEquals(ExecutionPhase.EXECUTING, manager.run(job.uri(), null).phase());
        assertEquals(1, server.count("POST", "/run/async/" + job.id() + "/phase"), "started once");
        JobInfo other = manager.create(tap, TapQuery.of("SELECT 2"), Map.of(), null);
        server.failingStatusRequests.set(1000);
        assertThrows(TransientException.class, () -> manager.run(other.uri(), null), "bounded");
    }

    @Test
    void tooManyTransientFailuresInARowGiveUp() throws Exception {
        server.runMillis = 60_000;
        JobInfo job = createAndRun("SELECT 1");
        server.failingStatusRequests.set(1000);
        assertThrows(TransientException.class, () -> manager.waitFor(job.uri(), WaitOptions.defaults(), null));
    }

    @Test
    void waitingForAPendingJobIsRefused() throws Exception {
        JobInfo job = manager.create(tap, TapQuery.of("SELECT 1"), Map.of(), null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> manager.waitFor(job.uri(), WaitOptions.defaults(), null));
        assertTrue(e.getMessage().contains(job.id()) && e.getMessage().contains("PENDING"), e.getMessage());
    }

    @Test
    void deleteDoesNotFollowTheRedirectAndThenTheJobIsGone() throws Exception {
        JobInfo job = manager.create(tap, TapQuery.of("SELECT 1"), Map.of(), null);
        assertTrue(manager.delete(job.uri(), null));
        assertEquals(0, server.count("GET", "/run/async") - server.statusRequests(job.id()).size(),
                "the 303 after DELETE was followed");
        NotFoundException e = assertThrows(NotFoundException.class, () -> manager.get(job.uri(), null));
        assertTrue(e.getMessage().contains("'" + job.id() + "'") && e.getMessage().contains(job.uri().toString()),
                e.getMessage());
        assertFalse(manager.delete(job.uri(), null), "deleting twice is not an error");
        assertTrue(manager.remembered(tap).isEmpty());
    }

    @Test
    void deleteFallsBackToPostActionDelete() throws Exception {
        server.deleteAllowed = false;
        JobInfo job = manager.create(tap, TapQuery.of("SELECT 1"), Map.of(), null);
        assertTrue(manager.delete(job.uri(), null));
        assertEquals(1, server.seen.stream().filter(s -> "DELETE".equals(s.params().get("ACTION"))).count());
        assertThrows(NotFoundException.class, () -> manager.get(job.uri(), null));
    }

    @Test
    void errorJobRaisesTheServersMessage() throws Exception {
        server.runMillis = 100;
        JobInfo job = manager.create(tap, TapQuery.of("SELEKT"), Map.of(), null);
        QueryFailedException e = assertThrows(QueryFailedException.class,
                () -> manager.query(tap, TapQuery.of("SELEKT"), Map.of(), WaitOptions.defaults(), null));
        assertEquals("Could not parse your query: Expected \"SELECT\"", e.serverMessage());
        manager.run(job.uri(), null);
        JobInfo failed = manager.waitFor(job.uri(), WaitOptions.defaults(), null);
        assertEquals(ExecutionPhase.ERROR, failed.phase());
        QueryFailedException detailed = assertThrows(QueryFailedException.class, () -> manager.raiseIfError(failed, null));
        assertEquals("Could not parse your query: Expected \"SELECT\"", detailed.serverMessage());
        assertTrue(detailed.getMessage().contains(job.uri().toString()), detailed.getMessage());
        assertThrows(QueryFailedException.class, () -> manager.result(failed, null));
    }

    @Test
    void resultFallsBackToTheTapPathWhenTheHrefIsRefused() throws Exception {
        server.runMillis = 50;
        server.resultHrefRefused = true;
        JobInfo job = createAndRun("SELECT 1");
        JobInfo done = manager.waitFor(job.uri(), WaitOptions.defaults(), null);
        assertTrue(done.resultUri().toString().endsWith("/results/href"));
        assertEquals(1, manager.result(done, null).rowCount());
    }

    @Test
    void unknownJobIdIsNotFoundNamingIt() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> manager.load(tap, "nosuchjob", null));
        assertTrue(e.getMessage().contains("nosuchjob"), e.getMessage());
        assertEquals(URI.create(server.tap() + "/async/nosuchjob"), manager.jobUri(tap, "nosuchjob"));
        assertEquals(URI.create("http://h/x/async/abc"), manager.jobUri(null, " http://h/x/async/abc/ "));
        assertThrows(IllegalArgumentException.class, () -> manager.jobUri(null, "abc"));
        assertThrows(IllegalArgumentException.class, () -> manager.jobUri(tap, "../../etc"));
        assertThrows(IllegalArgumentException.class, () -> manager.jobUri(tap, ".."));
        assertThrows(IllegalArgumentException.class, () -> manager.jobUri(tap, "a b"));
        assertEquals(URI.create(server.tap() + "/async/_ef8t9rl"), manager.jobUri(tap, "_ef8t9rl"), "a DaCHS id");
    }

    @Test
    void jobListAsksOnePhaseAtATimeAndFiltersAgain() throws Exception {
        server.runMillis = 50;
        JobInfo pending = manager.create(tap, TapQuery.of("SELECT 1"), Map.of(), null);
        JobInfo done = createAndRun("SELECT 2");
        manager.waitFor(done.uri(), WaitOptions.defaults(), null);
        JobInfo aborted = manager.abort(createAndRun("SELECT 3").uri(), null);
        assertEquals(ExecutionPhase.ABORTED, aborted.phase());
        assertEquals(3, manager.list(tap, JobFilter.all(), null).size());
        List<JobSummary> some = manager.list(tap, JobFilter.all().withPhases(ExecutionPhase.PENDING,
                ExecutionPhase.ABORTED), null);
        assertEquals(List.of(pending.id(), aborted.id()), some.stream().map(JobSummary::id).sorted().toList());
        assertEquals(2, server.seen.stream().filter(s -> s.path().equals("/tap/async") && s.method().equals("GET")
                && s.params().containsKey("PHASE")).count());
        assertEquals(1, manager.list(tap, JobFilter.all().withLast(1), null).size());
    }

    @Test
    void rememberedJobsSurviveANewManager() throws Exception {
        JobInfo job = manager.create(tap, TapQuery.of("SELECT 'remember me'"), Map.of(), null);
        manager.close();
        HttpUwsJobManager restarted = new HttpUwsJobManager(org.astrolabe.core.http.HttpTransports.create(org.astrolabe.core.http.TransportSettings.defaults()), dir);
        try {
            var remembered = restarted.remembered(URI.create(server.tap() + "/async/"));
            assertEquals(1, remembered.size());
            assertEquals("SELECT 'remember me'", remembered.get(0).query());
            assertEquals(job.id(), restarted.get(remembered.get(0).job(), null).id());
            assertTrue(restarted.forget(job.uri()));
            assertTrue(restarted.remembered(null).isEmpty());
        } finally {
            restarted.close();
        }
    }
}
