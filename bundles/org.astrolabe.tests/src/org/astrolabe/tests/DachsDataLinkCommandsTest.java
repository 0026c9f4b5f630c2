package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.astrolabe.cli.internal.CommandLineRunner;
import org.astrolabe.core.TransientException;
import org.astrolabe.tap.TapClientFactory;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;

/**
 * {@code astrolabe links} and {@code astrolabe cutout} end to end: the registered command-line
 * runner, the real services, the local DaCHS server. Exit codes as DESIGN.md says; an unknown
 * identifier prints its DataLink error row and exits 4.
 */
class DachsDataLinkCommandsTest {

    private static final String PREFIX = DachsDataLinkIntegrationTest.PREFIX;
    private static String dlmeta;
    private static CommandLineRunner cli;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void connect() throws Exception {
        URI tap = URI.create(System.getProperty("astrolabe.test.tap", "http://127.0.0.1:18080/tap"));
        try {
            assertTrue(Services.get(TapClientFactory.class).create(tap).availability(new NullProgressMonitor())
                    .available());
        } catch (TransientException down) {
            if (Boolean.getBoolean("astrolabe.test.requireServer")) {
                fail("The local DaCHS test server is required but not running: " + down.getMessage());
            }
            assumeTrue(false, "local DaCHS test server not running: " + down.getMessage());
        }
        dlmeta = tap.resolve("/__system__/obscore/dl/dlmeta").toString();
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
    void linksTable() {
        assertEquals(0, run("links", "--datalink", dlmeta, PREFIX + "img_a.fits", PREFIX + "img_b.fits"), stderr());
        List<String> lines = stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("ID"), stdout());
        assertTrue(lines.stream().anyMatch(l -> l.contains("#this") && l.contains("164160")
                && l.endsWith("/getproduct/astrolabe/data/img_b.fits")), stdout());
        assertTrue(lines.stream().anyMatch(l -> l.contains("#cutout") && l.contains("SODA sync")), stdout());
        assertEquals(0, run("links", "--datalink", dlmeta, "--semantics", "#this", PREFIX + "img_a.fits"));
        assertEquals(2, stdout().lines().count(), stdout());
    }

    @Test
    void unknownIdentifierPrintsItsErrorRowAndExits4() {
        assertEquals(4, run("links", "--datalink", dlmeta, PREFIX + "img_a.fits", PREFIX + "nope.fits"));
        assertTrue(stdout().contains("ERROR NotFoundFault"), stdout());
        assertTrue(stderr().contains(PREFIX + "nope.fits: NotFoundFault"), stderr());
        assertTrue(stdout().contains("#this"), "the known identifier is listed too");
    }

    @Test
    void noDataLinkServiceIsAUsageError() {
        assumeTrue(System.getenv("ASTROLABE_DATALINK") == null);
        assertEquals(2, run("links", PREFIX + "img_a.fits"));
        assertTrue(stderr().contains("--datalink"), stderr());
    }

    @Test
    void cutoutWritesOneLinePerFile() throws Exception {
        Path dir = Files.createTempDirectory("astrolabe-cutout-cli");
        assertEquals(0, run("cutout", "--datalink", dlmeta, "--circle", "180", "0", "0.02", "--out", dir.toString(),
                PREFIX + "img_a.fits"), stderr());
        List<String> lines = stdout().lines().toList();
        assertEquals(1, lines.size(), stdout());
        try (Fits fits = new Fits(lines.get(0))) {
            float[][] data = (float[][]) ((ImageHDU) fits.getHDU(0)).getKernel();
            assertEquals(42, data.length);
            assertEquals(79079f, data[0][0]);
        }
        // a polygon before the identifiers, the cube with a band and a circle
        assertEquals(0, run("cutout", "--datalink", dlmeta, "--polygon", "179.99", "-0.01", "180.01", "-0.01", "180.01",
                "0.01", "--out", dir.toString(), PREFIX + "img_a.fits"), stderr());
        assertEquals(1, stdout().lines().count());
        assertEquals(0, run("cutout", "--datalink", dlmeta, "--band", "5.495e-7", "5.705e-7", "--circle", "180.5", "0.5",
                "0.01", "--out", dir.toString(), PREFIX + "cube.fits"), stderr());
        assertEquals(1, stdout().lines().count());
        // a negative declination is a value, not an option; two datasets, two files
        assertEquals(0, run("cutout", "--datalink", dlmeta, "--circle", "179", "-1", "0.02", "--out", dir.toString(),
                PREFIX + "img_c.fits"), stderr());
        assertTrue(stdout().strip().endsWith(".fits"), stdout());
        assertEquals(0, run("cutout", "--datalink", dlmeta, "--post", "--circle", "180.25", "0.25", "0.4", "--out",
                dir.toString(), PREFIX + "img_a.fits", PREFIX + "cube.fits"), stderr());
        assertEquals(2, stdout().lines().count(), stdout());
    }

    @Test
    void cutoutExitCodes() throws Exception {
        Path dir = Files.createTempDirectory("astrolabe-cutout-cli");
        assertEquals(3, run("cutout", "--datalink", dlmeta, "--circle", "182", "2", "0.02", "--out", dir.toString(),
                PREFIX + "secret.fits"), stderr());
        assertTrue(stderr().contains("401"), stderr());
        assertEquals(2, run("cutout", "--datalink", dlmeta, "--circle", "182", "2", "0.02", "--out", dir.toString(),
                PREFIX + "img_a.fits"));
        assertTrue(stderr().contains("misses the dataset"), stderr());
        assertEquals(2, run("cutout", "--datalink", dlmeta, "--circle", "180", "0", "-1", PREFIX + "img_a.fits"));
        assertTrue(stderr().contains("radius"), stderr());
        assertEquals(2, run("cutout", "--datalink", dlmeta, "--polygon", "180", "0", "180.1", "0", PREFIX + "img_a.fits"));
        assertEquals(4, run("cutout", "--datalink", dlmeta, "--circle", "180", "0", "0.02", "--out", dir.toString(),
                PREFIX + "nope.fits"));
        assertTrue(stderr().contains("NotFoundFault"), stderr());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no file for a failed cutout");
        }
    }
}
