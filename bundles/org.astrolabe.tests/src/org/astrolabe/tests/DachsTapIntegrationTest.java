package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.TapQuery;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TAP service, as another bundle gets it from the registry, against the local GAVO DaCHS
 * server and its known answers (releng/test-server/README.md). Skipped when the server is not
 * running, unless {@code astrolabe.test.requireServer=true} (as in CI), which makes that a failure.
 */
class DachsTapIntegrationTest {

    private static final String SOURCES = "astrolabe.sources";
    private static TapClient tap;

    @BeforeAll
    static void connect() throws Exception {
        URI base = URI.create(System.getProperty("astrolabe.test.tap", "http://127.0.0.1:18080/tap"));
        tap = Services.get(TapClientFactory.class).create(base);
        try {
            assertTrue(tap.availability(new NullProgressMonitor()).available());
        } catch (TransientException down) {
            if (Boolean.getBoolean("astrolabe.test.requireServer")) {
                fail("The local DaCHS test server is required but not running: " + down.getMessage());
            }
            assumeTrue(false, "local DaCHS test server not running: " + down.getMessage());
        }
    }

    private static ResultTable query(String adql) throws Exception {
        return tap.query(TapQuery.of(adql), new NullProgressMonitor());
    }

    @Test
    void countsTheMillionRowCatalogue() throws Exception {
        ResultTable t = query("SELECT COUNT(*) AS n FROM " + SOURCES);
        assertEquals(1, t.rowCount());
        assertEquals(1_000_000L, ((Number) t.cell(0, 0)).longValue());
        assertFalse(t.isTruncated());
    }

    @Test
    void coneHasTheKnownTwentyOneSources() throws Exception {
        ResultTable t = query("SELECT source_id FROM " + SOURCES
                + " WHERE 1=CONTAINS(POINT('ICRS',ra,dec), CIRCLE('ICRS',180.005,0.005,0.025))");
        assertEquals(21, t.rowCount());
    }

    @Test
    void knownRowHasKnownValues() throws Exception {
        ResultTable t = query("SELECT source_id, ra, dec, mag, src_class FROM " + SOURCES + " WHERE source_id=500501");
        assertEquals(1, t.rowCount());
        assertEquals(180.005, ((Number) t.cell(0, 1)).doubleValue(), 1e-9);
        assertEquals(0.005, ((Number) t.cell(0, 2)).doubleValue(), 1e-9);
        assertEquals(14.19, ((Number) t.cell(0, 3)).doubleValue(), 1e-4);
        assertEquals("star", t.cell(0, 4));
        assertEquals("source_id", t.columns().get(0).name());
        assertEquals("deg", t.columns().get(1).unit());
    }

    @Test
    void groupByGivesTheKnownClasses() throws Exception {
        ResultTable t = query("SELECT src_class, COUNT(*) AS n FROM " + SOURCES + " GROUP BY src_class");
        Map<String, Long> counts = new HashMap<>();
        for (long r = 0; r < t.rowCount(); r++) {
            counts.put((String) t.cell(r, 0), ((Number) t.cell(r, 1)).longValue());
        }
        assertEquals(Map.of("star", 600_000L, "galaxy", 300_000L, "qso", 100_000L), counts);
    }

    @Test
    void maxrecTruncatesAndSaysSo() throws Exception {
        ResultTable t = tap.query(TapQuery.of("SELECT * FROM " + SOURCES).withMaxrec(10), new NullProgressMonitor());
        assertEquals(10, t.rowCount());
        assertTrue(t.isTruncated());
    }

    @Test
    void serviceDefaultLimitIsReportedAsOverflow() throws Exception {
        ResultTable t = query("SELECT source_id FROM " + SOURCES);
        assertEquals(20_000, t.rowCount());
        assertTrue(t.isTruncated());
    }

    @Test
    void malformedAdqlCarriesTheServersMessage() {
        QueryFailedException e = assertThrows(QueryFailedException.class, () -> query("SELEKT nothing FROM"));
        assertFalse(e.serverMessage().isBlank());
        assertTrue(e.getMessage().contains("/tap/sync"), e.getMessage());
    }

    @Test
    void unknownTableIsAQueryFailure() {
        QueryFailedException e = assertThrows(QueryFailedException.class,
                () -> query("SELECT * FROM astrolabe.no_such_table"));
        assertTrue(e.serverMessage().toLowerCase().contains("no_such_table"), e.serverMessage());
    }

    @Test
    void wrongBaseUrlIsNotFound() throws Exception {
        TapClient wrong = Services.get(TapClientFactory.class)
                .create(URI.create(tap.baseUri().toString().replace("/tap", "/not-a-tap-service")));
        assertThrows(NotFoundException.class, () -> wrong.query(TapQuery.of("SELECT 1"), new NullProgressMonitor()));
    }

    @Test
    void hundredThousandRowsStreamIntoATable() throws Exception {
        ResultTable t = tap.query(TapQuery.of("SELECT source_id, ra, dec FROM " + SOURCES + " WHERE source_id <= 100000 ORDER BY source_id")
                .withMaxrec(200_000), new NullProgressMonitor());
        assertEquals(100_000, t.rowCount());
        assertFalse(t.isTruncated());
        assertEquals(1L, ((Number) t.cell(0, 0)).longValue());
        assertEquals(100_000L, ((Number) t.cell(99_999, 0)).longValue());
    }
}
