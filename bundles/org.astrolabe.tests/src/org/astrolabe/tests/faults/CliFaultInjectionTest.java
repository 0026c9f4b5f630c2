package org.astrolabe.tests.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.astrolabe.cli.internal.CommandLineRunner;
import org.astrolabe.cli.internal.ExitCode;
import org.astrolabe.tests.Services;
import org.astrolabe.tests.faults.FaultProxy.Fault;
import org.astrolabe.tests.faults.FaultProxy.Kind;
import org.astrolabe.tests.faults.FaultProxy.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import nom.tam.fits.Fits;
import nom.tam.fits.Header;

/**
 * Faults met by the {@code astrolabe} command itself (the registered command-line runner, run in
 * process with {@code --timeout 2}) for {@code query --out}, {@code download} and {@code cutout}
 * through {@link FaultProxy} in front of the local DaCHS server. Each case checks the exit code
 * DESIGN.md gives (0 after a bounded retry with the complete, correct file; 1 for a service
 * failure; 5 for a network or transient failure), one line on stderr with no stack trace, nothing
 * left in the output directory after a failure (neither the file named by {@code --out} nor a
 * temporary file), and an end within the time the retries allow. Outcomes go to
 * {@code target/fault-matrix-cli.tsv}.
 */
class CliFaultInjectionTest {

    static final URI DACHS = FaultInjectionTest.DACHS;
    static final int TIMEOUT_SECONDS = 2;

    static FaultProxy proxy;
    static CommandLineRunner cli;
    static byte[] imgA;
    static final List<String> matrix = new ArrayList<>();
    static final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cli-fault-case");
        t.setDaemon(true);
        return t;
    });

    @BeforeAll
    static void start() throws Exception {
        FaultInjectionTest.requireServer();
        proxy = FaultProxy.loopback(DACHS);
        cli = Services.get(CommandLineRunner.class);
        imgA = FaultInjectionTest.product();
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy == null) {
            return;
        }
        proxy.close();
        runner.shutdownNow();
        Path out = Path.of(System.getProperty("user.dir"), "target", "fault-matrix-cli.tsv");
        Files.write(out, matrix, StandardCharsets.UTF_8);
        System.out.printf("CLI fault matrix: %d cases (%s)%n", matrix.size(), out);
    }

    /** A command under test: its arguments for an output directory, the requests its faults hit, its check. */
    record Command(String name, Function<Path, List<String>> args, Predicate<Request> target, Check check) {
    }

    /** Verifies the output of a successful run. */
    interface Check {
        void verify(Path dir, String stdout) throws Exception;
    }

    /** One case: a fault, how often, the exit code DESIGN.md gives for it, and the time the retries allow. */
    record Case(Kind kind, boolean once, int exit, Duration budget) {
    }

    static List<String> global() {
        return List.of("--timeout", String.valueOf(TIMEOUT_SECONDS));
    }

    static Command query() {
        return new Command("query --out", dir -> concat(global(), List.of("--service", proxy.origin() + "/tap",
                "query", "--out", dir.resolve("result.vot").toString(), FaultInjectionTest.Q50)),
                r -> r.path().endsWith("/sync"), (dir, stdout) -> {
                    String text = Files.readString(dir.resolve("result.vot"), StandardCharsets.ISO_8859_1);
                    assertTrue(text.strip().endsWith("</VOTABLE>"), "complete VOTable saved");
                });
    }

    static Command download() {
        return new Command("download", dir -> concat(global(), List.of("download", "--out", dir.toString(),
                proxy.origin() + "/getproduct/astrolabe/data/img_a.fits")),
                r -> r.path().startsWith("/getproduct"), (dir, stdout) -> {
                    assertTrue(stdout.startsWith(dir.resolve("img_a.fits").toString()), stdout);
                    assertArrayEquals(imgA, Files.readAllBytes(dir.resolve("img_a.fits")), "the product's bytes");
                });
    }

    static Command cutout() {
        return new Command("cutout", dir -> concat(global(), List.of("cutout", "--datalink",
                proxy.origin() + "/astrolabe/q/dl/dlmeta", "--circle", "180", "0", "0.02", "--out", dir.toString(),
                FaultInjectionTest.IMG_A)), r -> r.path().endsWith("/dlget"), (dir, stdout) -> {
                    try (Fits fits = new Fits(stdout.strip())) {
                        Header h = fits.getHDU(0).getHeader();
                        assertEquals(42, h.getIntValue("NAXIS1"));
                        assertEquals(42, h.getIntValue("NAXIS2"));
                    }
                });
    }

    /** An archive recipe: its TAP query must honour --timeout too. */
    static Command region() {
        return new Command("region --out", dir -> concat(global(), List.of("--service", proxy.origin() + "/tap",
                "region", "12h00m00s +00d00m00s", "--radius", "1deg", "--format", "votable", "--out",
                dir.resolve("region.vot").toString())), r -> r.path().endsWith("/sync"), (dir, stdout) -> {
                    String text = Files.readString(dir.resolve("region.vot"), StandardCharsets.ISO_8859_1);
                    assertTrue(text.contains("img_a") || text.contains("FIELD-A"), "the known observation");
                });
    }

    @TestFactory
    List<DynamicTest> faultsThroughTheCommand() {
        Duration quick = Duration.ofSeconds(3L * TIMEOUT_SECONDS);
        // download: 6 attempts, back-off 1 s doubling (31 s in all), each attempt within the time-out
        Duration retried = Duration.ofSeconds(31 + 6L * TIMEOUT_SECONDS + 5);
        List<DynamicTest> tests = new ArrayList<>();
        for (Command c : List.of(query(), cutout(), region())) {
            for (Case k : List.of(new Case(Kind.SHORT_BODY, false, ExitCode.TRANSIENT, quick),
                    new Case(Kind.DROP_AFTER_BYTES, false, ExitCode.TRANSIENT, quick),
                    new Case(Kind.STATUS_500_HTML, false, ExitCode.FAILURE, quick),
                    new Case(Kind.STATUS_503, false, ExitCode.TRANSIENT, quick),
                    new Case(Kind.STALL, false, ExitCode.TRANSIENT, quick),
                    new Case(Kind.REFUSE, false, ExitCode.TRANSIENT, quick))) {
                tests.add(test(c, k));
            }
        }
        Command d = download();
        for (Case k : List.of(new Case(Kind.SHORT_BODY, true, ExitCode.OK, Duration.ofSeconds(8)),
                new Case(Kind.SHORT_BODY, false, ExitCode.TRANSIENT, retried),
                new Case(Kind.STATUS_500_HTML, false, ExitCode.FAILURE, quick),
                new Case(Kind.STATUS_503, true, ExitCode.OK, Duration.ofSeconds(8)),
                new Case(Kind.STATUS_503, false, ExitCode.TRANSIENT, Duration.ofSeconds(15)),
                new Case(Kind.STALL, true, ExitCode.OK, Duration.ofSeconds(3L * TIMEOUT_SECONDS + 2)),
                new Case(Kind.STALL, false, ExitCode.TRANSIENT, retried),
                new Case(Kind.REFUSE, false, ExitCode.TRANSIENT, retried))) {
            tests.add(test(d, k));
        }
        return tests;
    }

    private DynamicTest test(Command c, Case k) {
        return DynamicTest.dynamicTest(c.name() + ": " + k.kind() + (k.once() ? " once" : " always") + " -> exit "
                + k.exit(), () -> runCase(c, k));
    }

    private void runCase(Command c, Case k) throws Exception {
        Path dir = Files.createTempDirectory("astrolabe-cli-fault");
        List<String> args = c.args().apply(dir);
        // mid-body for the dropped connection: past the head, well before the end
        Fault fault = k.kind() == Kind.DROP_AFTER_BYTES ? new Fault(k.kind(), Integer.MAX_VALUE, 1200, c.target())
                : k.once() ? Fault.once(k.kind(), c.target()) : Fault.always(k.kind(), c.target());
        proxy.inject(fault);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        Future<Integer> f = runner.submit(() -> cli.run(args.toArray(String[]::new), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
        int exit;
        try {
            exit = f.get(k.budget().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException hang) {
            f.cancel(true);
            throw new AssertionError(c.name() + " hung on " + k.kind() + " (more than " + k.budget() + " + 10 s)");
        } finally {
            proxy.pass();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        try {
            assertEquals(k.exit(), exit, () -> c.name() + " on " + k.kind() + ": " + stderr);
            assertTrue(elapsed.compareTo(k.budget()) <= 0, () -> c.name() + " on " + k.kind() + " took "
                    + elapsed.toMillis() + " ms, budget " + k.budget().toMillis() + " ms");
            if (exit == ExitCode.OK) {
                c.check().verify(dir, stdout);
                FaultInjectionTest.checkDirectory(c.name(), dir, true);
            } else {
                List<String> lines = stderr.lines().toList();
                assertEquals(1, lines.size(), () -> "one line on stderr: " + stderr);
                assertTrue(lines.get(0).startsWith("astrolabe: "), stderr);
                assertFalse(stderr.contains("\tat ") || stderr.contains("Exception"), () -> "no stack trace: " + stderr);
                assertTrue(stdout.isEmpty(), () -> "nothing on stdout: " + stdout);
                FaultInjectionTest.checkDirectory(c.name(), dir, false);
            }
        } finally {
            FaultInjectionTest.deleteTree(dir);
        }
        String line = String.join("\t", c.name(), k.kind().toString(), k.once() ? "once" : "always",
                k.kind() == Kind.REFUSE ? "refused" : String.valueOf(proxy.injected()), String.valueOf(exit),
                String.valueOf(elapsed.toMillis()), stderr.strip());
        matrix.add(line);
        System.out.println("FAULT " + line);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
