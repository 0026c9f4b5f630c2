package org.astrolabe.core.votable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.QueryFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import uk.ac.starlink.votable.DataFormat;

/** {@link VOTableReader#convert}: a result written in another format while it streams in. */
class StreamingConversionTest {

    private static final URI SOURCE = URI.create("http://example.org/tap/sync");
    private final VOTableReader reader = new VOTableReader();

    @Test
    void csvHasEveryRowInOrder() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryStatus status = reader.convert(new ByteArrayInputStream(VOTableReaderTest.votable(100_000,
                DataFormat.BINARY2)), SOURCE, TableFormat.CSV, out, null);
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(100_001, lines.length);
        assertEquals("id,ra", lines[0]);
        assertEquals("99999,99.999", lines[100_000]);
        assertFalse(status.state() == QueryStatus.State.OVERFLOW);
    }

    /** Every format said to be streamable really is written from a table that can be read once. */
    @ParameterizedTest
    @EnumSource(TableFormat.class)
    void streamableFormatsConvertAndTheOthersAreRefused(TableFormat format) throws Exception {
        byte[] doc = VOTableReaderTest.votable(1000, DataFormat.TABLEDATA);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!format.streamable()) {
            assertThrows(IllegalArgumentException.class,
                    () -> reader.convert(new ByteArrayInputStream(doc), SOURCE, format, out, null));
            return;
        }
        reader.convert(new ByteArrayInputStream(doc), SOURCE, format, out, null);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        new ResultWriter().write(reader.read(new ByteArrayInputStream(doc), SOURCE, null), format, whole);
        assertEquals(whole.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8),
                "streamed " + format.id() + " differs from the same table written after reading it");
    }

    @Test
    void overflowAfterTheTableIsReported() throws Exception {
        String text = new String(VOTableReaderTest.votable(3, DataFormat.TABLEDATA), StandardCharsets.UTF_8)
                .replace("</TABLE>", "</TABLE><INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryStatus status = reader.convert(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SOURCE,
                TableFormat.CSV, out, null);
        assertEquals(QueryStatus.State.OVERFLOW, status.state());
        assertEquals(4, out.toString(StandardCharsets.UTF_8).split("\n").length);
    }

    @Test
    void anErrorDocumentIsAQueryFailure() {
        String error = "<VOTABLE><RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\" value=\"ERROR\">"
                + "Could not parse your query</INFO></RESOURCE></VOTABLE>";
        QueryFailedException e = assertThrows(QueryFailedException.class, () -> reader.convert(
                new ByteArrayInputStream(error.getBytes(StandardCharsets.UTF_8)), SOURCE, TableFormat.CSV,
                new ByteArrayOutputStream(), null));
        assertTrue(e.getMessage().contains("Could not parse your query"), e.getMessage());
    }

    @Test
    void aTruncatedDocumentFailsAndDoesNotHang() throws Exception {
        byte[] doc = VOTableReaderTest.votable(50_000, DataFormat.TABLEDATA);
        byte[] cut = java.util.Arrays.copyOf(doc, doc.length / 2);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 30; i++) { // the writer may be waiting for rows or for the table: both stop
                assertThrows(InvalidInputException.class, () -> reader.convert(new ByteArrayInputStream(cut), SOURCE,
                        TableFormat.CSV, new ByteArrayOutputStream(), null));
            }
        });
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {3, 100_000})
    void aFullDiskStopsTheParseWithTheWriteFailure(int room) throws IOException {
        byte[] doc = VOTableReaderTest.votable(200_000, DataFormat.BINARY2);
        OutputStream full = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                if (++written > room) {
                    throw new IOException("No space left on device");
                }
            }
        };
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(IOException.class,
                () -> reader.convert(new ByteArrayInputStream(doc), SOURCE, TableFormat.CSV, full, null)));
        assertTrue(e.getMessage().contains("No space left"), e.getMessage());
    }
}
