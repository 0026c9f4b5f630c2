package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.ResultWriter;
import org.astrolabe.core.votable.SavedResult;
import org.astrolabe.core.votable.TableFormat;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.TapQuery;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.util.FileDataSource;

/**
 * Sync query I/O against the local GAVO DaCHS server and its known answers
 * (releng/test-server/README.md): every RESPONSEFORMAT it offers saved byte for byte, converted
 * formats, OVERFLOW read from a saved VOTable's tail, errors at HTTP 200 while saving.
 */
class DachsSyncIoIntegrationTest {

    /** The 21-source cone of the known answers. */
    static final String CONE = "SELECT source_id, ra, dec, mag, src_class FROM astrolabe.sources"
            + " WHERE 1=CONTAINS(POINT('ICRS',ra,dec), CIRCLE('ICRS',180.005,0.005,0.025)) ORDER BY source_id";

    static TapClient tap;
    private Path dir;

    @BeforeAll
    static void connect() throws Exception {
        tap = connectToDachs();
    }

    static TapClient connectToDachs() throws Exception {
        URI base = URI.create(System.getProperty("astrolabe.test.tap", "http://127.0.0.1:18080/tap"));
        TapClient client = Services.get(TapClientFactory.class).create(base);
        try {
            assertTrue(client.availability(new NullProgressMonitor()).available());
        } catch (TransientException down) {
            if (Boolean.getBoolean("astrolabe.test.requireServer")) {
                fail("The local DaCHS test server is required but not running: " + down.getMessage());
            }
            assumeTrue(false, "local DaCHS test server not running: " + down.getMessage());
        }
        return client;
    }

    @BeforeEach
    void tempDir() throws IOException {
        dir = Files.createTempDirectory("astrolabe-io-it");
    }

    @AfterEach
    void cleanUp() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static StarTable readBack(Path file, String handler) throws IOException {
        StarTableFactory factory = new StarTableFactory(true);
        StarTable t = handler == null ? factory.makeStarTable(new FileDataSource(file.toFile()))
                : factory.makeStarTable(new FileDataSource(file.toFile()), handler);
        return Tables.randomTable(t);
    }

    @Test
    void everyVOTableResponseFormatIsSavedAndReadsBackAsTheCone() throws Exception {
        for (String format : List.of("votable", "votable/b2", "votable/td", "text/xml",
                "application/x-votable+xml;serialization=TABLEDATA")) {
            Path file = dir.resolve("cone.vot");
            SavedResult saved = tap.save(TapQuery.of(CONE).withResponseFormat(format), file, null);
            assertTrue(saved.votable(), format);
            assertFalse(saved.isTruncated(), format);
            assertEquals(Files.size(file), saved.bytes(), format);
            StarTable t = readBack(file, null);
            assertEquals(21, t.getRowCount(), format);
            assertEquals("source_id", t.getColumnInfo(0).getName(), format);
        }
        assertEquals(List.of(dir.resolve("cone.vot")), files());
    }

    @Test
    void textResponseFormatsAreSavedAsTheServerSendsThem() throws Exception {
        Path csv = dir.resolve("cone.csv");
        SavedResult saved = tap.save(TapQuery.of(CONE).withResponseFormat("csv"), csv, null);
        assertEquals("text/csv", saved.mediaType());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(22, lines.size());
        assertEquals("source_id,ra,dec,mag,src_class", lines.get(0));
        assertTrue(lines.contains("500501,180.005,0.005,14.19,star"), lines.toString());

        Path tsv = dir.resolve("cone.tsv");
        tap.save(TapQuery.of(CONE).withResponseFormat("tsv"), tsv, null);
        List<String> tsvLines = Files.readAllLines(tsv, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        assertTrue(tsvLines.size() == 21 || tsvLines.size() == 22, tsvLines.toString());
        assertTrue(tsvLines.stream().anyMatch(l -> l.startsWith("500501\t180.005\t0.005\t14.19")), tsvLines.toString());

        Path json = dir.resolve("cone.json");
        tap.save(TapQuery.of(CONE).withResponseFormat("json"), json, null);
        String text = Files.readString(json, StandardCharsets.UTF_8).strip();
        assertTrue(text.startsWith("{") && text.endsWith("}") && text.contains("500501"), text);
    }

    @Test
    void fitsResponseFormatIsAWholeFitsFile() throws Exception {
        Path fits = dir.resolve("cone.fits");
        SavedResult saved = tap.save(TapQuery.of(CONE).withResponseFormat("fits"), fits, null);
        assertEquals(0, saved.bytes() % 2880);
        assertTrue(Files.readString(fits, StandardCharsets.ISO_8859_1).startsWith("SIMPLE  ="));
        StarTable t = readBack(fits, "fits");
        assertEquals(21, t.getRowCount());
    }

    @Test
    void overflowIsReadFromTheTailOfASavedVOTable() throws Exception {
        for (String format : List.of("votable", "votable/b2", "votable/td")) {
            SavedResult saved = tap.save(TapQuery.of("SELECT * FROM astrolabe.sources").withMaxrec(10)
                    .withResponseFormat(format), dir.resolve("ten.vot"), null);
            assertTrue(saved.isTruncated(), format);
            assertEquals(10, readBack(saved.file(), null).getRowCount(), format);
        }
        SavedResult complete = tap.save(TapQuery.of(CONE).withMaxrec(100), dir.resolve("cone.vot"), null);
        assertFalse(complete.isTruncated());
    }

    @Test
    void queryErrorsAtHttp200LeaveNoFile() throws Exception {
        Path file = dir.resolve("bad.vot");
        QueryFailedException e = assertThrows(QueryFailedException.class,
                () -> tap.save(TapQuery.of("SELEKT nothing FROM"), file, null));
        assertTrue(e.getMessage().contains("/tap/sync"), e.getMessage());
        assertFalse(e.serverMessage().isBlank());
        QueryFailedException csv = assertThrows(QueryFailedException.class,
                () -> tap.save(TapQuery.of("SELECT * FROM astrolabe.no_such_table").withResponseFormat("csv"),
                        dir.resolve("bad.csv"), null));
        assertTrue(csv.serverMessage().toLowerCase().contains("no_such_table"), csv.serverMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void unknownResponseFormatIsAQueryFailure() throws Exception {
        assertThrows(QueryFailedException.class, () -> tap.save(TapQuery.of(CONE).withResponseFormat("xls"),
                dir.resolve("x.xls"), null));
        assertEquals(List.of(), files());
    }

    @Test
    void getWorksForShortQueries() throws Exception {
        ResultTable t = tap.query(TapQuery.of(CONE).withGet(), null);
        assertEquals(21, t.rowCount());
    }

    @Test
    void convertedFormatsHoldTheKnownRow() throws Exception {
        ResultTable t = tap.query(TapQuery.of(CONE), new NullProgressMonitor());
        for (TableFormat f : TableFormat.values()) {
            Path file = dir.resolve("cone." + f.extension());
            new ResultWriter().write(t, f, file);
            String handler = switch (f) {
                case CSV -> "csv";
                case IPAC -> "ipac";
                case VOTABLE, FITS -> null;
                default -> "";
            };
            if (handler != null && handler.isEmpty()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                assertTrue(text.contains("500501") && text.contains("180.005"), f.id());
                continue;
            }
            StarTable back = readBack(file, handler);
            assertEquals(21, back.getRowCount(), f.id());
            boolean found = false;
            for (long r = 0; r < back.getRowCount(); r++) {
                if (((Number) back.getCell(r, 0)).longValue() == 500501L) {
                    assertEquals(14.19, ((Number) back.getCell(r, 3)).doubleValue(), 1e-4, f.id());
                    assertEquals("star", String.valueOf(back.getCell(r, 4)).strip(), f.id());
                    found = true;
                }
            }
            assertTrue(found, f.id());
        }
    }

    @Test
    void formatsAreConvertedWhileTheVOTableStreamsIn() throws Exception {
        for (TableFormat f : TableFormat.values()) {
            if (!f.streamable()) {
                assertThrows(IllegalArgumentException.class,
                        () -> tap.convert(TapQuery.of(CONE), f, dir.resolve("no." + f.extension()), null), f.id());
                continue;
            }
            Path file = dir.resolve("cone." + f.extension());
            SavedResult saved = tap.convert(TapQuery.of(CONE).withResponseFormat("csv"), f, file, null);
            assertEquals(Files.size(file), saved.bytes(), f.id());
            assertFalse(saved.isTruncated(), f.id());
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (f == TableFormat.VOTABLE || f == TableFormat.CSV) {
                StarTable back = readBack(file, f == TableFormat.CSV ? "csv" : null);
                assertEquals(21, back.getRowCount(), f.id());
            } else {
                assertTrue(text.contains("500501") && text.contains("180.005") && text.contains("14.19"), f.id());
            }
        }
        List<String> csv = Files.readAllLines(dir.resolve("cone.csv"), StandardCharsets.UTF_8);
        assertEquals("source_id,ra,dec,mag,src_class", csv.get(0));
        assertTrue(csv.contains("500501,180.005,0.005,14.19,star"), csv.toString());
    }

    @Test
    void aStreamedConversionReportsOverflowAndLeavesNoFileOnError() throws Exception {
        SavedResult ten = tap.convert(TapQuery.of("SELECT * FROM astrolabe.sources").withMaxrec(10), TableFormat.CSV,
                dir.resolve("ten.csv"), null);
        assertTrue(ten.isTruncated());
        assertEquals(11, Files.readAllLines(ten.file()).size());
        Files.delete(ten.file());
        assertThrows(QueryFailedException.class, () -> tap.convert(TapQuery.of("SELECT * FROM astrolabe.no_such"),
                TableFormat.CSV, dir.resolve("bad.csv"), null));
        assertEquals(List.of(), files());
    }
}
