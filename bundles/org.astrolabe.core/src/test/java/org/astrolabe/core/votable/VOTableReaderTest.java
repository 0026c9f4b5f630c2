package org.astrolabe.core.votable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.QueryFailedException;
import org.junit.jupiter.api.Test;

import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

class VOTableReaderTest {

    private static final URI SOURCE = URI.create("http://example.org/tap/sync");
    private final VOTableReader reader = new VOTableReader();

    /** Real documents recorded by pyvo's test suite (../shared/corpus), when present. */
    private static Path corpus(String name) {
        Path p = Path.of(System.getProperty("astrolabe.corpus", "../../../shared/corpus"), "pyvo/dal/query", name);
        assumeTrue(Files.isRegularFile(p), "corpus not present: " + p);
        return p;
    }

    private ResultTable read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in, SOURCE, null);
        }
    }

    @Test
    void readsRealResultDocument() throws Exception {
        ResultTable t = read(corpus("basic.xml"));
        assertTrue(t.rowCount() > 0);
        assertFalse(t.columns().isEmpty());
        assertFalse(t.isTruncated());
    }

    @Test
    void errorStatusBecomesQueryFailedWithServerMessage() {
        QueryFailedException e = assertThrows(QueryFailedException.class, () -> read(corpus("errorstatus.xml")));
        assertFalse(e.serverMessage().isBlank());
        assertTrue(e.getMessage().contains(SOURCE.toString()));
    }

    @Test
    void overflowMarksTableTruncated() throws Exception {
        ResultTable t = read(corpus("overflowstatus.xml"));
        assertTrue(t.isTruncated());
        assertEquals(QueryStatus.State.OVERFLOW, t.status().state());
    }

    @Test
    void overflowAfterTableAsDachsSendsItIsSeen() throws Exception {
        byte[] doc = votable(3, DataFormat.TABLEDATA);
        String text = new String(doc, StandardCharsets.UTF_8)
                .replace("</TABLE>", "</TABLE><INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>");
        ResultTable t = reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SOURCE, null);
        assertEquals(3, t.rowCount());
        assertTrue(t.isTruncated());
    }

    @Test
    void binary2RoundTripKeepsEveryRow() throws Exception {
        ResultTable t = reader.read(new ByteArrayInputStream(votable(50_000, DataFormat.BINARY2)), SOURCE, null);
        assertEquals(50_000, t.rowCount());
        assertEquals(49_999L, ((Number) t.cell(49_999, 0)).longValue());
        assertEquals("id", t.columns().get(0).name());
    }

    @Test
    void truncatedDocumentIsRefusedNotReturnedAsComplete() throws Exception {
        byte[] doc = votable(1000, DataFormat.TABLEDATA);
        byte[] cut = java.util.Arrays.copyOf(doc, doc.length / 2);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> reader.read(new ByteArrayInputStream(cut), SOURCE, null));
        assertTrue(e.getMessage().contains("malformed or truncated"), e.getMessage());
    }

    @Test
    void externalEntitiesAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE v [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<VOTABLE><RESOURCE><TABLE><FIELD name=\"a\" datatype=\"char\" arraysize=\"*\"/>"
                + "<DATA><TABLEDATA><TR><TD>&x;</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader
                .read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), SOURCE, null));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void htmlErrorPageIsNotAVOTable() {
        byte[] html = "<html><body><h1>Internal error</h1></body></html>".getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidInputException.class, () -> reader.read(new ByteArrayInputStream(html), SOURCE, null));
    }

    static byte[] votable(int rows, DataFormat format) throws IOException {
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {
            new ColumnInfo("id", Long.class, "row number"), new ColumnInfo("ra", Double.class, "right ascension")});
        for (long i = 0; i < rows; i++) {
            table.addRow(new Object[] {i, i * 0.001});
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new VOTableWriter(format, true).writeStarTable(table, out);
        return out.toByteArray();
    }
}
