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
import org.junit.jupiter.api.io.TempDir;

import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;

/**
 * The archive commands as a new user would run them against the local server (issue 6, "Done
 * when"): {@code region} saved to a file, {@code data-urls --from} that file, {@code images --out
 * dir} giving valid FITS files; on ObsCore ({@code --service local}) and on the CAOM2 schema
 * ({@code --service local-caom2 --registry <the server's resource-caps>}).
 */
class DachsArchiveCommandsTest {

    private static final String PREFIX = DachsArchiveIntegrationTest.PREFIX;
    /** The test images are around RA 180 (12h), Dec 0. */
    private static final String POSITION = "12h00m00s +00d00m00s";
    private static URI base;
    private static String registry;
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
        base = tap.resolve("/");
        registry = base.resolve("/astrolabe/caom2/static/static/resource-caps").toString();
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

    private String[] service(String name, String... args) {
        List<String> all = new java.util.ArrayList<>(name.equals("local-caom2")
                ? List.of("--service", name, "--registry", registry) : List.of("--service", name));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void servicesAndCollections() {
        assertEquals(0, run("services"), stderr());
        assertTrue(stdout().lines().anyMatch(l -> l.startsWith("cadc ") && l.contains("ivo://cadc.nrc.ca/argus")),
                stdout());
        assertTrue(stdout().lines().anyMatch(l -> l.startsWith("csc ") && l.contains("csc21tap")), stdout());
        assertEquals(0, run(service("local", "collections")), stderr());
        assertTrue(stdout().lines().anyMatch(l -> l.matches("astrolabe-sim\\s+Optical")), stdout());
        assertEquals(0, run(service("local-caom2", "collections")), stderr());
        assertTrue(stdout().lines().anyMatch(l -> l.matches("ASTROLABE\\s+Infrared,Optical")), stdout());
    }

    @Test
    void regionThenDataUrlsThenImagesOnObsCore(@TempDir Path dir) throws Exception {
        doneWhen("local", dir);
    }

    @Test
    void regionThenDataUrlsThenImagesOnCaom2(@TempDir Path dir) throws Exception {
        doneWhen("local-caom2", dir);
    }

    private void doneWhen(String archive, Path dir) throws Exception {
        assertEquals(0, run(service(archive, "region", POSITION, "--radius", "1deg")), stderr());
        List<String> lines = stdout().lines().toList();
        assertEquals(6, lines.size(), "rules, header and two rows (img_a, cube): " + stdout());
        assertTrue(lines.get(3).contains("img_a") || lines.get(3).contains("FIELD-A"), stdout());
        assertEquals(0, run(service(archive, "region", POSITION, "--radius", "1deg", "--format", "csv")), stderr());
        assertEquals(3, stdout().lines().count(), "header and two rows: " + stdout());
        Path saved = dir.resolve("region.vot");
        assertEquals(0, run(service(archive, "region", POSITION, "--radius", "1deg", "--format", "votable", "--out",
                saved.toString())), stderr());
        assertTrue(Files.size(saved) > 0);

        assertEquals(0, run(service(archive, "data-urls", "--from", saved.toString())), stderr());
        assertEquals(List.of(base.resolve("/getproduct/astrolabe/data/cube.fits").toString(),
                base.resolve("/getproduct/astrolabe/data/img_a.fits").toString()),
                stdout().lines().sorted().toList());

        // the cube is not under a 0.02 deg circle at 180, 0: reported, exit 1
        assertEquals(1, run(service(archive, "image-urls", POSITION, "0.02deg", "--from", saved.toString())),
                stderr());
        assertTrue(stderr().contains("cube.fits: POS CIRCLE 180 0 0.02 misses the dataset"), stderr());
        List<String> cutouts = stdout().lines().toList();
        assertEquals(1, cutouts.size(), stdout() + stderr());
        assertEquals(0, run(service(archive, "image-urls", POSITION, "0.7deg", "--from", saved.toString())),
                stderr());
        assertEquals(2, stdout().lines().count(), stdout());
        assertEquals(0, run(service(archive, "image-urls", POSITION, "0.02deg")), stderr());
        assertEquals(cutouts, stdout().lines().toList());
        assertTrue(cutouts.get(0).contains("/astrolabe/q/dl/dlget?ID="), stdout());

        Path images = dir.resolve("images");
        assertEquals(0, run(service(archive, "images", POSITION, "0.02deg", "--out", images.toString())), stderr());
        List<String> files = stdout().lines().toList();
        assertEquals(1, files.size(), stdout());
        assertTrue(files.get(0).endsWith(" (1 HDU)"), files.get(0));
        Path file = Path.of(files.get(0).substring(0, files.get(0).lastIndexOf(" (")));
        try (Fits fits = new Fits(file.toFile())) {
            ImageHDU hdu = (ImageHDU) fits.getHDU(0);
            assertEquals(42, hdu.getAxes()[0]);
            float[][] data = (float[][]) hdu.getKernel();
            assertEquals(79079f, data[0][0], "pixel (79, 79) of img_a");
        }
    }

    @Test
    void nameWithQuotesAndPercent() {
        assertEquals(0, run(service("local-caom2", "name", "O'Brien's 100%", "--format", "csv")), stderr());
        List<String> lines = stdout().lines().toList();
        assertEquals(2, lines.size(), stdout());
        assertTrue(lines.get(1).contains(PREFIX + "cube.fits"), stdout());
    }

    @Test
    void coneAndSia() {
        assertEquals(0, run(service("local", "cone", "180.005 0.005", "0.025deg", "--format", "csv")), stderr());
        assertEquals(22, stdout().lines().count(), "header + 21 rows");
        assertEquals(0, run(service("local", "sia", "12:00:00 +00:00:00", "0.1", "--format", "csv")), stderr());
        assertEquals(2, stdout().lines().count(), stdout());
        assertEquals(0, run(service("local", "sia", "--v2", "180 0", "3arcmin", "--format", "csv")), stderr());
        assertEquals(2, stdout().lines().count(), stdout());
    }

    @Test
    void errorsAndExitCodes() {
        assertEquals(2, run(service("local", "region", "12h00m00s +95d00m00s")));
        assertTrue(stderr().contains("+95d00m00s"), stderr());
        assertEquals(2, run(service("local", "region", "180 0", "--radius", "2furlongs")));
        assertTrue(stderr().contains("2furlongs"), stderr());
        assertEquals(2, run(service("nosuch", "collections")));
        assertTrue(stderr().contains("nosuch") && stderr().contains("cadc"), stderr());
        assertEquals(4, run("--service", "ivo://astrolabe.test/nothing", "--registry", registry, "collections"));
        assertTrue(stderr().contains("ivo://astrolabe.test/nothing"), stderr());
        assertEquals(1, run(service("local-caom2", "data-urls", PREFIX + "img_b.fits", PREFIX + "radio.fits")));
        assertEquals(1, stdout().lines().count(), stdout());
        assertTrue(stderr().contains(PREFIX + "radio.fits"), stderr());
        assertEquals(3, run(service("local", "images", "182 2", "0.02deg", "--out",
                System.getProperty("java.io.tmpdir") + "/astrolabe-secret-" + ProcessHandle.current().pid())));
        assertTrue(stderr().contains("secret.fits"), stderr());
    }
}
