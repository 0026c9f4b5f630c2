package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.vosi.ColumnMetadata;
import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The TAP_SCHEMA fallback against the real DaCHS server: a loopback relay passes every request on
 * to DaCHS except {@code /tables}, which it answers with 404, as services without VOSI tables do.
 * The metadata must then come from TAP_SCHEMA through the real sync endpoint, and match what
 * DaCHS's own VOSI tables say.
 */
class DachsTapSchemaFallbackTest {

    private static URI dachs;
    private static HttpServer relay;
    private static final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        dachs = URI.create(System.getProperty("astrolabe.test.tap", "http://127.0.0.1:18080/tap"));
        try {
            Services.get(TapClientFactory.class).create(dachs).availability(new NullProgressMonitor());
        } catch (TransientException down) {
            if (Boolean.getBoolean("astrolabe.test.requireServer")) {
                fail("The local DaCHS test server is required but not running: " + down.getMessage());
            }
            assumeTrue(false, "local DaCHS test server not running: " + down.getMessage());
        }
        HttpClient upstream = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        relay.createContext("/tap", exchange -> relay(exchange, upstream));
        relay.start();
    }

    @AfterAll
    static void stop() {
        if (relay != null) {
            relay.stop(0);
        }
    }

    private static void relay(HttpExchange exchange, HttpClient upstream) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring("/tap".length());
        paths.add(path);
        try (exchange) {
            if (path.startsWith("/tables")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(dachs + path + (query == null ? "" : "?" + query)))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                request.header("Content-Type", type);
            }
            HttpResponse<byte[]> answer = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().firstValue("Content-Type").ifPresent(t -> exchange.getResponseHeaders().set("Content-Type", t));
            answer.headers().firstValue("Location").ifPresent(l -> exchange.getResponseHeaders().set("Location", l));
            exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static TapClient relayed() throws InterruptedException {
        return Services.get(TapClientFactory.class)
                .create(URI.create("http://127.0.0.1:" + relay.getAddress().getPort() + "/tap"));
    }

    @Test
    void tablesComeFromTapSchemaWhenVosiTablesIsMissing() throws Exception {
        TapClient client = relayed();
        List<String> names = client.metadata().tables(new NullProgressMonitor()).tables().stream()
                .map(TableMetadata::name).toList();
        assertTrue(names.contains("astrolabe.sources"), names.toString());
        assertTrue(paths.contains("/tables"), paths.toString());
        assertTrue(paths.contains("/sync"), paths.toString());
    }

    @Test
    void columnsFromTapSchemaMatchVosi() throws Exception {
        TableMetadata fallback = relayed().metadata().table("astrolabe.sources", new NullProgressMonitor());
        TapClient direct = Services.get(TapClientFactory.class).create(dachs);
        direct.metadata().forget();
        TableMetadata vosi = direct.metadata().table("astrolabe.sources", new NullProgressMonitor());
        assertEquals(vosi.columns().stream().map(ColumnMetadata::name).toList(),
                fallback.columns().stream().map(ColumnMetadata::name).toList());
        for (ColumnMetadata c : vosi.columns()) {
            ColumnMetadata f = fallback.column(c.name()).orElseThrow();
            assertEquals(c.unit(), f.unit(), c.name());
            assertEquals(c.ucd(), f.ucd(), c.name());
            assertEquals(c.typeText(), f.typeText(), c.name());
            assertEquals(c.description(), f.description(), c.name());
        }
        assertEquals("deg", fallback.column("ra").orElseThrow().unit());
    }

    @Test
    void unknownTableIsNotFoundThroughTapSchema() throws Exception {
        TapClient client = relayed();
        NotFoundException e = org.junit.jupiter.api.Assertions.assertThrows(NotFoundException.class,
                () -> client.metadata().table("astrolabe.nope", new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("astrolabe.nope"), e.getMessage());
    }
}
