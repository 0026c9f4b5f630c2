package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.auth.SessionManager;
import org.astrolabe.cli.internal.CommandLineRunner;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.datalink.soda.CutoutService;
import org.astrolabe.datalink.DataLinkResolver;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logins against the local DaCHS server (releng/test-server/README.md): the restricted cone
 * search, the embargoed secret.fits and its SODA cutout need user astro (group astrolabe);
 * anonymous requests get "authentication required", user other "access refused", both exit 3.
 * Everything goes through the registered command-line runner and services, with the password in
 * the environment as a user would give it.
 */
class DachsAuthIntegrationTest {

    static final String BASE = "http://127.0.0.1:18080";
    static final String TAP = BASE + "/tap";
    static final String CONE = BASE + "/astrolabe/q/restricted/scs.xml?RA=180.005&DEC=0.005&SR=0.025";
    static final String SECRET = BASE + "/getproduct/astrolabe/data/secret.fits";
    static final String SECRET_ID = "ivo://astrolabe.test/~?astrolabe/data/secret.fits";
    static final String DLMETA = BASE + "/astrolabe/q/dl/dlmeta";

    static CommandLineRunner cli;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path dir;

    @BeforeAll
    static void connect() throws Exception {
        DachsSyncIoIntegrationTest.connectToDachs();
        cli = Services.get(CommandLineRunner.class);
    }

    @BeforeEach
    void tempDir() throws Exception {
        dir = Files.createTempDirectory("astrolabe-auth-it");
    }

    @AfterEach
    void cleanUp() throws Exception {
        Services.get(SessionManager.class).logout(URI.create(TAP));
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return cli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static final Map<String, String> ASTRO = Map.of("ASTROLABE_PASSWORD", "stargazer");
    private static final Map<String, String> OTHER = Map.of("ASTROLABE_PASSWORD", "otherpw");

    private static long rows(Path votable) throws Exception {
        try (var in = Files.newInputStream(votable)) {
            return new org.astrolabe.core.votable.VOTableReader().read(in, votable.toUri(), new NullProgressMonitor())
                    .rowCount();
        }
    }

    @Test
    void anonymousGetsAuthenticationRequiredExit3() {
        assertEquals(3, run(Map.of(), "--service", TAP, "download", "--out", dir.toString(), CONE), stderr());
        assertTrue(stderr().contains("Authentication required"), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
        assertEquals(3, run(Map.of(), "download", "--out", dir.toString(), SECRET), stderr());
        assertTrue(stderr().contains("Authentication required"), stderr());
    }

    @Test
    void userOutsideTheGroupGetsAccessRefusedExit3() {
        assertEquals(3, run(OTHER, "--service", TAP, "--user", "other", "download", "--out", dir.toString(), CONE,
                SECRET), stderr());
        assertEquals(2, stderr().lines().filter(l -> l.contains("Access refused")).count(), stderr());
        assertFalse(stderr().contains("otherpw"), stderr());
    }

    @Test
    void groupMemberGetsTheConeSearchAndTheEmbargoedProduct() throws Exception {
        assertEquals(0, run(ASTRO, "--service", TAP, "--user", "astro", "download", "--out", dir.toString(), CONE,
                SECRET), stderr());
        List<String> lines = stdout().lines().toList();
        assertEquals(2, lines.size(), stdout());
        Path cone = Path.of(lines.get(0).split("\t")[0]);
        assertEquals(21L, rows(cone), "the restricted cone search has 21 rows");
        assertTrue(lines.get(1).endsWith("secret.fits\t164160"), lines.get(1));
    }

    @Test
    void groupMemberGetsTheSodaCutoutOfTheEmbargoedImage() throws Exception {
        assertEquals(3, run(Map.of(), "cutout", "--datalink", DLMETA, "--circle", "182", "2", "0.02", "--out",
                dir.toString(), SECRET_ID), stderr());
        assertEquals(0, run(ASTRO, "--service", TAP, "--user", "astro", "cutout", "--datalink", DLMETA, "--circle",
                "182", "2", "0.02", "--out", dir.toString(), SECRET_ID), stderr());
        Path fits = Path.of(stdout().lines().findFirst().orElseThrow().split("\t")[0]);
        assertTrue(Files.size(fits) > 2880, fits + " " + Files.size(fits));
    }

    @Test
    void queryWithUserWorksAndNothingIsLeftBehind() {
        assertEquals(0, run(ASTRO, "--service", TAP, "--user", "astro", "query",
                "SELECT source_id FROM astrolabe.sources WHERE source_id=500501"), stderr());
        assertTrue(stdout().contains("500501"), stdout());
        // The runner logged out at the end: the next anonymous command gets nothing of astro's.
        assertEquals(3, run(Map.of(), "download", "--out", dir.toString(), SECRET), stderr());
    }

    @Test
    void noPasswordAndNoTerminalIsAClearExit3() {
        assertEquals(3, run(Map.of(), "--service", TAP, "--user", "astro", "availability"), stderr());
        assertTrue(stderr().contains("ASTROLABE_PASSWORD"), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
        assertEquals(2, run(ASTRO, "--user", "astro", "download", SECRET), stderr());
        assertTrue(stderr().contains("need --service"), stderr());
    }

    @Test
    void asyncJobOfAstroIsNotVisibleToOtherUsers() throws Exception {
        // Basic first: sent with every request, so the job is created as astro's own.
        assertEquals(0, run(ASTRO, "--service", TAP, "--user", "astro", "--auth-order", "basic", "query", "--async",
                "--no-wait", "SELECT TOP 3 source_id FROM astrolabe.sources"), stderr());
        Matcher m = Pattern.compile("(http\\S+/async/\\S+)").matcher(stdout());
        assertTrue(m.find(), stdout());
        String job = m.group(1);
        try {
            assertEquals(3, run(OTHER, "--service", TAP, "--user", "other", "job", "show", job), stderr());
            assertTrue(stderr().contains("Access refused"), stderr());
            assertEquals(3, run(Map.of(), "--service", TAP, "job", "show", job), stderr());
            assertTrue(stderr().contains("Authentication required"), stderr());
            assertEquals(0, run(ASTRO, "--service", TAP, "--user", "astro", "job", "show", job), stderr());
        } finally {
            run(ASTRO, "--service", TAP, "--user", "astro", "--auth-order", "basic", "job", "delete", job);
        }
    }

    @Test
    void theServicesUseTheArchiveSessionToo() throws Exception {
        SessionManager sessions = Services.get(SessionManager.class);
        HttpTransport transport = Services.get(HttpTransport.class);
        assertThrows(AuthenticationException.class, () -> HttpFailures.requireSuccess(
                transport.send(HttpRequest.get(URI.create(SECRET)), new NullProgressMonitor())).close());
        sessions.login(URI.create(TAP), new Credentials.Password("astro", "stargazer".toCharArray()),
                LoginOptions.defaults(), new NullProgressMonitor());
        try (HttpResult r = HttpFailures.requireSuccess(transport.send(HttpRequest.get(URI.create(SECRET)),
                new NullProgressMonitor()))) {
            assertEquals(164160, r.body().readAllBytes().length);
        }
        var links = Services.get(DataLinkResolver.class);
        assertFalse(links.toString().contains("stargazer"));
        assertTrue(Services.get(CutoutService.class) != null);
        assertTrue(sessions.logout(URI.create(TAP)));
        assertThrows(AuthenticationException.class, () -> HttpFailures.requireSuccess(
                transport.send(HttpRequest.get(URI.create(SECRET)), new NullProgressMonitor())).close());
    }
}
