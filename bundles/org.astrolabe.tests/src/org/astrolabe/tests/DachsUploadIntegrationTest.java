package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.SavedResult;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.TapUpload;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.UwsJobManager;
import org.astrolabe.tap.uws.WaitOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * TAP_UPLOAD against DaCHS: a small table of source ids and positions, uploaded from each kind
 * of source, joined with astrolabe.sources; the answers are the catalogue's known rows
 * (source_id 1, 2, 500501, 999999; id 2000000 does not exist).
 */
class DachsUploadIntegrationTest {

    private static final String JOIN = "SELECT m.id, m.label, s.mag, s.src_class FROM TAP_UPLOAD.mine AS m"
            + " JOIN astrolabe.sources AS s ON s.source_id = m.id ORDER BY m.id";
    private static final Map<Long, String> EXPECTED = new TreeMap<>(Map.of(
            1L, "first 19.19 star", 2L, "second 18.38 star", 500501L, "centre 14.19 star",
            999999L, "corner 10.81 qso"));

    private static TapClient tap;
    private static Path dir;

    @BeforeAll
    static void connect() throws Exception {
        tap = DachsSyncIoIntegrationTest.connectToDachs();
        dir = Files.createTempDirectory("astrolabe-upload-it");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    /** The uploaded positions: four known sources and one id the catalogue does not have. */
    static StarTable positions() {
        RowListStarTable t = new RowListStarTable(new ColumnInfo[] {
            new ColumnInfo("id", Long.class, "source id"), new ColumnInfo("ra", Double.class, "deg"),
            new ColumnInfo("dec", Double.class, "deg"), new ColumnInfo("label", String.class, "name")});
        t.addRow(new Object[] {1L, 175.005, -4.995, "first"});
        t.addRow(new Object[] {2L, 175.015, -4.995, "second"});
        t.addRow(new Object[] {500501L, 180.005, 0.005, "centre"});
        t.addRow(new Object[] {999999L, 184.985, 4.995, "corner"});
        t.addRow(new Object[] {2000000L, 0.0, 0.0, "nowhere"});
        return t;
    }

    private static Map<Long, String> join(TapUpload upload) throws Exception {
        ResultTable r = tap.query(TapQuery.of(JOIN).withUpload(upload), null);
        Map<Long, String> rows = new TreeMap<>();
        for (long i = 0; i < r.rowCount(); i++) {
            rows.put(((Number) r.cell(i, 0)).longValue(), String.valueOf(r.cell(i, 1)).strip() + " "
                    + ((Number) r.cell(i, 2)).floatValue() + " " + r.cell(i, 3));
        }
        return rows;
    }

    @Test
    void votableFile() throws Exception {
        Path file = dir.resolve("mine.vot");
        try (OutputStream out = Files.newOutputStream(file)) {
            new VOTableWriter(DataFormat.BINARY, true).writeStarTable(positions(), out);
        }
        assertEquals(EXPECTED, join(TapUpload.file("mine", file)));
    }

    @Test
    void csvFile() throws Exception {
        Path file = dir.resolve("mine.csv");
        Files.writeString(file, """
                id,ra,dec,label
                1,175.005,-4.995,first
                2,175.015,-4.995,second
                500501,180.005,0.005,centre
                999999,184.985,4.995,corner
                2000000,0.0,0.0,nowhere
                """, StandardCharsets.UTF_8);
        assertEquals(EXPECTED, join(TapUpload.file("mine", file)));
    }

    @Test
    void fitsFile() throws Exception {
        Path file = dir.resolve("mine.fits");
        try (OutputStream out = Files.newOutputStream(file)) {
            new FitsTableWriter().writeStarTable(positions(), out);
        }
        assertEquals(EXPECTED, join(TapUpload.file("mine", file)));
    }

    @Test
    void inMemoryTable() throws Exception {
        assertEquals(EXPECTED, join(TapUpload.table("mine", positions())));
    }

    @Test
    void resultOfAnEarlierQuery() throws Exception {
        ResultTable earlier = tap.query(TapQuery.of("SELECT source_id AS id, src_class AS label FROM astrolabe.sources"
                + " WHERE source_id IN (1, 2, 500501, 999999)"), null);
        Map<Long, String> rows = join(TapUpload.table("mine", earlier));
        assertEquals(Map.of(1L, "star 19.19 star", 2L, "star 18.38 star", 500501L, "star 14.19 star",
                999999L, "qso 10.81 qso"), rows);
    }

    @Test
    void byUrlTheServiceFetchesItself() throws Exception {
        // DaCHS fetches the table itself: here its own sync endpoint (no commas: UPLOAD splits on them).
        URI url = URI.create(tap.baseUri() + "/sync?LANG=ADQL&QUERY=SELECT%20source_id%20AS%20id"
                + "%20FROM%20astrolabe.sources%20WHERE%20source_id%3C3");
        ResultTable r = tap.query(TapQuery.of("SELECT m.id, s.mag FROM TAP_UPLOAD.mine AS m"
                + " JOIN astrolabe.sources AS s ON s.source_id = m.id ORDER BY m.id")
                .withUpload(TapUpload.url("mine", url)), null);
        assertEquals(2, r.rowCount());
        assertEquals(19.19, ((Number) r.cell(0, 1)).doubleValue(), 1e-4);
        assertEquals(18.38, ((Number) r.cell(1, 1)).doubleValue(), 1e-4);
    }

    /** An async job carries its uploads too (multipart POST to {@code /async}). */
    @Test
    void asyncJobWithACsvAndAnInMemoryTable() throws Exception {
        Path csv = dir.resolve("async.csv");
        Files.writeString(csv, "id\n500501\n999999\n", StandardCharsets.UTF_8);
        UwsJobManager jobs = Services.get(UwsJobManager.class);
        JobInfo job = jobs.create(tap.baseUri(), TapQuery.of("SELECT m.id, m.label FROM TAP_UPLOAD.mine AS m"
                + " JOIN TAP_UPLOAD.other AS o ON o.id = m.id ORDER BY m.id")
                .withUpload(TapUpload.table("mine", positions())).withUpload(TapUpload.file("other", csv)),
                Map.of(), null);
        try {
            jobs.run(job.uri(), null);
            JobInfo done = jobs.waitFor(job.uri(), WaitOptions.defaults(), null);
            jobs.raiseIfError(done, null);
            ResultTable r = jobs.result(done, null);
            assertEquals(2, r.rowCount());
            assertEquals("centre", String.valueOf(r.cell(0, 1)).strip());
            assertEquals(999999L, ((Number) r.cell(1, 0)).longValue());
        } finally {
            jobs.delete(job.uri(), null);
        }
    }

    @Test
    void twoUploadsAndASavedResult() throws Exception {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "id\n500501\n999999\n", StandardCharsets.UTF_8);
        SavedResult saved = tap.save(TapQuery.of("SELECT m.id, s.mag FROM TAP_UPLOAD.mine AS m"
                + " JOIN TAP_UPLOAD.other AS o ON o.id = m.id JOIN astrolabe.sources AS s ON s.source_id = m.id"
                + " ORDER BY m.id").withUpload(TapUpload.table("mine", positions()))
                .withUpload(TapUpload.file("other", csv)).withResponseFormat("csv"), dir.resolve("two.csv"), null);
        assertEquals("id,mag\n500501,14.19\n999999,10.81", Files.readString(saved.file()).strip().replace("\r", ""));
    }
}
