package org.astrolabe.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultStreamer;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.SavedResult;
import org.astrolabe.core.votable.VOTableReader;
import org.astrolabe.core.vosi.Availability;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.TapUpload;
import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code query --out} saving the service's own output (through the real {@link ResultStreamer}),
 * {@code --upload} and {@code --response-format}, against a client answering with DaCHS-shaped
 * documents.
 */
class QueryCommandSaveTest {

    private static final String TAP = "http://tap.example/tap";
    private static final String TABLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
            <INFO name="QUERY_STATUS" value="OK"/>
            <TABLE><FIELD name="source_id" datatype="long"/>
            <DATA><TABLEDATA><TR><TD>1</TD></TR><TR><TD>2</TD></TR></TABLEDATA></DATA>
            </TABLE>%s</RESOURCE></VOTABLE>
            """;
    private static final String ERROR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
            <INFO name="QUERY_STATUS" value="ERROR">Could not parse your query: Expected "FROM" at char 12</INFO>
            </RESOURCE></VOTABLE>
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private TapQuery lastQuery;
    private boolean converted;

    private byte[] answer(TapQuery query) {
        String doc = query.adql().contains("BROKEN") ? ERROR
                : query.responseFormat().orElse("votable").equals("csv") ? "source_id\n1\n2\n"
                : TABLE.formatted(query.maxrec().orElse(100) <= 2 ? "<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>" : "");
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    private final class SavingClient implements TapClient {
        @Override
        public URI baseUri() {
            return URI.create(TAP);
        }

        @Override
        public ResultTable query(TapQuery query, IProgressMonitor monitor) throws AstrolabeException {
            lastQuery = query;
            return new VOTableReader().read(new ByteArrayInputStream(answer(query)), URI.create(TAP + "/sync"), monitor);
        }

        @Override
        public Availability availability(IProgressMonitor monitor) {
            return new Availability(true, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }

        @Override
        public SavedResult save(TapQuery query, Path file, IProgressMonitor monitor) throws AstrolabeException,
                IOException {
            lastQuery = query;
            boolean votable = query.responseFormat().map(f -> f.startsWith("votable")).orElse(true);
            return new ResultStreamer().save(new ByteArrayInputStream(answer(query)), votable ? "text/xml" : "text/csv",
                    -1, votable, URI.create(TAP + "/sync"), file, monitor);
        }

        @Override
        public SavedResult convert(TapQuery query, org.astrolabe.core.votable.TableFormat format, Path file,
                IProgressMonitor monitor) throws AstrolabeException, IOException {
            lastQuery = query;
            converted = true;
            return new ResultStreamer().convert(new ByteArrayInputStream(answer(query.withoutResponseFormat())),
                    URI.create(TAP + "/sync"), format, file, monitor);
        }
    }

    private int run(String... args) {
        TapClientFactory factory = new TapClientFactory() {
            @Override
            public TapClient create(URI baseUrl) {
                return new SavingClient();
            }

            @Override
            public TapClient create(URI baseUrl, TransportSettings settings) {
                return new SavingClient();
            }
        };
        return new CommandLineRunner(factory).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void votableIsSavedAsTheServiceSentIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.vot");
        assertEquals(0, run("--service", TAP, "query", "--format", "votable", "--out", file.toString(), "SELECT 1"));
        assertArrayEquals(answer(TapQuery.of("SELECT 1")), Files.readAllBytes(file));
        assertEquals(Optional.empty(), lastQuery.responseFormat());
        assertEquals("", stderr());
    }

    @Test
    void overflowInASavedVotableIsWarned(@TempDir Path dir) {
        assertEquals(0, run("--service", TAP, "query", "--maxrec", "2", "--format", "votable", "--out",
                dir.resolve("r.vot").toString(), "SELECT 1"));
        assertTrue(stderr().contains("truncated") && stderr().contains("MAXREC=2"), stderr());
    }

    @Test
    void csvAsksTheServiceForCsv(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.csv");
        assertEquals(0, run("--service", TAP, "query", "--format", "csv", "--out", file.toString(), "SELECT 1"));
        assertEquals(Optional.of("csv"), lastQuery.responseFormat());
        assertEquals("source_id\n1\n2\n", Files.readString(file));
    }

    @Test
    void convertReadsAndWritesLocally(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.csv");
        assertEquals(0, run("--service", TAP, "query", "--convert", "--format", "csv", "--out", file.toString(),
                "SELECT 1"));
        assertEquals(Optional.empty(), lastQuery.responseFormat());
        assertEquals(List.of("source_id", "1", "2"), Files.readAllLines(file));
    }

    @Test
    void convertingStreamsAndWarnsOfOverflow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("r.ecsv");
        assertEquals(0, run("--service", TAP, "query", "--maxrec", "2", "--format", "ecsv", "--out", file.toString(),
                "SELECT 1"));
        assertTrue(converted, "ecsv is written while the VOTable streams in");
        assertTrue(Files.readString(file).contains("# %ECSV"), Files.readString(file));
        assertTrue(stderr().contains("truncated"), stderr());
    }

    @Test
    void aFailedConversionLeavesNoFile(@TempDir Path dir) throws IOException {
        assertEquals(ExitCode.FAILURE, run("--service", TAP, "query", "--convert", "--format", "csv", "--out",
                dir.resolve("r.csv").toString(), "SELECT BROKEN"));
        assertTrue(converted);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
        assertTrue(stderr().contains("Could not parse your query"), stderr());
    }

    @Test
    void responseFormatIsPassedThrough(@TempDir Path dir) {
        assertEquals(0, run("--service", TAP, "query", "--response-format", "votable/td", "--out",
                dir.resolve("r.vot").toString(), "SELECT 1"));
        assertEquals(Optional.of("votable/td"), lastQuery.responseFormat());
        assertEquals(ExitCode.USAGE, run("--service", TAP, "query", "--response-format", "csv", "SELECT 1"));
    }

    @Test
    void serviceErrorLeavesNoFileAndExitsOne(@TempDir Path dir) throws IOException {
        assertEquals(ExitCode.FAILURE, run("--service", TAP, "query", "--format", "votable", "--out",
                dir.resolve("r.vot").toString(), "SELECT BROKEN"));
        assertTrue(stderr().contains("Expected \"FROM\"") && stderr().contains(TAP + "/sync"), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void uploadsAreParsedAndRepeatable(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("mine.csv"), "id\n1\n");
        assertEquals(0, run("--service", TAP, "query", "--upload", "mine=" + csv, "--upload",
                "remote=https://data.example/t.vot", "SELECT * FROM TAP_UPLOAD.mine"));
        assertEquals(List.of(TapUpload.file("mine", csv), TapUpload.url("remote", URI.create("https://data.example/t.vot"))),
                lastQuery.uploads());
        err.reset();
        assertEquals(ExitCode.USAGE, run("--service", TAP, "query", "--upload", "nonsense", "SELECT 1"));
        assertTrue(stderr().contains("NAME=FILE"), stderr());
        assertFalse(stderr().contains("Exception"), stderr());
    }
}
