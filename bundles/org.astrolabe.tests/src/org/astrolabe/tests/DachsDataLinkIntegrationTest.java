package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.DataLinkResolver;
import org.astrolabe.datalink.LinkFilter;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ResolveOptions;
import org.astrolabe.datalink.ServiceDescriptor;
import org.astrolabe.datalink.internal.links.HttpDataLinkResolver;
import org.astrolabe.datalink.internal.soda.HttpCutoutService;
import org.astrolabe.datalink.soda.Circle;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.astrolabe.datalink.soda.CutoutService;
import org.astrolabe.datalink.soda.Interval;
import org.astrolabe.datalink.soda.Polygon;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.internal.uws.HttpUwsJobManager;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;

/**
 * DataLink and SODA against the local GAVO DaCHS server and its known answers
 * (releng/test-server/README.md), through the registered {@link DataLinkResolver} and
 * {@link CutoutService}. Cutouts are opened with nom-tam-fits: the test images' pixel values encode
 * their own position in the parent image (value = 1000*y + x), so a cutout whose WCS still maps
 * the same sky position to the same pixel value has {@code data[0][0] = 1000*(100.5-CRPIX2) +
 * (100.5-CRPIX1)} and the parent's CRVAL. Skipped when the server is not running, unless
 * {@code astrolabe.test.requireServer=true}.
 */
class DachsDataLinkIntegrationTest {

    static final String PREFIX = "ivo://astrolabe.test/~?astrolabe/data/";
    static final String IMG_A = PREFIX + "img_a.fits";
    static final List<String> DIDS = List.of(PREFIX + "cube.fits", IMG_A, PREFIX + "img_b.fits", PREFIX + "img_c.fits",
            PREFIX + "secret.fits");

    private static URI server;
    private static URI dlmeta;
    private static URI obscoreDl;
    private static DataLinkResolver resolver;
    private static CutoutService cutouts;
    private static Path dir;

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
        server = tap.resolve("/");
        dlmeta = server.resolve("/astrolabe/q/dl/dlmeta");
        obscoreDl = server.resolve("/__system__/obscore/dl/dlmeta");
        resolver = Services.get(DataLinkResolver.class);
        cutouts = Services.get(CutoutService.class);
        dir = Files.createTempDirectory("astrolabe-soda-test");
    }

    @AfterAll
    static void clean() throws Exception {
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static LinksDocument links(URI service, List<String> ids) throws Exception {
        return resolver.resolve(service, ids, ResolveOptions.defaults(), new NullProgressMonitor());
    }

    @Test
    void servicesAreRegisteredByTheDataLinkBundle() {
        assertEquals("org.astrolabe.datalink", Services.provider(DataLinkResolver.class));
        assertEquals("org.astrolabe.datalink", Services.provider(CutoutService.class));
    }

    @Test
    void linksOfTheFiveDatasets() throws Exception {
        LinksDocument doc = links(dlmeta, DIDS);
        assertTrue(doc.errors().isEmpty(), doc.errors().toString());
        for (String id : DIDS) {
            List<DataLink> self = doc.forId(id).stream().filter(LinkFilter.thisOnly()).toList();
            assertEquals(1, self.size(), id);
            String file = id.substring(PREFIX.length());
            assertEquals(server.resolve("/getproduct/astrolabe/data/" + file), self.get(0).accessUrl());
            assertEquals(1, doc.forId(id).stream().filter(LinkFilter.of(List.of("#preview"))).count(), id);
            ServiceDescriptor sync = doc.sodaDescriptor(id, false).orElseThrow();
            assertEquals(ServiceDescriptor.SODA_SYNC, sync.standardId());
            assertEquals(server.resolve("/astrolabe/q/dl/dlget"), sync.accessUrl());
            assertEquals(id, sync.input("ID").orElseThrow().value(), "each dataset's own descriptor");
            assertEquals(server.resolve("/astrolabe/q/dl/dlasync"), doc.sodaDescriptor(id, true).orElseThrow().accessUrl());
        }
        DataLink a = doc.forId(IMG_A).stream().filter(LinkFilter.thisOnly()).findFirst().orElseThrow();
        assertEquals(164160L, a.contentLength());
        assertEquals("image/fits", a.contentType());
        assertTrue(doc.sodaDescriptor(PREFIX + "cube.fits", false).orElseThrow().input("BAND").isPresent());
    }

    /** ObsCore's DataLink answers 302 to the table's dlmeta keeping only the first ID: none is lost. */
    @Test
    void obscoreDataLinkRedirect() throws Exception {
        CountingTransport counting = new CountingTransport(Services.get(HttpTransport.class));
        HttpDataLinkResolver counted = new HttpDataLinkResolver(counting);
        try {
            LinksDocument doc = counted.resolve(obscoreDl, DIDS, ResolveOptions.defaults(), new NullProgressMonitor());
            assertTrue(doc.errors().isEmpty(), doc.errors().toString());
            for (String id : DIDS) {
                assertEquals(1, doc.forId(id).stream().filter(LinkFilter.thisOnly()).count(), id);
            }
            assertEquals(2, counting.sent.size(), "the redirected request, then the lost IDs at the target");
            LinksDocument one = counted.resolve(obscoreDl, List.of(IMG_A), ResolveOptions.defaults(), null);
            assertEquals(1, one.select(LinkFilter.thisOnly()).size());
        } finally {
            counted.close();
        }
    }

    @Test
    void unknownIdentifierIsAnErrorRow() throws Exception {
        LinksDocument doc = links(dlmeta, List.of(IMG_A, PREFIX + "nope.fits"));
        assertEquals(1, doc.errors().size());
        DataLink error = doc.errors().get(0);
        assertEquals(PREFIX + "nope.fits", error.id());
        assertTrue(error.errorMessage().startsWith("NotFoundFault"), error.errorMessage());
        assertFalse(doc.select(LinkFilter.thisOnly()).isEmpty());
    }

    private static ServiceDescriptor descriptor(String id, boolean async) throws Exception {
        return links(dlmeta, List.of(id)).sodaDescriptor(id, async).orElseThrow();
    }

    /** Checks a 2-D cutout of a 200×200 test image against its parent's WCS. */
    private static float[][] checkImage(Path file, int width, int height, double crval1, double crval2)
            throws Exception {
        try (Fits fits = new Fits(file.toFile())) {
            ImageHDU hdu = (ImageHDU) fits.getHDU(0);
            Header h = hdu.getHeader();
            assertEquals(width, h.getIntValue("NAXIS1"), file.toString());
            assertEquals(height, h.getIntValue("NAXIS2"), file.toString());
            assertEquals(crval1, h.getDoubleValue("CRVAL1"), 1e-9);
            assertEquals(crval2, h.getDoubleValue("CRVAL2"), 1e-9);
            float[][] data = (float[][]) hdu.getKernel();
            double x0 = 100.5 - h.getDoubleValue("CRPIX1");
            double y0 = 100.5 - h.getDoubleValue("CRPIX2");
            assertEquals(1000 * y0 + x0, data[0][0], 1e-3, "WCS and pixel values agree");
            return data;
        }
    }

    @Test
    void circleCutoutOfImageA() throws Exception {
        ServiceDescriptor sync = descriptor(IMG_A, false);
        CutoutRequest circle = CutoutRequest.of(IMG_A).circle(new Circle(180, 0, 0.02)).build();
        for (CutoutService.Mode mode : List.of(CutoutService.Mode.GET, CutoutService.Mode.POST)) {
            Path file = cutouts.save(sync, circle, mode, dir, new NullProgressMonitor());
            float[][] data = checkImage(file, 42, 42, 180.0, 0.0);
            assertEquals(79079f, data[0][0], mode.toString());
            try (Fits fits = new Fits(file.toFile())) {
                Header h = fits.getHDU(0).getHeader();
                assertEquals(21.5, h.getDoubleValue("CRPIX1"), 1e-9, "the centre (20.5, 20.5) is CRVAL");
                assertEquals(21.5, h.getDoubleValue("CRPIX2"), 1e-9);
            }
        }
    }

    /** SODA's POS with a CIRCLE and with a RANGE cuts the same way. */
    @Test
    void posCutoutsOfImageA() throws Exception {
        ServiceDescriptor sync = descriptor(IMG_A, false);
        Path circle = cutouts.save(sync, CutoutRequest.of(IMG_A).pos(new Circle(180, 0, 0.02)).build(),
                CutoutService.Mode.GET, dir, null);
        assertEquals(79079f, checkImage(circle, 42, 42, 180.0, 0.0)[0][0]);
        Path range = cutouts.save(sync, CutoutRequest.of(IMG_A).pos(new org.astrolabe.datalink.soda.PosRange(
                new Interval(179.99, 180.01), new Interval(-0.01, 0.01))).build(), CutoutService.Mode.POST, dir, null);
        try (Fits fits = new Fits(range.toFile())) {
            int w = fits.getHDU(0).getHeader().getIntValue("NAXIS1");
            assertTrue(w >= 20 && w <= 23, "a ~21-pixel square: " + w);
        }
    }

    @Test
    void polygonCutoutOfImageA() throws Exception {
        ServiceDescriptor sync = descriptor(IMG_A, false);
        Polygon square = Polygon.of(179.99, -0.01, 180.01, -0.01, 180.01, 0.01, 179.99, 0.01);
        Path file = cutouts.save(sync, CutoutRequest.of(IMG_A).polygon(square).build(), CutoutService.Mode.GET, dir,
                null);
        int w;
        try (Fits fits = new Fits(file.toFile())) {
            Header h = fits.getHDU(0).getHeader();
            w = h.getIntValue("NAXIS1");
            assertTrue(w >= 20 && w <= 23 && h.getIntValue("NAXIS2") == w, "a ~21-pixel square: " + w);
        }
        checkImage(file, w, w, 180.0, 0.0);
    }

    @Test
    void bandAndCircleOnTheCube() throws Exception {
        String cube = PREFIX + "cube.fits";
        ServiceDescriptor sync = descriptor(cube, false);
        CutoutRequest r = CutoutRequest.of(cube).band(new Interval(5.495e-7, 5.705e-7))
                .circle(new Circle(180.5, 0.5, 0.01)).build();
        Path file = cutouts.save(sync, r, CutoutService.Mode.GET, dir, null);
        try (Fits fits = new Fits(file.toFile())) {
            ImageHDU hdu = (ImageHDU) fits.getHDU(0);
            assertArrayEquals(new int[] {4, 12, 12}, hdu.getAxes());
            float[][][] data = (float[][][]) hdu.getKernel();
            assertEquals(41919f, data[0][0][0]);
        }
        CutoutRequest red = CutoutRequest.of(cube).band(new Interval(8e-7, 9e-7)).build();
        var e = assertThrows(InvalidInputException.class, () -> cutouts.save(sync, red, CutoutService.Mode.GET, dir, null));
        assertTrue(e.getMessage().contains("outside the wavelength range"), e.getMessage());
    }

    @Test
    void asyncCircleCutout() throws Exception {
        ServiceDescriptor async = descriptor(IMG_A, true);
        long t0 = System.nanoTime();
        Path file = cutouts.save(async, CutoutRequest.of(IMG_A).circle(new Circle(180, 0, 0.02)).build(),
                CutoutService.Mode.ASYNC, dir, new NullProgressMonitor());
        System.out.printf("SODA async cutout of img_a: %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(79079f, checkImage(file, 42, 42, 180.0, 0.0)[0][0]);
    }

    /** The async job is deleted once its result has been read. */
    @Test
    void asyncCutoutJobIsDeletedAfterwards() throws Exception {
        CountingTransport counting = new CountingTransport(Services.get(HttpTransport.class));
        Path store = Files.createTempDirectory("astrolabe-soda-uws");
        HttpUwsJobManager jobs = new HttpUwsJobManager(counting, store);
        try {
            HttpCutoutService counted = new HttpCutoutService(counting, jobs);
            Path file = counted.save(descriptor(IMG_A, true), CutoutRequest.of(IMG_A).circle(new Circle(180, 0, 0.02))
                    .build(), CutoutService.Mode.ASYNC, dir, null);
            assertTrue(Files.size(file) > 0);
            URI job = counting.sent.stream().filter(s -> s.request().method().equals("DELETE")
                    || s.request().form().stream().anyMatch(p -> p.name().equals("ACTION"))).map(s -> s.request().uri())
                    .findFirst().orElseThrow(() -> new AssertionError("no DELETE sent"));
            assertThrows(NotFoundException.class, () -> jobs.get(job, null));
            assertTrue(jobs.remembered(null).stream().noneMatch(j -> j.job().equals(job)), "a deleted job is forgotten");
        } finally {
            jobs.close();
        }
    }

    /** An interrupted async cutout stays listed with the user's jobs, so that it can be found again. */
    @Test
    void interruptedAsyncCutoutIsRemembered() throws Exception {
        CountingTransport counting = new CountingTransport(Services.get(HttpTransport.class));
        HttpUwsJobManager jobs = new HttpUwsJobManager(counting, Files.createTempDirectory("astrolabe-soda-uws"));
        ServiceDescriptor async = descriptor(IMG_A, true);
        NullProgressMonitor cancelOnceRunning = new NullProgressMonitor() {
            @Override
            public boolean isCanceled() {
                return counting.sent.stream().anyMatch(s -> s.request().form().stream()
                        .anyMatch(p -> p.name().equals("PHASE") && p.value().equals("RUN")));
            }
        };
        try {
            HttpCutoutService counted = new HttpCutoutService(counting, jobs);
            assertThrows(OperationCanceledException.class, () -> counted.save(async, CutoutRequest.of(IMG_A)
                    .circle(new Circle(180, 0, 0.02)).build(), CutoutService.Mode.ASYNC, dir, cancelOnceRunning));
            var remembered = jobs.remembered(null);
            assertEquals(1, remembered.size(), remembered.toString());
            assertEquals("SODA cutout of " + IMG_A, remembered.get(0).query());
            assertTrue(jobs.delete(remembered.get(0).job(), null));
            assertTrue(jobs.remembered(null).isEmpty());
        } finally {
            jobs.close();
        }
    }

    @Test
    void circleThatMissesTheImageIsRefusedBeforeSending() throws Exception {
        ServiceDescriptor sync = descriptor(IMG_A, false);
        var e = assertThrows(InvalidInputException.class, () -> cutouts.open(sync,
                CutoutRequest.of(IMG_A).circle(new Circle(182, 2, 0.02)).build(), CutoutService.Mode.GET, null));
        assertTrue(e.getMessage().contains("misses the dataset"), e.getMessage());
    }

    /** The embargoed image: anonymous cutouts answer 401. (With credentials: issue 4's login.) */
    @Test
    void embargoedCutoutNeedsAuthentication() throws Exception {
        String secret = PREFIX + "secret.fits";
        ServiceDescriptor sync = descriptor(secret, false);
        var e = assertThrows(AuthenticationException.class, () -> cutouts.save(sync,
                CutoutRequest.of(secret).circle(new Circle(182, 2, 0.02)).build(), CutoutService.Mode.GET, dir, null));
        assertFalse(e.isDenied());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("secret")), "no file left");
        }
    }

    /**
     * The speed target's request count: 200 distinct identifiers (the 5 datasets and 195 unknown
     * ones, each answered with its own NotFoundFault row) in batches versus one request each.
     */
    @Test
    void twoHundredIdentifiersWithFewerRequests() throws Exception {
        List<String> ids = new ArrayList<>(DIDS);
        IntStream.range(0, 195).forEach(i -> ids.add(PREFIX + "missing-" + i + ".fits"));
        CountingTransport counting = new CountingTransport(Services.get(HttpTransport.class));
        HttpDataLinkResolver counted = new HttpDataLinkResolver(counting);
        try {
            counted.resolve(dlmeta, List.of(IMG_A), ResolveOptions.defaults(), null); // warm the connection pool
            counting.sent.clear();
            long t0 = System.nanoTime();
            LinksDocument batched = counted.resolve(dlmeta, ids, ResolveOptions.defaults(), null);
            long batchedNanos = System.nanoTime() - t0;
            int batchedRequests = counting.sent.size();
            counting.sent.clear();
            t0 = System.nanoTime();
            LinksDocument single = counted.resolve(dlmeta, ids,
                    ResolveOptions.defaults().withBatchSize(1).withParallel(1), null);
            long singleNanos = System.nanoTime() - t0;
            int singleRequests = counting.sent.size();
            System.out.printf("DataLink on DaCHS, 200 identifiers: batched %d requests %.0f ms; one per identifier "
                    + "%d requests %.0f ms (%.1fx fewer requests, %.1fx less time)%n", batchedRequests,
                    batchedNanos / 1e6, singleRequests, singleNanos / 1e6, singleRequests / (double) batchedRequests,
                    singleNanos / (double) batchedNanos);
            assertEquals(4, batchedRequests);
            assertEquals(200, singleRequests);
            assertEquals(195, batched.errors().size());
            assertEquals(195, single.errors().size());
            assertEquals(single.links().size(), batched.links().size());
        } finally {
            counted.close();
        }
    }
}
