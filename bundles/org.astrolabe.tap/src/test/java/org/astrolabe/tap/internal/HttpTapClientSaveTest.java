package org.astrolabe.tap.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.SavedResult;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.TapUpload;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * The sync query path over real HTTP (a loopback JDK server answering like DaCHS): streaming to a
 * file, errors at HTTP 200, broken connections, HTML, empty answers, GET/POST and uploads.
 */
class HttpTapClientSaveTest {

    private HttpServer server;
    private URI base;
    private HttpTransport transport;
    private TapClient client;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private volatile byte[] answer;
    private volatile String answerType = "application/x-votable+xml";
    private volatile int cutAt = -1;

    @TempDir
    Path dir;

    static byte[] votable(int rows, boolean overflow) throws IOException {
        RowListStarTable table = new RowListStarTable(new ColumnInfo[] {
            new ColumnInfo("id", Long.class, "row number"), new ColumnInfo("ra", Double.class, "right ascension")});
        for (long i = 0; i < rows; i++) {
            table.addRow(new Object[] {i, i * 0.001});
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new VOTableWriter(DataFormat.BINARY, true).writeStarTable(table, out);
        String doc = out.toString(StandardCharsets.UTF_8)
                .replaceFirst("<TABLE", "<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n<TABLE");
        if (overflow) {
            doc = doc.replace("</TABLE>", "</TABLE>\n<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>");
        }
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tap");
        server.createContext("/tap/sync", this::sync);
        server.start();
        transport = realTransport();
        client = new HttpTapClientFactory(transport).create(base);
    }

    private void sync(HttpExchange ex) throws IOException {
        seen.put("method", ex.getRequestMethod());
        seen.put("query", String.valueOf(ex.getRequestURI().getRawQuery()));
        seen.put("type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
        seen.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        ex.getResponseHeaders().add("Content-Type", answerType);
        byte[] body = answer;
        if (cutAt >= 0) {
            // Promise the whole body, send part of it, then drop the connection.
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, cutAt);
            out.flush();
            ex.getHttpContext().getServer();
            throw new IOException("dropping the connection on purpose");
        }
        ex.sendResponseHeaders(200, body.length == 0 ? -1 : 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Core's real transport. Its package is internal to core (the compiler refuses direct use from
     * this bundle), so it is created reflectively, exactly as DS would.
     */
    static HttpTransport realTransport() {
        try {
            return (HttpTransport) Class.forName("org.astrolabe.core.internal.http.HttpClient5Transport")
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        transport.getClass().getMethod("close").invoke(transport);
        server.stop(0);
    }

    private List<Path> files() throws IOException {
        try (var s = Files.list(dir)) {
            return s.toList();
        }
    }

    private String param(String name) {
        String form = seen.get("method").equals("GET") ? seen.get("query") : seen.get("body");
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void savedFileIsByteIdenticalToWhatTheServerSent() throws Exception {
        answer = votable(100_000, true);
        Path file = dir.resolve("result.vot");
        SavedResult saved = client.save(TapQuery.of("SELECT * FROM t").withMaxrec(100_000), file,
                new NullProgressMonitor());
        assertArrayEquals(answer, Files.readAllBytes(file));
        assertTrue(saved.isTruncated());
        assertEquals("POST", seen.get("method"));
        assertEquals("100000", param("MAXREC"));
        assertEquals(null, param("RESPONSEFORMAT"));
        assertEquals(List.of(file), files());
    }

    @Test
    void responseFormatIsSentAndCsvSavedAsItIs() throws Exception {
        answer = "id,ra\n1,0.001\n2,0.002\n".getBytes(StandardCharsets.UTF_8);
        answerType = "text/csv;charset=utf-8";
        Path file = dir.resolve("result.csv");
        SavedResult saved = client.save(TapQuery.of("SELECT * FROM t").withResponseFormat("csv"), file, null);
        assertArrayEquals(answer, Files.readAllBytes(file));
        assertEquals("csv", param("RESPONSEFORMAT"));
        assertEquals("text/csv", saved.mediaType());
        assertFalse(saved.votable());
    }

    @Test
    void shortQueriesMayGoByGet() throws Exception {
        answer = votable(3, false);
        client.save(TapQuery.of("SELECT TOP 3 * FROM t").withGet(), dir.resolve("r.vot"), null);
        assertEquals("GET", seen.get("method"));
        assertEquals("SELECT TOP 3 * FROM t", param("QUERY"));
        assertEquals("ADQL", param("LANG"));
        String longAdql = "SELECT * FROM t WHERE id IN (" + "1,".repeat(2000) + "1)";
        client.save(TapQuery.of(longAdql).withGet(), dir.resolve("r.vot"), null);
        assertEquals("POST", seen.get("method"), "a long query goes by POST even when GET is preferred");
    }

    @Test
    void errorVotableAtHttp200IsAQueryFailureAndNoFile() throws Exception {
        answer = """
                <?xml version="1.0" encoding="UTF-8"?>
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
                <INFO name="QUERY_STATUS" value="ERROR">Could not parse your query: Expected "FROM" at char 12</INFO>
                </RESOURCE></VOTABLE>
                """.getBytes(StandardCharsets.UTF_8);
        QueryFailedException e = assertThrows(QueryFailedException.class,
                () -> client.save(TapQuery.of("SELEKT"), dir.resolve("r.vot"), null));
        assertTrue(e.getMessage().contains(base + "/sync"), e.getMessage());
        assertTrue(e.serverMessage().startsWith("Could not parse your query"), e.serverMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void serverClosingMidResultIsTransientAndNoFile() throws Exception {
        answer = votable(200_000, false);
        cutAt = answer.length / 3;
        TransientException e = assertThrows(TransientException.class,
                () -> client.save(TapQuery.of("SELECT * FROM t"), dir.resolve("r.vot"), null));
        assertTrue(e.getMessage().contains(base + "/sync"), e.getMessage());
        assertEquals(List.of(), files());
    }

    @Test
    void serverClosingMidResultWhileReadingIntoATableIsAFailure() throws Exception {
        answer = votable(200_000, false);
        cutAt = answer.length / 3;
        assertThrows(org.astrolabe.core.AstrolabeException.class,
                () -> client.query(TapQuery.of("SELECT * FROM t"), null));
    }

    @Test
    void htmlInsteadOfAVotableIsRefused() throws Exception {
        answer = "<html><head><title>Maintenance</title></head><body>back soon</body></html>"
                .getBytes(StandardCharsets.UTF_8);
        answerType = "text/html";
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> client.save(TapQuery.of("SELECT * FROM t"), dir.resolve("r.vot"), null));
        assertTrue(e.getMessage().contains("HTML") && e.getMessage().contains(base.toString()), e.getMessage());
        assertEquals(List.of(), files());
        assertThrows(InvalidInputException.class, () -> client.query(TapQuery.of("SELECT * FROM t"), null));
    }

    @Test
    void emptyAnswerIsRefused() throws Exception {
        answer = new byte[0];
        assertThrows(InvalidInputException.class,
                () -> client.save(TapQuery.of("SELECT * FROM t"), dir.resolve("r.vot"), null));
        assertThrows(InvalidInputException.class, () -> client.query(TapQuery.of("SELECT * FROM t"), null));
        assertEquals(List.of(), files());
    }

    @Test
    void uploadsGoAsMultipartWithTheRightPartNames() throws Exception {
        answer = votable(2, false);
        Path csv = Files.writeString(dir.resolve("mine.csv"), "id,ra,dec\n500501,180.005,0.005\n7,1.5,2.5\n");
        RowListStarTable memory = new RowListStarTable(new ColumnInfo[] {new ColumnInfo("id", Long.class, null)});
        memory.addRow(new Object[] {42L});
        ResultTable result = client.query(TapQuery.of("SELECT * FROM TAP_UPLOAD.a JOIN TAP_UPLOAD.b")
                .withUpload(TapUpload.file("a", csv))
                .withUpload(TapUpload.table("b", memory))
                .withUpload(TapUpload.url("c", URI.create("http://data.example/c.vot")))
                .withGet(), null);
        assertEquals(2, result.rowCount());
        assertEquals("POST", seen.get("method"), "uploads always go by POST");
        assertTrue(seen.get("type").startsWith("multipart/form-data"), seen.get("type"));
        String body = seen.get("body");
        assertTrue(body.contains("name=\"UPLOAD\"\r\n"), body);
        assertTrue(body.contains("a,param:a;b,param:b;c,http://data.example/c.vot"), body);
        assertTrue(body.contains("name=\"a\"; filename=\"a.vot\""), body);
        assertTrue(body.contains("name=\"b\"; filename=\"b.vot\""), body);
        assertTrue(body.contains("<TD>500501</TD>") && body.contains("<TD>180.005</TD>"), "CSV converted to VOTable");
        assertTrue(body.contains("<TD>42</TD>"), "in-memory table written as VOTable");
        assertTrue(body.contains("name=\"QUERY\"") && body.contains("name=\"LANG\""), body);
    }

    @Test
    void unreadableUploadIsBadInput() throws Exception {
        answer = votable(1, false);
        Path junk = Files.write(dir.resolve("junk.fits"), new byte[] {1, 2, 3});
        assertThrows(InvalidInputException.class, () -> client.query(TapQuery.of("SELECT 1")
                .withUpload(TapUpload.file("j", junk)), null));
        assertThrows(InvalidInputException.class, () -> client.query(TapQuery.of("SELECT 1")
                .withUpload(TapUpload.file("m", dir.resolve("missing.vot"))), null));
    }

    @Test
    void uploadSpecsAreParsed() {
        assertEquals(new TapUpload.FromFile("mine", Path.of("t.csv")), TapUpload.parse("mine=t.csv"));
        assertEquals(new TapUpload.FromUrl("x", URI.create("https://h.example/t.vot")),
                TapUpload.parse("x=https://h.example/t.vot"));
        assertThrows(IllegalArgumentException.class, () -> TapUpload.parse("no-equals"));
        assertThrows(IllegalArgumentException.class, () -> TapUpload.parse("1bad=t.csv"));
    }
}
