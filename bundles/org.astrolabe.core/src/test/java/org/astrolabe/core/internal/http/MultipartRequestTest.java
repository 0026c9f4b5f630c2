package org.astrolabe.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.astrolabe.core.http.HttpRequest.Part;
import org.astrolabe.core.http.HttpResult;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** Multipart POSTs (TAP uploads) as a loopback server receives them. */
class MultipartRequestTest {

    private HttpServer server;
    private String base;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private HttpClient5Transport transport;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/sync", ex -> {
            seen.put("method", ex.getRequestMethod());
            seen.put("type", String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")));
            seen.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        server.start();
        transport = new HttpClient5Transport();
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop(0);
    }

    @Test
    void formAndFilesGoAsNamedMultipartParts(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.vot"), "<VOTABLE>first</VOTABLE>");
        Path b = Files.writeString(dir.resolve("b.vot"), "<VOTABLE>second</VOTABLE>");
        HttpRequest request = HttpRequest.multipart(URI.create(base + "/sync"),
                List.of(new Parameter("QUERY", "SELECT * FROM TAP_UPLOAD.mine"),
                        new Parameter("UPLOAD", "mine,param:mine;other,param:other")),
                List.of(new Part("mine", a, "mine.vot", "application/x-votable+xml"),
                        new Part("other", b, null, "application/x-votable+xml")));
        try (HttpResult result = transport.send(request, new NullProgressMonitor()); InputStream in = result.body()) {
            assertEquals("ok", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("POST", seen.get("method"));
        assertTrue(seen.get("type").startsWith("multipart/form-data; boundary="), seen.get("type"));
        String body = seen.get("body");
        assertTrue(body.contains("Content-Disposition: form-data; name=\"QUERY\"\r\n"), body);
        assertTrue(body.contains("SELECT * FROM TAP_UPLOAD.mine\r\n"), body);
        assertTrue(body.contains("name=\"UPLOAD\"") && body.contains("mine,param:mine;other,param:other"), body);
        assertTrue(body.contains("Content-Disposition: form-data; name=\"mine\"; filename=\"mine.vot\""), body);
        assertTrue(body.contains("Content-Disposition: form-data; name=\"other\"; filename=\"b.vot\""), body);
        assertTrue(body.contains("Content-Type: application/x-votable+xml"), body);
        assertTrue(body.contains("<VOTABLE>first</VOTABLE>") && body.contains("<VOTABLE>second</VOTABLE>"), body);
        assertEquals(body.indexOf("name=\"QUERY\"") < body.indexOf("name=\"mine\""), true, "form first");
    }

    @Test
    void partsOnlyGoWithPost(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.vot"), "x");
        assertThrows(IllegalArgumentException.class, () -> new HttpRequest("GET", URI.create(base + "/sync"),
                List.of(), List.of(), true, List.of(new Part("a", a, null, "text/xml"))));
    }
}
