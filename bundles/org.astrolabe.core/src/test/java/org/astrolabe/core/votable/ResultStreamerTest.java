package org.astrolabe.core.votable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.ac.starlink.votable.DataFormat;

/**
 * Saving results byte for byte while recognising what a service may send instead. The documents
 * are shaped like DaCHS's (QUERY_STATUS OK before the table, OVERFLOW after it; errors as a
 * VOTable at HTTP 200).
 */
class ResultStreamerTest {

    private static final URI SOURCE = URI.create("http://tap.example/tap/sync");
    private static final String ERROR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
            <INFO name="QUERY_STATUS" value="ERROR">Could not parse your query: Expected "FROM" at char 12</INFO>
            </RESOURCE></VOTABLE>
            """;

    @TempDir
    Path dir;

    /** A real BINARY VOTable from STIL with DaCHS's QUERY_STATUS INFOs put in. */
    static byte[] result(int rows, boolean overflow) throws IOException {
        String doc = new String(VOTableReaderTest.votable(rows, DataFormat.BINARY), StandardCharsets.UTF_8);
        doc = doc.replaceFirst("<TABLE", "<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n<TABLE");
        if (overflow) {
            doc = doc.replace("</TABLE>", "</TABLE>\n<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>");
        }
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    private SavedResult save(InputStream in, boolean expectVOTable, Path file) throws Exception {
        return new ResultStreamer().save(in, "application/x-votable+xml", -1, expectVOTable, SOURCE, file, null);
    }

    private List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void votableIsSavedByteForByteWithItsOverflowStatus() throws Exception {
        byte[] sent = result(50_000, true);
        Path file = dir.resolve("r.vot");
        SavedResult saved = save(new ByteArrayInputStream(sent), true, file);
        assertArrayEquals(sent, Files.readAllBytes(file));
        assertEquals(sent.length, saved.bytes());
        assertTrue(saved.votable());
        assertTrue(saved.isTruncated());
        assertEquals(List.of(file), files());
    }

    @Test
    void completeVotableIsNotTruncated() throws Exception {
        SavedResult saved = save(new ByteArrayInputStream(result(10, false)), true, dir.resolve("r.vot"));
        assertEquals(QueryStatus.State.OK, saved.status().state());
        assertFalse(saved.isTruncated());
    }

    @Test
    void csvIsSavedByteForByte() throws Exception {
        StringBuilder csv = new StringBuilder("id,ra\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append(i).append(',').append(i * 0.001).append('\n');
        }
        byte[] sent = csv.toString().getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("r.csv");
        SavedResult saved = new ResultStreamer().save(new ByteArrayInputStream(sent), "text/csv", sent.length, false,
                SOURCE, file, null);
        assertArrayEquals(sent, Files.readAllBytes(file));
        assertFalse(saved.votable());
        assertEquals("text/csv", saved.mediaType());
    }

    @Test
    void errorVotableIsAQueryFailureAndLeavesNoFile() throws Exception {
        Path file = dir.resolve("r.vot");
        QueryFailedException e = assertThrows(QueryFailedException.class,
                () -> save(new ByteArrayInputStream(ERROR.getBytes(StandardCharsets.UTF_8)), true, file));
        assertTrue(e.serverMessage().contains("Expected \"FROM\""), e.serverMessage());
        assertTrue(e.getMessage().contains(SOURCE.toString()), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void errorVotableInsteadOfCsvIsAQueryFailure() throws Exception {
        assertThrows(QueryFailedException.class, () -> new ResultStreamer().save(
                new ByteArrayInputStream(ERROR.getBytes(StandardCharsets.UTF_8)), "text/xml", -1, false, SOURCE,
                dir.resolve("r.csv"), null));
        assertEquals(List.of(), files());
    }

    @Test
    void failureLeavesAnExistingFileUntouched() throws Exception {
        Path file = dir.resolve("r.vot");
        Files.writeString(file, "previous result");
        assertThrows(QueryFailedException.class,
                () -> save(new ByteArrayInputStream(ERROR.getBytes(StandardCharsets.UTF_8)), true, file));
        assertEquals("previous result", Files.readString(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void connectionBrokenMidResultIsTransientAndLeavesNoFile() throws Exception {
        byte[] sent = result(200_000, false);
        InputStream breaking = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(sent, 0, sent.length / 2);

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, Math.min(len, 8192));
                if (n < 0) {
                    throw new IOException("Connection reset");
                }
                return n;
            }
        };
        TransientException e = assertThrows(TransientException.class, () -> save(breaking, true, dir.resolve("r.vot")));
        assertTrue(e.getMessage().contains(SOURCE.toString()) && e.getMessage().contains("cut off"), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void votableThatEndsEarlyIsRefusedAndLeavesNoFile() throws Exception {
        byte[] sent = result(100_000, false);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> save(new ByteArrayInputStream(sent, 0, sent.length * 2 / 3), true, dir.resolve("r.vot")));
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains(SOURCE.toString()), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void fewerBytesThanContentLengthIsCutOff() throws Exception {
        byte[] sent = "id,ra\n1,2\n".getBytes(StandardCharsets.UTF_8);
        assertThrows(TransientException.class, () -> new ResultStreamer().save(new ByteArrayInputStream(sent),
                "text/csv", sent.length + 100, false, SOURCE, dir.resolve("r.csv"), null));
        assertEquals(List.of(), files());
    }

    @Test
    void htmlPageIsRefused() throws Exception {
        byte[] html = "<!DOCTYPE html><html><head><title>502 Proxy Error</title></head><body>down</body></html>"
                .getBytes(StandardCharsets.UTF_8);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new ResultStreamer().save(new ByteArrayInputStream(html), "text/html", -1, true, SOURCE,
                        dir.resolve("r.vot"), null));
        assertTrue(e.getMessage().contains("HTML") && e.getMessage().contains("502 Proxy Error"), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void emptyBodyIsRefused() throws Exception {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> save(InputStream.nullInputStream(), true, dir.resolve("r.vot")));
        assertTrue(e.getMessage().contains("empty") && e.getMessage().contains(SOURCE.toString()), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void somethingElseWhereAVotableWasExpectedIsRefused() throws Exception {
        byte[] text = "id,ra\n1,2\n".getBytes(StandardCharsets.UTF_8);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new ResultStreamer().save(new ByteArrayInputStream(text), "text/csv", -1, true, SOURCE,
                        dir.resolve("r.vot"), null));
        assertTrue(e.getMessage().contains("did not send a VOTable"), e.getMessage());
    }

    @Test
    void truncatedFitsIsRefused() throws Exception {
        byte[] fits = new byte[2880 * 2 + 100];
        byte[] simple = "SIMPLE  =                    T".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(simple, 0, fits, 0, simple.length);
        assertThrows(InvalidInputException.class, () -> new ResultStreamer().save(new ByteArrayInputStream(fits),
                "application/fits", -1, false, SOURCE, dir.resolve("r.fits"), null));
        assertEquals(List.of(), files());
    }

    @Test
    void fullDiskNamesTheFileAndTheUrlAndLeavesNoFile() throws Exception {
        Path file = dir.resolve("r.vot");
        ResultStreamer full = new ResultStreamer(temp -> new FilterOutputStream(Files.newOutputStream(temp)) {
            private long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 100_000) {
                    throw new IOException("No space left on device");
                }
                out.write(b, off, len);
            }
        });
        IOException e = assertThrows(IOException.class, () -> full.save(new ByteArrayInputStream(result(100_000, false)),
                "application/x-votable+xml", -1, true, SOURCE, file, null));
        assertTrue(e.getMessage().contains("No space left on device") && e.getMessage().contains(file.toString())
                && e.getMessage().contains(SOURCE.toString()), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void errorAfterThePartialTableIsAQueryFailure() throws Exception {
        String doc = new String(result(100, false), StandardCharsets.UTF_8).replace("</TABLE>",
                "</TABLE><INFO name=\"QUERY_STATUS\" value=\"ERROR\">Query timed out</INFO>");
        QueryFailedException e = assertThrows(QueryFailedException.class,
                () -> save(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), true, dir.resolve("r.vot")));
        assertEquals("Query timed out", e.serverMessage());
        assertEquals(List.of(), files());
    }

}
