package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

import org.astrolabe.archive.ArchiveCatalogue;
import org.astrolabe.archive.ArchiveRecipes;
import org.astrolabe.archive.CutoutUrls;
import org.astrolabe.archive.DataUrls;
import org.astrolabe.archive.Images;
import org.astrolabe.archive.RegionQuery;
import org.astrolabe.archive.ResolvedArchive;
import org.astrolabe.archive.dal.DalClient;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapClientFactory;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nom.tam.fits.Fits;
import nom.tam.fits.ImageHDU;

/**
 * The archive recipes against the local DaCHS server, known answers of
 * releng/test-server/README.md: ObsCore on ivoa.ObsCore (preset {@code local}); CAOM2 on the
 * caom2 schema (preset {@code local-caom2}) resolved through the server's own resource-caps
 * document; cone search, SIA 1 and SIA 2.
 */
class DachsArchiveIntegrationTest {

    static final String PREFIX = "ivo://astrolabe.test/~?astrolabe/data/";
    private static final SkyPosition CENTRE = new SkyPosition(180, 0);

    private static URI base;
    private static URI registry;
    private static ArchiveCatalogue catalogue;
    private static ArchiveRecipes recipes;
    private static ResolvedArchive obscore;
    private static ResolvedArchive caom2;

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
        registry = base.resolve("/astrolabe/caom2/static/static/resource-caps");
        catalogue = Services.get(ArchiveCatalogue.class);
        recipes = Services.get(ArchiveRecipes.class);
        obscore = catalogue.resolve(catalogue.lookup(tap.toString()), null, null);
        caom2 = catalogue.resolve(catalogue.lookup("local-caom2"), registry, null);
    }

    private static Set<String> ids(ResolvedArchive archive, ResultTable t) throws Exception {
        return new TreeSet<>(recipes.ids(archive, t));
    }

    @Test
    void caom2ResolvedThroughTheLocalRegistry() {
        assertEquals(base.resolve("/tap"), caom2.tap());
        assertEquals(base.resolve("/astrolabe/q/dl/dlmeta"), caom2.dataLink());
        assertEquals("local", obscore.archive().name());
    }

    @Test
    void unknownIdentifierInTheRegistry() throws Exception {
        var missing = catalogue.lookup("ivo://astrolabe.test/nothing");
        var e = assertThrows(NotFoundException.class, () -> catalogue.resolve(missing, registry, null));
        assertTrue(e.getMessage().contains("ivo://astrolabe.test/nothing"), e.getMessage());
    }

    @Test
    void collections() throws Exception {
        assertEquals(Map.of("astrolabe-sim", List.of("Optical")), recipes.collections(obscore, null));
        assertEquals(Map.of("ASTROLABE", List.of("Infrared", "Optical"), "ASTROLABE-IFU", List.of("Optical"),
                "CATALOGUE-SIM", List.of(), "RADIO-SIM", List.of("Radio")), recipes.collections(caom2, null));
    }

    @Test
    void region() throws Exception {
        RegionQuery oneDegree = RegionQuery.of(CENTRE, Angle.parse("1deg"));
        assertEquals(Set.of(PREFIX + "img_a.fits", PREFIX + "cube.fits"), ids(obscore, recipes.region(obscore,
                oneDegree, null)));
        assertEquals(Set.of(PREFIX + "img_a.fits", PREFIX + "cube.fits"), ids(caom2, recipes.region(caom2,
                oneDegree, null)));
        assertEquals(Set.of(PREFIX + "cube.fits"), ids(obscore, recipes.region(obscore,
                oneDegree.withCollection("astrolabe-sim").withDataProductType("cube"), null)));
        assertEquals(Set.of(PREFIX + "cube.fits"), ids(caom2, recipes.region(caom2,
                oneDegree.withCollection("ASTROLABE-IFU"), null)));
        assertEquals(0, recipes.region(caom2, oneDegree.withCollection("X' OR 'a'='a"), null).rowCount());
        // img_c's CAOM2 plane is flagged junk: left out
        RegionQuery atC = RegionQuery.of(new SkyPosition(179, -1), Angle.parse("0.2deg"));
        assertEquals(Set.of(PREFIX + "img_c.fits"), ids(obscore, recipes.region(obscore, atC, null)));
        assertEquals(0, recipes.region(caom2, atC, null).rowCount());
        // MAXREC is passed through
        ResultTable one = recipes.region(obscore, oneDegree.withMaxrec(1), null);
        assertEquals(1, one.rowCount());
        assertTrue(one.isTruncated());
        // centres: img_a's s_ra/s_dec is in a 0.01 deg circle at its centre, the cube's is not
        assertEquals(Set.of(PREFIX + "img_a.fits"), ids(obscore, recipes.region(obscore,
                RegionQuery.of(CENTRE, Angle.parse("0.01deg")).withCentreOnly(true), null)));
    }

    @Test
    void nameTakenLiterally() throws Exception {
        assertEquals(Set.of(PREFIX + "img_a.fits"), ids(obscore, recipes.name(obscore, "field-a",
                OptionalLong.empty(), null)));
        assertEquals(0, recipes.name(obscore, "%", OptionalLong.empty(), null).rowCount());
        assertEquals(0, recipes.name(obscore, "field_a", OptionalLong.empty(), null).rowCount());
        assertEquals(Set.of(PREFIX + "cube.fits"), ids(caom2, recipes.name(caom2, "o'brien's 100%",
                OptionalLong.empty(), null)));
        assertEquals(Set.of(PREFIX + "cube.fits"), ids(caom2, recipes.name(caom2, "100% F", OptionalLong.empty(),
                null)));
        assertEquals(0, recipes.name(caom2, "1000", OptionalLong.empty(), null).rowCount());
        // LIKE's '_' would match the blank of "field a": the exact substring check leaves it out
        assertEquals(Set.of(PREFIX + "radio.fits"), ids(caom2, recipes.name(caom2, "field_a", OptionalLong.empty(),
                null)));
        assertEquals(5, ids(caom2, recipes.name(caom2, "FIELD", OptionalLong.empty(), null)).size(),
                "FIELD-A/B/C, 'field_a radio' and 'O'Brien's 100% field'");
    }

    @Test
    void dataUrls() throws Exception {
        for (ResolvedArchive archive : List.of(obscore, caom2)) {
            DataUrls urls = recipes.dataUrls(archive, List.of(PREFIX + "img_a.fits", PREFIX + "cube.fits"), false,
                    null);
            assertEquals(List.of(base.resolve("/getproduct/astrolabe/data/img_a.fits"),
                    base.resolve("/getproduct/astrolabe/data/cube.fits")),
                    urls.links().stream().map(l -> l.accessUrl()).toList(), archive.archive().name());
            assertEquals(List.of(), urls.problems());
        }
        DataUrls radio = recipes.dataUrls(caom2, List.of(PREFIX + "img_b.fits", PREFIX + "radio.fits"), false, null);
        assertEquals(1, radio.links().size());
        assertEquals(1, radio.problems().size(), radio.problems().toString());
        assertTrue(radio.problems().get(0).startsWith(PREFIX + "radio.fits: "), radio.problems().toString());
    }

    @Test
    void dataUrlsFromAccessUrlWithoutDataLink() throws Exception {
        var plain = catalogue.resolve(org.astrolabe.archive.Archive.of("plain", org.astrolabe.archive.Profile.OBSCORE,
                org.astrolabe.core.registry.ServiceAddress.parse(obscore.tap().toString())), null, null);
        assertEquals(null, plain.dataLink());
        DataUrls urls = recipes.dataUrls(plain, List.of(PREFIX + "img_b.fits", PREFIX + "nothing.fits"), false, null);
        assertEquals(List.of(base.resolve("/getproduct/astrolabe/data/img_b.fits")),
                urls.links().stream().map(l -> l.accessUrl()).toList());
        assertEquals(List.of(PREFIX + "nothing.fits: not in ivoa.ObsCore or no access_url"), urls.problems());
        var e = assertThrows(org.astrolabe.core.InvalidInputException.class, () -> recipes.imageUrls(plain,
                List.of(PREFIX + "img_b.fits"), CENTRE, new Angle(0.1), null));
        assertTrue(e.getMessage().contains("no DataLink service"), e.getMessage());
    }

    @Test
    void imageUrlsAndImages(@TempDir Path dir) throws Exception {
        CutoutUrls urls = recipes.imageUrls(caom2, List.of(PREFIX + "img_a.fits"), CENTRE, Angle.parse("0.02deg"), null);
        assertEquals(List.of(), urls.problems());
        assertEquals(1, urls.urls().size());
        String url = urls.urls().get(0).url().toString();
        assertTrue(url.startsWith(base.resolve("/astrolabe/q/dl/dlget?ID=").toString()) && url.contains("POS=CIRCLE%20180%200%200.02"),
                url);
        for (ResolvedArchive archive : List.of(obscore, caom2)) {
            Path out = dir.resolve(archive.archive().name());
            Images images = recipes.images(archive, RegionQuery.of(CENTRE, Angle.parse("0.02deg")), out, null);
            assertTrue(images.complete(), images.toString());
            assertEquals(1, images.files().size());
            try (Fits fits = new Fits(images.files().get(0).file().toFile())) {
                ImageHDU hdu = (ImageHDU) fits.getHDU(0);
                assertEquals(42, hdu.getAxes()[0]);
                assertEquals(42, hdu.getAxes()[1]);
            }
        }
        // the embargoed image: its cutout needs credentials, reported, not dropped
        Images secret = recipes.images(obscore, RegionQuery.of(new SkyPosition(182, 2), Angle.parse("0.02deg")),
                dir.resolve("secret"), null);
        assertEquals(1, secret.files().size());
        assertTrue(!secret.files().get(0).ok() && secret.files().get(0).problem().contains("secret.fits"),
                secret.toString());
        try (var left = Files.list(dir.resolve("secret"))) {
            assertEquals(0, left.count(), "no partial file");
        }
    }

    @Test
    void coneSearchAndSia() throws Exception {
        DalClient dal = Services.get(DalClient.class);
        var local = obscore.archive();
        assertEquals(21, dal.coneSearch(local.coneSearch(), new SkyPosition(180.005, 0.005), new Angle(0.025), 2,
                null).rowCount());
        ResultTable sia1 = dal.sia1(local.sia(), CENTRE, new Angle(0.1), "image/fits", null);
        assertEquals(1, sia1.rowCount());
        ResultTable sia2 = dal.sia2(local.sia2(), CENTRE, new Angle(0.05), null, null, OptionalLong.empty(), null);
        assertEquals(1, sia2.rowCount());
        assertEquals(PREFIX + "img_a.fits", sia2.cell(0, column(sia2, "obs_publisher_did")));
        ResultTable band = dal.sia2(local.sia2(), CENTRE, new Angle(1), new org.astrolabe.datalink.soda.Interval(
                6.5e-7, 6.6e-7), null, OptionalLong.empty(), null);
        assertEquals(1, band.rowCount(), "only the cube (500-690 nm) covers 650-660 nm within 1 deg");
        assertEquals(PREFIX + "cube.fits", band.cell(0, column(band, "obs_publisher_did")));
    }

    private static int column(ResultTable t, String name) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no column " + name + " in " + t.columns());
    }
}
