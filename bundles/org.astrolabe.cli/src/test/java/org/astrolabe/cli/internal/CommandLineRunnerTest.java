package org.astrolabe.cli.internal;

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
import java.util.Optional;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.VOTableReader;
import org.astrolabe.core.vosi.Availability;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.TapQuery;
import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against a TAP client that answers with documents like DaCHS sends (errors as
 * QUERY_STATUS=ERROR, OVERFLOW after the table), read by the real VOTable reader. The HTTP path
 * itself is covered by the transport tests and by the integration tests against DaCHS.
 */
class CommandLineRunnerTest {

    private static final String TABLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
            <INFO name="QUERY_STATUS" value="OK"/>
            <TABLE><FIELD name="source_id" datatype="long"/><FIELD name="name" datatype="char" arraysize="*"/>
            <DATA><TABLEDATA><TR><TD>1</TD><TD>alpha</TD></TR><TR><TD>2</TD><TD>beta</TD></TR></TABLEDATA></DATA>
            </TABLE>%s</RESOURCE></VOTABLE>
            """;
    private static final String ERROR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
            <INFO name="QUERY_STATUS" value="ERROR">Could not parse your query: Expected "FROM" at char 12</INFO>
            </RESOURCE></VOTABLE>
            """;
    private static final String TAP = "http://tap.example/tap";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private TransportSettings lastSettings;

    /** Answers like a TAP service at {@link #TAP}; anything else is "not found", host "down" is unreachable. */
    private final class FakeClient implements TapClient {
        private final URI base;

        FakeClient(URI base) {
            this.base = base;
        }

        @Override
        public URI baseUri() {
            return base;
        }

        @Override
        public ResultTable query(TapQuery query, IProgressMonitor monitor) throws AstrolabeException {
            reachable();
            String doc = query.adql().contains("BROKEN") ? ERROR
                    : TABLE.formatted(query.maxrec().orElse(100) <= 2 ? "<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>" : "");
            return new VOTableReader().read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                    URI.create(base + "/sync"), monitor);
        }

        @Override
        public Availability availability(IProgressMonitor monitor) throws AstrolabeException {
            reachable();
            return new Availability(true, Optional.empty(), Optional.empty(), Optional.empty(), java.util.List.of("all well"));
        }

        private void reachable() throws AstrolabeException {
            if (base.getHost().equals("down.example")) {
                throw new TransientException("Cannot connect to down.example:80: the server is down or unreachable.",
                        base, null, null);
            }
            if (!base.toString().equals(TAP)) {
                throw new NotFoundException("Not found: " + base + "/sync (HTTP 404)", base);
            }
        }
    }

    private int run(String... args) {
        TapClientFactory factory = new TapClientFactory() {
            @Override
            public TapClient create(URI baseUrl) {
                return new FakeClient(baseUrl);
            }

            @Override
            public TapClient create(URI baseUrl, TransportSettings settings) {
                lastSettings = settings;
                return new FakeClient(baseUrl);
            }
        };
        return new CommandLineRunner(factory).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void queryPrintsAlignedTable() {
        assertEquals(0, run("--service", TAP, "query", "SELECT", "*", "FROM", "t"));
        assertTrue(stdout().contains("| source_id | name  |"), stdout());
        assertTrue(stdout().contains("| 2         | beta  |"), stdout());
        assertEquals("", stderr());
    }

    @Test
    void overflowWarnsOnStderrWithMaxrec() {
        assertEquals(0, run("--service", TAP, "query", "--maxrec", "2", "SELECT * FROM t"));
        assertTrue(stderr().contains("truncated at 2 rows"), stderr());
        assertTrue(stderr().contains("MAXREC=2"), stderr());
        err.reset();
        assertEquals(0, run("-q", "--service", TAP, "query", "--maxrec", "2", "SELECT * FROM t"));
        assertEquals("", stderr());
    }

    @Test
    void serverErrorIsOneLineAndExitCodeOne() {
        assertEquals(ExitCode.FAILURE, run("--service", TAP, "query", "SELECT BROKEN"));
        assertTrue(stderr().contains("Expected \"FROM\""), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
        assertFalse(stderr().contains("Exception"));
    }

    @Test
    void badUrlIsNotFound() {
        assertEquals(ExitCode.NOT_FOUND, run("--service", "http://tap.example/nothing", "query", "SELECT 1"));
        assertEquals(1, stderr().lines().count(), stderr());
    }

    @Test
    void unreachableHostIsTransient() {
        assertEquals(ExitCode.TRANSIENT, run("--service", "http://down.example/tap", "availability"));
        assertTrue(stderr().startsWith("astrolabe: Cannot connect to down.example"), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
    }

    @Test
    void timeoutOptionReachesTheTransport() {
        assertEquals(0, run("--timeout", "7", "--service", TAP, "availability"));
        assertEquals(java.time.Duration.ofSeconds(7), lastSettings.readTimeout());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(ExitCode.USAGE, run("query", "SELECT 1"));
        assertTrue(stderr().contains("no service given"), stderr());
        err.reset();
        assertEquals(ExitCode.USAGE, run("--service", "not a url", "query", "SELECT 1"));
        err.reset();
        assertEquals(ExitCode.USAGE, run("--service", TAP, "frobnicate"));
        assertTrue(stderr().contains("Unmatched argument"), stderr());
        err.reset();
        assertEquals(ExitCode.USAGE, run("--service", TAP, "query", "--format", "xls", "SELECT 1"));
        assertTrue(stderr().contains("Unknown table format"), stderr());
        err.reset();
        assertEquals(ExitCode.USAGE, run("--service", TAP, "query", "@/no/such/file.adql"));
        assertTrue(stderr().contains("query file not found"), stderr());
    }

    @Test
    void availabilityPrintsNotes() {
        assertEquals(0, run("--service", TAP, "availability"));
        assertTrue(stdout().contains("available: true"), stdout());
        assertTrue(stdout().contains("note:      all well"), stdout());
    }

    @Test
    void queryFromFileToCsv(@TempDir Path dir) throws IOException {
        Path adql = Files.writeString(dir.resolve("q.adql"), "SELECT * FROM t");
        Path csv = dir.resolve("out.csv");
        assertEquals(0, run("--service", TAP, "query", "--format", "csv", "--out", csv.toString(), "@" + adql));
        assertEquals("source_id,name", Files.readAllLines(csv).get(0));
        assertEquals(3, Files.readAllLines(csv).size());
    }
}
