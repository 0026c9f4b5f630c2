package org.astrolabe.core.votable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.Tables;
import uk.ac.starlink.util.FileDataSource;
import uk.ac.starlink.votable.DataFormat;

/** Every format Astrolabe writes can be read back with the values it was given. */
class TableFormatRoundTripTest {

    private static final int ROWS = 250;

    private static ResultTable table() throws Exception {
        return new VOTableReader().read(new ByteArrayInputStream(VOTableReaderTest.votable(ROWS, DataFormat.BINARY)),
                URI.create("http://example.org/tap"), null);
    }

    @Test
    void stilFormatsReadBackWithTheSameValues(@TempDir Path dir) throws Exception {
        ResultTable t = table();
        for (TableFormat f : List.of(TableFormat.VOTABLE, TableFormat.CSV, TableFormat.FITS, TableFormat.IPAC)) {
            Path file = dir.resolve("r." + f.extension());
            new ResultWriter().write(t, f, file);
            String handler = switch (f) {
                case CSV -> "csv";
                case IPAC -> "ipac";
                default -> null;
            };
            StarTableFactory factory = new StarTableFactory(true);
            StarTable back = handler == null ? factory.makeStarTable(new FileDataSource(file.toFile()))
                    : factory.makeStarTable(new FileDataSource(file.toFile()), handler);
            back = Tables.randomTable(back);
            assertEquals(ROWS, back.getRowCount(), f.id());
            assertEquals("id", back.getColumnInfo(0).getName(), f.id());
            assertEquals(123L, ((Number) back.getCell(123, 0)).longValue(), f.id());
            assertEquals(0.123, ((Number) back.getCell(123, 1)).doubleValue(), 1e-12, f.id());
        }
    }

    /** STIL reads ECSV only with SnakeYAML, which Astrolabe does not ship: check the text instead. */
    @Test
    void ecsvHasItsHeaderAndOneLinePerRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.ecsv");
        new ResultWriter().write(table(), TableFormat.ECSV, file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("# %ECSV"), lines.get(0));
        assertTrue(lines.contains("#   name: id") && lines.contains("#   datatype: int64"), lines.toString());
        List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("id ra", data.get(0));
        assertEquals(ROWS + 1, data.size());
        assertEquals("123 0.123", data.get(124));
    }

    @Test
    void tsvHasAHeaderAndOneLinePerRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.tsv");
        new ResultWriter().write(table(), TableFormat.TSV, file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(ROWS + 1, lines.size());
        assertEquals("id\tra", lines.get(0));
        String[] row = lines.get(124).split("\t", -1);
        assertEquals(123L, Long.parseLong(row[0]));
        assertEquals(0.123, Double.parseDouble(row[1]), 1e-12);
    }

    @Test
    void jsonHasColumnsAndRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        new ResultWriter().write(table(), TableFormat.JSON, file);
        String json = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertTrue(json.startsWith("{\"columns\":[") && json.endsWith("]}"), json.substring(0, 80));
        assertTrue(json.contains("{\"name\":\"id\",\"datatype\":\"long\""), json.substring(0, 200));
        assertEquals(ROWS, Pattern.compile("^\\[\\d+,[-0-9.E]+\\](,|\\]\\})?$", Pattern.MULTILINE).matcher(json).results().count());
        assertTrue(json.contains("\n[123,0.123],\n"), "row 123");
    }
}
