package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.astrolabe.cli.internal.CommandLineRunner;
import org.astrolabe.cli.internal.ExitCode;
import org.astrolabe.datalink.download.DownloadManager;
import org.astrolabe.datalink.download.DownloadOptions;
import org.astrolabe.datalink.download.DownloadOutcome;
import org.astrolabe.datalink.download.DownloadOutcome.Status;
import org.astrolabe.datalink.fits.FitsFile;
import org.astrolabe.datalink.fits.FitsHdu;
import org.astrolabe.datalink.fits.FitsReader;
import org.astrolabe.datalink.fits.FitsReader.Mode;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Downloads and FITS against the local GAVO DaCHS server and its known answers
 * (releng/test-server/README.md): img_a.fits is 164160 bytes, 200x200 float32 with
 * value(x, y) = 1000*y + x and CRVAL 180, 0; secret.fits answers 401 without credentials; a SODA
 * CIRCLE of 0.02 deg on img_a is a 42x42 FITS.
 */
class DachsDownloadIntegrationTest {

    static final String BASE = "http://127.0.0.1:18080";
    static final String PRODUCTS = BASE + "/getproduct/astrolabe/data/";

    static DownloadManager downloads;
    static FitsReader fits;
    private Path dir;

    @BeforeAll
    static void connect() throws Exception {
        DachsSyncIoIntegrationTest.connectToDachs();
        downloads = Services.get(DownloadManager.class);
        fits = Services.get(FitsReader.class);
    }

    @BeforeEach
    void tempDir() throws Exception {
        dir = Files.createTempDirectory("astrolabe-dl-it");
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void imageDownloadedAndReadWithKnownPixelsAndWcs() throws Exception {
        var outcome = downloads.download(List.of(URI.create(PRODUCTS + "img_a.fits")), DownloadOptions.into(dir),
                new NullProgressMonitor()).get(0);
        assertEquals(Status.DOWNLOADED, outcome.status(), outcome::describe);
        assertEquals(dir.resolve("img_a.fits"), outcome.file());
        assertEquals(164160, outcome.size());
        assertEquals(164160, Files.size(outcome.file()));
        for (Mode mode : Mode.values()) {
            try (FitsFile f = fits.open(outcome.file(), mode)) {
                FitsHdu hdu = f.hdu(0);
                assertEquals(-32, hdu.bitpix());
                assertEquals(List.of(200, 200), hdu.shape());
                assertEquals(79079.0, hdu.pixel(79, 79), mode.name());
                assertEquals(199 * 1000 + 3, hdu.pixel(3, 199), mode.name());
                var wcs = hdu.wcs().orElseThrow();
                assertEquals(List.of(180.0, 0.0), wcs.crval());
            }
        }
    }

    @Test
    void severalProductsInParallelAndTheEmbargoedOneReportedNotDropped() throws Exception {
        List<URI> urls = List.of(URI.create(PRODUCTS + "img_a.fits"), URI.create(PRODUCTS + "img_b.fits"),
                URI.create(PRODUCTS + "secret.fits"), URI.create(PRODUCTS + "img_c.fits"),
                URI.create(PRODUCTS + "cube.fits"), URI.create(PRODUCTS + "img_a.fits?preview=True"));
        List<DownloadOutcome> out = downloads.download(urls, DownloadOptions.into(dir), new NullProgressMonitor());
        assertEquals(urls.size(), out.size());
        assertEquals(List.of(Status.DOWNLOADED, Status.DOWNLOADED, Status.AUTHENTICATION_REQUIRED, Status.DOWNLOADED,
                Status.DOWNLOADED, Status.DOWNLOADED), out.stream().map(DownloadOutcome::status).toList());
        assertTrue(out.get(2).describe().contains("secret.fits"), out.get(2).describe());
        try (FitsFile cube = fits.open(out.get(4).file(), Mode.LAZY)) {
            assertEquals(List.of(50, 50, 20), cube.hdu(0).shape());
        }
        // the preview is a JPEG named by the server; it does not collide with img_a.fits
        assertTrue(!out.get(5).file().equals(out.get(0).file()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(5, files.count());
        }
    }

    @Test
    void secretWithCredentialsDownloads() throws Exception {
        String basic = java.util.Base64.getEncoder().encodeToString("astro:stargazer".getBytes(StandardCharsets.UTF_8));
        var outcome = downloads.download(List.of(URI.create(PRODUCTS + "secret.fits")),
                DownloadOptions.into(dir).withHeader("Authorization", "Basic " + basic), null).get(0);
        assertEquals(Status.DOWNLOADED, outcome.status(), outcome::describe);
        assertEquals(164160, outcome.size());
    }

    @Test
    void sodaCutoutDownloadedAndOpened() throws Exception {
        URI cutout = URI.create(BASE + "/astrolabe/q/dl/dlget?ID=ivo%3A%2F%2Fastrolabe.test%2F~%3Fastrolabe%2Fdata%2Fimg_a.fits"
                + "&CIRCLE=180.0%200.0%200.02");
        var outcome = downloads.download(List.of(cutout), DownloadOptions.into(dir), null).get(0);
        assertEquals(Status.DOWNLOADED, outcome.status(), outcome::describe);
        try (FitsFile f = fits.open(outcome.file(), Mode.MEMORY)) {
            assertEquals(List.of(42, 42), f.hdu(0).shape());
        }
    }

    @Test
    void downloadCommandPrintsOneLinePerFileAndExitsWith3ForTheSecret() throws Exception {
        CommandLineRunner runner = Services.get(CommandLineRunner.class);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("download", "--parallel", "2", "--out", dir.toString(),
                PRODUCTS + "img_a.fits", PRODUCTS + "secret.fits", PRODUCTS + "img_b.fits"));
        int code = runner.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(ExitCode.AUTH, code, stderr);
        assertEquals(List.of(dir.resolve("img_a.fits") + "\t164160", dir.resolve("img_b.fits") + "\t164160"),
                stdout.lines().toList());
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.contains("secret.fits") && stderr.contains("401"), stderr);

        out.reset();
        err.reset();
        code = runner.run(new String[] {"download", "--out", dir.toString(), PRODUCTS + "nothing.fits"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCode.NOT_FOUND, code, err.toString(StandardCharsets.UTF_8));
    }
}
