package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.astrolabe.cli.internal.CommandLineRunner;
import org.astrolabe.core.TransientException;
import org.astrolabe.tap.TapClientFactory;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code astrolabe} async commands end to end: the registered command-line runner, the real
 * services, the local DaCHS server. Exit codes as DESIGN.md says (4 for an unknown job).
 */
class DachsJobCommandsTest {

    private static String base;
    private static CommandLineRunner cli;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void connect() throws Exception {
        base = System.getProperty("astrolabe.test.tap", "http://127.0.0.1:18080/tap");
        try {
            assertTrue(Services.get(TapClientFactory.class).create(URI.create(base))
                    .availability(new NullProgressMonitor()).available());
        } catch (TransientException down) {
            if (Boolean.getBoolean("astrolabe.test.requireServer")) {
                fail("The local DaCHS test server is required but not running: " + down.getMessage());
            }
            assumeTrue(false, "local DaCHS test server not running: " + down.getMessage());
        }
        cli = Services.get(CommandLineRunner.class);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void asyncQueryPrintsTheKnownCount() {
        assertEquals(0, run("--service", base, "query", "--async", "SELECT COUNT(*) AS n FROM astrolabe.sources"),
                stderr());
        assertTrue(stdout().contains("1000000"), stdout());
    }

    @Test
    void noWaitThenJobCommandsByUrlAndById() {
        assertEquals(0, run("--service", base, "query", "--async", "--no-wait",
                "SELECT COUNT(*) AS n FROM astrolabe.sources"), stderr());
        String url = stdout().strip();
        assertTrue(url.startsWith("http://") && !url.contains("\n"), url);
        String id = url.substring(url.lastIndexOf('/') + 1);

        assertEquals(0, run("job", "wait", url), stderr());
        assertEquals("COMPLETED", stdout().strip());
        assertEquals(0, run("job", "result", "--format", "csv", url), stderr());
        assertEquals("n\n1000000", stdout().strip().replace("\r", ""));
        assertEquals(0, run("--service", base, "job", "show", id), stderr());
        assertTrue(stdout().contains("phase:        COMPLETED"), stdout());
        assertEquals(0, run("--service", base, "jobs", "--phase", "COMPLETED", "--last", "50"), stderr());
        assertTrue(stdout().contains(id + "*"), "our job, marked as ours: " + stdout());

        assertEquals(0, run("job", "delete", url), stderr());
        assertEquals(ExitCode4.NOT_FOUND, run("job", "show", url));
        assertTrue(stderr().contains(id), stderr());
        assertEquals(ExitCode4.NOT_FOUND, run("job", "delete", url));
    }

    @Test
    void unknownJobIdExitsFour() {
        assertEquals(ExitCode4.NOT_FOUND, run("--service", base, "job", "show", "nosuchjob1"));
        assertTrue(stderr().contains("nosuchjob1"), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
    }

    @Test
    void malformedAdqlAsyncExitsOneWithTheServersMessage() {
        assertEquals(1, run("--service", base, "query", "--async", "SELEKT nothing FROM"));
        assertTrue(stderr().contains("Could not parse your query"), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
    }

    @Test
    void abortAPendingJobByCommand() {
        // --no-wait runs the job; abort it at once: DaCHS takes 2-3 s to start one.
        assertEquals(0, run("--service", base, "query", "--async", "--no-wait",
                DachsUwsIntegrationTest.SLOW), stderr());
        String url = stdout().strip();
        assertEquals(0, run("job", "abort", url), stderr());
        assertEquals("ABORTED", stdout().strip());
        assertEquals(1, run("job", "wait", url));
        assertTrue(stderr().contains("aborted"), stderr());
        run("job", "delete", url);
    }

    /** DESIGN.md's exit code for "not found". */
    private static final class ExitCode4 {
        static final int NOT_FOUND = 4;
    }
}
