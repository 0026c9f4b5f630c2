package org.astrolabe.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.TransientException;
import org.astrolabe.datalink.download.DownloadManager;
import org.astrolabe.datalink.download.DownloadOptions;
import org.astrolabe.datalink.download.DownloadOutcome;
import org.astrolabe.datalink.download.DownloadOutcome.Status;
import org.junit.jupiter.api.Test;

/** {@code astrolabe download} over a fake download manager: output lines, options passed on, exit codes. */
class DownloadCommandTest {

    private final List<DownloadOptions> seen = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(List<Status> statuses, String... args) {
        DownloadManager fake = (urls, options, monitor) -> {
            seen.add(options);
            List<DownloadOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < urls.size(); i++) {
                URI u = urls.get(i);
                Path file = options.directory().resolve("f" + i + ".fits");
                outcomes.add(switch (statuses.get(i)) {
                    case DOWNLOADED -> new DownloadOutcome(u, Status.DOWNLOADED, file, 100 + i, null);
                    case EXISTS -> new DownloadOutcome(u, Status.EXISTS, file, -1, null);
                    case AUTHENTICATION_REQUIRED -> new DownloadOutcome(u, Status.AUTHENTICATION_REQUIRED, null, -1,
                            new AuthenticationException("Authentication is required for " + u + " (HTTP 401)", u, false));
                    case NOT_FOUND -> new DownloadOutcome(u, Status.NOT_FOUND, null, -1,
                            new NotFoundException("Not found: " + u + " (HTTP 404)", u));
                    default -> new DownloadOutcome(u, Status.NETWORK_FAILURE, null, -1,
                            new TransientException("Cannot connect to " + u.getHost(), u, null, null));
                });
            }
            return outcomes;
        };
        return new CommandLineRunner(null, null, null, null, fake).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> stdout() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private List<String> stderr() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void oneLinePerFileAndOptionsPassedOn() {
        int code = run(List.of(Status.DOWNLOADED, Status.DOWNLOADED), "download", "--parallel", "7", "--out", "/tmp/x",
                "--overwrite", "http://h/a.fits", "http://h/b.fits");
        assertEquals(ExitCode.OK, code, err.toString());
        assertEquals(List.of("/tmp/x/f0.fits\t100", "/tmp/x/f1.fits\t101"), stdout());
        assertEquals(List.of(), stderr());
        assertEquals(7, seen.get(0).parallelPerHost());
        assertTrue(seen.get(0).overwrite());
        assertEquals(Path.of("/tmp/x"), seen.get(0).directory());
    }

    @Test
    void defaultsAreFourPerHostInTheCurrentDirectoryWithoutOverwriting() {
        run(List.of(Status.DOWNLOADED), "download", "http://h/a.fits");
        assertEquals(4, seen.get(0).parallelPerHost());
        assertEquals(false, seen.get(0).overwrite());
        assertEquals(Path.of("."), seen.get(0).directory());
    }

    @Test
    void failuresOneLineEachAndTheMostTellingExitCode() {
        int code = run(List.of(Status.DOWNLOADED, Status.NETWORK_FAILURE, Status.AUTHENTICATION_REQUIRED,
                Status.NOT_FOUND, Status.EXISTS), "download", "--out", "/tmp/x", "http://h/a", "http://h/b",
                "http://h/secret", "http://h/missing", "http://h/e");
        assertEquals(ExitCode.AUTH, code);
        assertEquals(List.of("/tmp/x/f0.fits\t100"), stdout());
        assertEquals(4, stderr().size(), stderr().toString());
        assertTrue(stderr().get(1).contains("http://h/secret") && stderr().get(1).contains("401"));
        assertTrue(stderr().get(3).contains("exists"));

        out.reset();
        err.reset();
        assertEquals(ExitCode.NOT_FOUND, run(List.of(Status.NETWORK_FAILURE, Status.NOT_FOUND), "download", "http://h/a",
                "http://h/b"));
        out.reset();
        err.reset();
        assertEquals(ExitCode.TRANSIENT, run(List.of(Status.NETWORK_FAILURE), "download", "http://h/a"));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertEquals(ExitCode.USAGE, run(List.of(), "download"));
        assertEquals(ExitCode.USAGE, run(List.of(), "download", "--parallel", "0", "http://h/a"));
        assertEquals(ExitCode.USAGE, run(List.of(), "download", "not a url"));
    }
}
