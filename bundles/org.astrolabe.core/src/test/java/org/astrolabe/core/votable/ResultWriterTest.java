package org.astrolabe.core.votable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.ac.starlink.votable.DataFormat;

class ResultWriterTest {

    private static ResultTable table(int rows) throws Exception {
        return new VOTableReader().read(new ByteArrayInputStream(VOTableReaderTest.votable(rows, DataFormat.BINARY)),
                URI.create("http://example.org/tap"), null);
    }

    @Test
    void textFormatIsAlignedWithHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ResultWriter().write(table(3), TableFormat.TEXT, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("| id"), text);
        assertEquals(3 + 4, text.lines().count(), text);
    }

    @Test
    void textFormatKeepsLongCellsWhole() throws Exception {
        String longValue = "x".repeat(300);
        String doc = "<VOTABLE version='1.4' xmlns='http://www.ivoa.net/xml/VOTable/v1.3'><RESOURCE type='results'>"
                + "<TABLE><FIELD name='note' datatype='char' arraysize='*'/><DATA><TABLEDATA>"
                + "<TR><TD>short</TD></TR><TR><TD>" + longValue + "</TD></TR></TABLEDATA></DATA></TABLE>"
                + "</RESOURCE></VOTABLE>";
        ResultTable t = new VOTableReader().read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                URI.create("http://example.org/tap"), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ResultWriter().write(t, TableFormat.TEXT, out);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("| " + longValue), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyFormatWritesAFileAndLeavesNoTemporary(@TempDir Path dir) throws Exception {
        ResultTable t = table(10);
        for (TableFormat f : TableFormat.values()) {
            Path file = dir.resolve("result." + f.extension());
            new ResultWriter().write(t, f, file);
            assertTrue(Files.size(file) > 0, f.id());
        }
        try (var files = Files.list(dir)) {
            assertEquals(TableFormat.values().length, files.count());
        }
    }

    @Test
    void unknownFormatListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableFormat.parse("xls"));
        assertTrue(e.getMessage().contains("votable"));
    }
}
