package org.astrolabe.tests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.HttpTransports;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.internal.HttpTapClientFactory;
import org.astrolabe.tap.internal.uws.HttpUwsJobManager;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.WaitOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fifty concurrent sync queries and twenty concurrent async jobs from one client (one transport,
 * one TAP client, one job manager) against the local DaCHS server, each checked against the known
 * answers of releng/test-server/README.md, and no connection left leased afterwards.
 */
class ConcurrentLoadTest {

    static final URI TAP = URI.create(System.getProperty("astrolabe.test.tap", "http://127.0.0.1:18080/tap"));
    static HttpTransport transport;
    static TapClient tap;
    static HttpUwsJobManager jobs;
    static Path store;
    static final ExecutorService pool = Executors.newFixedThreadPool(50);

    @BeforeAll
    static void connect() throws Exception {
        transport = HttpTransports.create(TransportSettings.defaults().withTimeout(Duration.ofSeconds(120)));
        try (HttpResult r = transport.send(HttpRequest.get(URI.create(TAP + "/availability")), null)) {
            assertEquals(200, r.status());
        } catch (TransientException down) {
            if (Boolean.getBoolean("astrolabe.test.requireServer")) {
                fail("The local DaCHS test server is required but not running: " + down.getMessage());
            }
            assumeTrue(false, "local DaCHS test server not running: " + down.getMessage());
        }
        tap = new HttpTapClientFactory(transport).create(TAP);
        store = Files.createTempDirectory("astrolabe-load-jobs");
        jobs = new HttpUwsJobManager(transport, store);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** The known row {@code i} of astrolabe.sources (releng/test-server/README.md). */
    static void checkSource(ResultTable t, long i) throws Exception {
        long k = i - 1;
        assertEquals(1, t.rowCount(), "one row for source " + i);
        assertEquals(i, ((Number) t.cell(0, 0)).longValue());
        assertEquals(175.005 + 0.01 * (k % 1000), ((Number) t.cell(0, 1)).doubleValue(), 1e-9);
        assertEquals(-4.995 + 0.01 * (k / 1000), ((Number) t.cell(0, 2)).doubleValue(), 1e-9);
        assertEquals(10 + ((i * 7919) % 1000) / 100.0, ((Number) t.cell(0, 3)).doubleValue(), 1e-4);
        long c = i % 10;
        assertEquals(c <= 5 ? "star" : c <= 8 ? "galaxy" : "qso", String.valueOf(t.cell(0, 4)).strip());
    }

    @Test
    void fiftySyncQueriesAndTwentyAsyncJobsAtOnce() throws Exception {
        List<Future<?>> all = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int q = 0; q < 50; q++) {
            long id = 1 + q * 19_997L;
            all.add(pool.submit((Callable<Void>) () -> {
                ResultTable t = tap.query(TapQuery.of("SELECT source_id, ra, dec, mag, src_class FROM astrolabe.sources "
                        + "WHERE source_id = " + id), null);
                checkSource(t, id);
                return null;
            }));
        }
        List<Future<Long>> async = new ArrayList<>();
        for (int j = 0; j < 20; j++) {
            long limit = 1000L * (j + 1);
            async.add(pool.submit(() -> {
                JobInfo job = jobs.create(TAP, TapQuery.of("SELECT COUNT(*) AS n FROM astrolabe.sources WHERE source_id <= "
                        + limit), Map.of(), null);
                try {
                    jobs.run(job.uri(), null);
                    JobInfo done = jobs.waitFor(job.uri(), WaitOptions.defaults()
                            .withWaitPeriod(Duration.ofSeconds(10)).withTimeout(Duration.ofMinutes(3)), null);
                    assertEquals(ExecutionPhase.COMPLETED, done.phase(), () -> "job " + job.uri());
                    ResultTable t = jobs.result(done, null);
                    assertEquals(limit, ((Number) t.cell(0, 0)).longValue());
                    return limit;
                } finally {
                    jobs.delete(job.uri(), null);
                }
            }));
        }
        for (Future<?> f : all) {
            f.get(5, TimeUnit.MINUTES);
        }
        double syncSeconds = (System.nanoTime() - t0) / 1e9;
        long sum = 0;
        for (Future<Long> f : async) {
            sum += f.get(5, TimeUnit.MINUTES);
        }
        double allSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(1000L * 20 * 21 / 2, sum, "every async count");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (HttpTransports.leasedConnections(transport) != 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertEquals(0, HttpTransports.leasedConnections(transport), "no connection leaked");
        System.out.printf("LOAD 50 sync queries done in %.1f s; with 20 async jobs, all done in %.1f s; 0 leased%n",
                syncSeconds, allSeconds);
    }
}
