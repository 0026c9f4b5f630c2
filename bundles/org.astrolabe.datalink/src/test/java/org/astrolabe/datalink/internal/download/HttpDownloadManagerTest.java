package org.astrolabe.datalink.internal.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.datalink.download.DownloadOptions;
import org.astrolabe.datalink.download.DownloadOutcome;
import org.astrolabe.datalink.download.DownloadOutcome.Status;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The download manager against a real loopback HTTP server (the JDK's) that misbehaves on purpose. */
@org.junit.jupiter.api.Timeout(60)
class HttpDownloadManagerTest {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private HttpServer server;
    private ExecutorService serverThreads;
    private String base;
    private HttpTransport transport;
    private HttpDownloadManager manager;
    private final byte[] content = new byte[300_000];
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<String> ranges = java.util.Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        new Random(42).nextBytes(content);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.start();
        transport = realTransport();
        manager = new HttpDownloadManager(transport);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
        serverThreads.shutdownNow();
        transport.getClass().getMethod("close").invoke(transport);
    }

    /**
     * Core's real transport. Its package is internal to core (the compiler refuses direct use from
     * another bundle), so it is made the way DS makes it: by its public no-argument constructor.
     */
    static HttpTransport realTransport() {
        try {
            return (HttpTransport) Class.forName("org.astrolabe.core.internal.http.HttpClient5Transport")
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String path) {
        return calls.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Sends {@code content} from the requested offset, announcing all of it, but stops after {@code stopAt} total bytes. */
    private void serve(HttpExchange ex, boolean ranges, long stopAt, String... headers) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        int from = 0;
        if (ranges && range != null) {
            Matcher m = RANGE.matcher(range);
            if (m.matches()) {
                from = Integer.parseInt(m.group(1));
            }
            this.ranges.add(range + " if-range " + ex.getRequestHeaders().getFirst("If-Range"));
        }
        var h = ex.getResponseHeaders();
        h.add("Content-Type", "application/octet-stream");
        h.add("Last-Modified", "Sat, 21 Nov 2026 15:24:40 GMT");
        if (ranges) {
            h.add("Accept-Ranges", "bytes");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.add(headers[i], headers[i + 1]);
        }
        int length = content.length - from;
        if (from > 0) {
            h.add("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            ex.sendResponseHeaders(206, length);
        } else {
            ex.sendResponseHeaders(200, length);
        }
        try (OutputStream out = ex.getResponseBody()) {
            int end = (int) Math.min(content.length, Math.max(from, stopAt));
            out.write(content, from, end - from);
            out.flush();
        } catch (IOException expectedWhenCut) {
            // the JDK server complains about the missing bytes and closes the connection: what we want
        }
        ex.close();
    }

    private DownloadOptions options() {
        return DownloadOptions.into(dir).withRetries(4, Duration.ofMillis(10), Duration.ofSeconds(3));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void resumesWithRangeAfterTheConnectionDropsMidFile() throws Exception {
        try (var cutting = new CuttingServer(content, true, (n, from) -> n <= 2 ? 100_000 : Long.MAX_VALUE)) {
            var outcome = manager.download(List.of(URI.create(cutting.base() + "/data/big.fits")), options(), null)
                    .get(0);
            assertEquals(Status.DOWNLOADED, outcome.status(), outcome::describe);
            assertEquals(dir.resolve("big.fits"), outcome.file());
            assertEquals(content.length, outcome.size());
            assertArrayEquals(content, Files.readAllBytes(outcome.file()));
            assertEquals(3, cutting.requests());
            assertEquals(List.of("bytes=100000- if-range \"v1\"", "bytes=200000- if-range \"v1\""),
                    cutting.ranges());
            assertEquals(List.of(dir.resolve("big.fits")), files());
        }
    }

    @Test
    void waitsForRetryAfterOn503ThenSucceeds() throws Exception {
        server.createContext("/busy", ex -> {
            if (count("busy") == 1) {
                ex.getResponseHeaders().add("Retry-After", "1");
                ex.sendResponseHeaders(503, -1);
                ex.close();
            } else {
                serve(ex, false, Long.MAX_VALUE);
            }
        });
        long t0 = System.nanoTime();
        var outcome = manager.download(List.of(URI.create(base + "/busy")), options(), null).get(0);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(Status.DOWNLOADED, outcome.status(), outcome::describe);
        assertTrue(millis >= 950, "Retry-After of 1 s honoured, waited " + millis + " ms");
        assertArrayEquals(content, Files.readAllBytes(outcome.file()));
    }

    @Test
    void retryAfterIsBoundedAndPersistent503IsReported() throws Exception {
        server.createContext("/down", ex -> {
            count("down");
            ex.getResponseHeaders().add("Retry-After", "3600");
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        var opts = DownloadOptions.into(dir).withRetries(3, Duration.ofMillis(10), Duration.ofMillis(200));
        long t0 = System.nanoTime();
        var outcome = manager.download(List.of(URI.create(base + "/down")), opts, null).get(0);
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L);
        assertEquals(Status.NETWORK_FAILURE, outcome.status());
        assertEquals(3, calls.get("down").get());
        assertTrue(files().isEmpty());
    }

    @Test
    void fewerBytesThanContentLengthWithoutRangeSupportFailsAndLeavesNothing() throws Exception {
        try (var cutting = new CuttingServer(content, false, (n, from) -> 1000)) {
            String url = cutting.base() + "/short.fits";
            var outcome = manager.download(List.of(URI.create(url)), options(), null).get(0);
            assertFalse(outcome.status().isSuccess());
            assertNull(outcome.file());
            assertTrue(outcome.failure().getMessage().contains(url), outcome.describe());
            assertTrue(outcome.failure().getMessage().contains("1000 of " + content.length), outcome.describe());
            assertTrue(cutting.ranges().isEmpty(), "no Range sent to a server without Accept-Ranges");
            assertEquals(4, cutting.requests());
            assertTrue(files().isEmpty(), files()::toString);
        }
    }

    @Test
    void digestsAreCheckedAndAMismatchKeepsNothing() throws Exception {
        String sha = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
        String wrong = Base64.getEncoder().encodeToString(new byte[32]);
        server.createContext("/good.fits", ex -> serve(ex, false, Long.MAX_VALUE, "Digest", "sha-256=" + sha,
                "Content-MD5", md5));
        server.createContext("/repr.fits", ex -> serve(ex, false, Long.MAX_VALUE, "Repr-Digest", "sha-256=:" + sha + ":"));
        server.createContext("/bad.fits", ex -> serve(ex, false, Long.MAX_VALUE, "Digest", "sha-256=" + wrong));
        server.createContext("/badmd5.fits", ex -> serve(ex, false, Long.MAX_VALUE, "Content-MD5", sha.substring(0, 24)));
        var out = manager.download(List.of(URI.create(base + "/good.fits"), URI.create(base + "/repr.fits"),
                URI.create(base + "/bad.fits"), URI.create(base + "/badmd5.fits")), options(), null);
        assertEquals(Status.DOWNLOADED, out.get(0).status(), out.get(0)::describe);
        assertEquals(Status.DOWNLOADED, out.get(1).status(), out.get(1)::describe);
        assertEquals(Status.INVALID_CONTENT, out.get(2).status());
        assertTrue(out.get(2).describe().contains("sha-256"), out.get(2).describe());
        assertEquals(Status.INVALID_CONTENT, out.get(3).status());
        assertEquals(List.of(dir.resolve("good.fits"), dir.resolve("repr.fits")), files());
    }

    @Test
    void namesComeFromContentDispositionSafelyOrFromTheUrl() throws Exception {
        server.createContext("/cd", ex -> serve(ex, false, Long.MAX_VALUE, "Content-Disposition",
                ex.getRequestURI().getQuery().replace("h=", "")));
        List<String> headers = List.of("attachment; filename=\"img_a.fits\"", "attachment; filename=../../etc/passwd",
                "attachment; filename=\"..\\\\..\\\\evil.fits\"", "attachment; filename*=UTF-8''caf%C3%A9.fits",
                "attachment; filename=\"/abs/path.fits\"", "attachment; filename=\"..\"");
        List<URI> urls = new ArrayList<>();
        for (String h : headers) {
            urls.add(URI.create(base + "/cd?h=" + java.net.URLEncoder.encode(h, "UTF-8").replace("+", "%20")));
        }
        urls.add(URI.create(base + "/cd/plain%20name.fits?h=x"));
        var out = manager.download(urls, options(), null);
        List<String> names = out.stream().map(o -> o.file().getFileName().toString()).toList();
        assertEquals(List.of("img_a.fits", "passwd", "evil.fits", "café.fits", "path.fits", "cd", "plain_name.fits"),
                names);
        for (var o : out) {
            assertEquals(dir, o.file().getParent());
        }
        assertFalse(Files.exists(dir.getParent().resolve("evil.fits")));
    }

    @Test
    void sameNameTwiceInOneCallGetsASuffix() throws Exception {
        server.createContext("/same", ex -> serve(ex, false, Long.MAX_VALUE, "Content-Disposition",
                "attachment; filename=cut.fits"));
        var out = manager.download(List.of(URI.create(base + "/same?1"), URI.create(base + "/same?2")),
                options().withParallelPerHost(1), null);
        assertEquals(List.of(dir.resolve("cut-1.fits"), dir.resolve("cut.fits")), files());
        assertTrue(out.stream().allMatch(o -> o.status() == Status.DOWNLOADED));
    }

    @Test
    void neverOverwritesUnlessAsked() throws Exception {
        server.createContext("/keep.fits", ex -> serve(ex, false, Long.MAX_VALUE));
        Files.writeString(dir.resolve("keep.fits"), "mine");
        var url = List.of(URI.create(base + "/keep.fits"));
        var outcome = manager.download(url, options(), null).get(0);
        assertEquals(Status.EXISTS, outcome.status());
        assertEquals(dir.resolve("keep.fits"), outcome.file());
        assertTrue(outcome.describe().contains("exists"));
        assertEquals("mine", Files.readString(dir.resolve("keep.fits")));
        assertEquals(List.of(dir.resolve("keep.fits")), files());

        outcome = manager.download(url, options().withOverwrite(true), null).get(0);
        assertEquals(Status.DOWNLOADED, outcome.status());
        assertArrayEquals(content, Files.readAllBytes(dir.resolve("keep.fits")));
    }

    @Test
    void anEmptyAnswerIsInvalidContentAndLeavesNoFile() throws Exception {
        server.createContext("/empty.fits", ex -> {
            ex.getResponseHeaders().add("Content-Type", "image/fits");
            ex.sendResponseHeaders(200, -1); // Content-Length: 0
            ex.close();
        });
        var out = manager.download(List.of(URI.create(base + "/empty.fits")), options(), null).get(0);
        assertEquals(Status.INVALID_CONTENT, out.status(), out::describe);
        assertTrue(out.describe().contains("empty answer"), out::describe);
        assertEquals(List.of(), files());
    }

    @Test
    void authenticationAndNotFoundAreReportedNotDropped() throws Exception {
        server.createContext("/secret.fits", ex -> {
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
            ex.sendResponseHeaders(401, -1);
            ex.close();
        });
        server.createContext("/denied.fits", ex -> {
            ex.sendResponseHeaders(403, -1);
            ex.close();
        });
        server.createContext("/ok.fits", ex -> serve(ex, false, Long.MAX_VALUE));
        var out = manager.download(List.of(URI.create(base + "/secret.fits"), URI.create(base + "/denied.fits"),
                URI.create(base + "/missing.fits"), URI.create(base + "/ok.fits")), options(), null);
        assertEquals(List.of(Status.AUTHENTICATION_REQUIRED, Status.ACCESS_DENIED, Status.NOT_FOUND, Status.DOWNLOADED),
                out.stream().map(DownloadOutcome::status).toList());
        assertTrue(out.get(0).describe().contains(base + "/secret.fits"));
        assertEquals(List.of(dir.resolve("ok.fits")), files());
    }

    @Test
    void parallelTransfersPerHostAreLimited() throws Exception {
        Map<String, AtomicInteger> current = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> max = new ConcurrentHashMap<>();
        server.createContext("/slow", ex -> {
            String host = ex.getRequestHeaders().getFirst("Host").replaceFirst(":.*", "");
            int now = current.computeIfAbsent(host, k -> new AtomicInteger()).incrementAndGet();
            max.computeIfAbsent(host, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            current.get(host).decrementAndGet();
            serve(ex, false, Long.MAX_VALUE);
        });
        String other = base.replace("127.0.0.1", "localhost");
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            urls.add(URI.create(base + "/slow/a" + i));
            urls.add(URI.create(other + "/slow/b" + i));
        }
        var out = manager.download(urls, options().withParallelPerHost(3), new NullProgressMonitor());
        assertTrue(out.stream().allMatch(o -> o.status() == Status.DOWNLOADED));
        assertEquals(3, max.get("127.0.0.1").get(), "127.0.0.1 saw " + max.get("127.0.0.1"));
        assertEquals(3, max.get("localhost").get(), "localhost saw " + max.get("localhost"));
        assertEquals(24, files().size());

        max.clear();
        manager.download(urls.subList(0, 10), DownloadOptions.into(dir.resolve("default")), null);
        assertEquals(DownloadOptions.DEFAULT_PARALLEL_PER_HOST, max.values().stream().mapToInt(AtomicInteger::get)
                .max().orElse(0));
    }

    @Test
    void cancellationStopsEveryTransferAndLeavesNoFile() throws Exception {
        server.createContext("/trickle", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, content.length);
            try (OutputStream out = ex.getResponseBody()) {
                for (int off = 0; off < content.length; off += 1000) {
                    out.write(content, off, Math.min(1000, content.length - off));
                    out.flush();
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException closed) {
                // the client went away
            }
            ex.close();
        });
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            urls.add(URI.create(base + "/trickle/f" + i + ".fits"));
        }
        var monitor = new NullProgressMonitor() {
            long started = System.nanoTime();

            @Override
            public boolean isCanceled() {
                return super.isCanceled() || System.nanoTime() - started > 500_000_000L;
            }
        };
        long t0 = System.nanoTime();
        assertThrows(OperationCanceledException.class, () -> manager.download(urls, options(), monitor));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "cancellation is prompt");
        assertEquals(List.of(), files());
    }

    private void trickle(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(200, content.length);
        try (OutputStream out = ex.getResponseBody()) {
            for (int off = 0; off < content.length; off += 1000) {
                out.write(content, off, Math.min(1000, content.length - off));
                out.flush();
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException closed) {
            // the client went away
        }
        ex.close();
    }

    @Test
    void anExistingFileIsReportedWithoutReadingTheBody() throws Exception {
        server.createContext("/slowfile.fits", this::trickle);
        Files.writeString(dir.resolve("slowfile.fits"), "mine");
        long t0 = System.nanoTime();
        var outcome = manager.download(List.of(URI.create(base + "/slowfile.fits")), options(), null).get(0);
        assertEquals(Status.EXISTS, outcome.status());
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "the 6 s body was not read to the end");
        assertEquals("mine", Files.readString(dir.resolve("slowfile.fits")));
    }

    @Test
    void asksForTheStoredBytesAndReportsProgressToTheEnd() throws Exception {
        List<String> encodings = java.util.Collections.synchronizedList(new ArrayList<>());
        server.createContext("/p", ex -> {
            encodings.add(ex.getRequestHeaders().getFirst("Accept-Encoding"));
            serve(ex, false, Long.MAX_VALUE);
        });
        var monitor = new NullProgressMonitor() {
            int total;
            long worked;
            boolean done;

            @Override
            public void beginTask(String name, int totalWork) {
                total = totalWork;
            }

            @Override
            public void worked(int work) {
                worked += work;
            }

            @Override
            public void done() {
                done = true;
            }
        };
        List<URI> urls = List.of(URI.create(base + "/p/1"), URI.create(base + "/p/2"), URI.create(base + "/p/3"));
        manager.download(urls, options(), monitor);
        assertTrue(monitor.total > 0);
        assertEquals(monitor.total, monitor.worked);
        assertEquals(List.of("identity", "identity", "identity"), encodings);
    }

    @Test
    void refusesUrlsThatAreNotHttp() {
        assertThrows(IllegalArgumentException.class,
                () -> manager.download(List.of(URI.create("file:///etc/passwd")), options(), null));
    }
}
