package org.astrolabe.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.TransportSettings;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Against a real loopback HTTP server (the JDK's). */
class HttpClient5TransportTest {

    private HttpServer server;
    private String base;
    private String otherHostBase;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private HttpClient5Transport transport;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int port = server.getAddress().getPort();
        base = "http://127.0.0.1:" + port;
        otherHostBase = "http://localhost:" + port;
        server.createContext("/echo", ex -> {
            seen.put("method", ex.getRequestMethod());
            seen.put("ua", String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
            seen.put("auth", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            seen.put("body", new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(ex, 200, "text/plain", "hello");
        });
        server.createContext("/compressible", ex -> {
            String asked = String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding"));
            seen.put("accept-encoding", asked);
            byte[] text = "row\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
            if (!asked.contains("gzip")) {
                respond(ex, 200, "text/csv", new String(text, StandardCharsets.UTF_8));
                return;
            }
            java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
                gz.write(text);
            }
            byte[] body = zipped.toByteArray();
            if (ex.getRequestURI().getQuery() != null && ex.getRequestURI().getQuery().contains("cut")) {
                body = java.util.Arrays.copyOf(body, body.length / 2);
            }
            ex.getResponseHeaders().add("Content-Type", "text/csv");
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, body.length);
            try (var out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/see-other", ex -> redirect(ex, 303, base + "/echo"));
        server.createContext("/to-other-host", ex -> redirect(ex, 302, otherHostBase + "/echo"));
        server.createContext("/loop", ex -> redirect(ex, 302, base + "/loop"));
        server.createContext("/moved", ex -> redirect(ex, 307, base + "/query?" + ex.getRequestURI().getRawQuery()));
        server.createContext("/query", ex -> {
            seen.put("query", String.valueOf(ex.getRequestURI().getRawQuery()));
            respond(ex, 200, "text/plain", "ok");
        });
        server.createContext("/busy", ex -> {
            ex.getResponseHeaders().add("Retry-After", "7");
            respond(ex, 503, "text/plain", "busy");
        });
        server.createContext("/secret", ex -> respond(ex, 401, "text/plain", "who are you"));
        server.createContext("/stall", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "text/plain", "late");
        });
        server.start();
        transport = new HttpClient5Transport(new TransportSettings(Duration.ofSeconds(2), Duration.ofMillis(700),
                null, 4), new org.astrolabe.core.internal.auth.MemorySessionRegistry(), null);
    }

    @AfterEach
    void stop() {
        transport.close();
        server.stop(0);
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getRequestBody().readAllBytes();
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    private String body(HttpRequest request) throws Exception {
        try (HttpResult r = HttpFailures.requireSuccess(transport.send(request, new NullProgressMonitor()));
                InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sendsAstrolabeUserAgentAndFormBody() throws Exception {
        assertEquals("hello", body(HttpRequest.post(URI.create(base + "/echo"),
                List.of(new HttpRequest.Parameter("QUERY", "SELECT 1")))));
        assertTrue(seen.get("ua").startsWith("Astrolabe/"), seen.get("ua"));
        assertTrue(!seen.get("ua").contains("Mozilla"));
        assertEquals("QUERY=SELECT+1", seen.get("body"));
    }

    @Test
    void postFollowing303BecomesGet() throws Exception {
        assertEquals("hello", body(HttpRequest.post(URI.create(base + "/see-other"), List.of())));
        assertEquals("GET", seen.get("method"));
    }

    @Test
    void credentialsAreDroppedWhenARedirectLeavesTheHost() throws Exception {
        body(HttpRequest.get(URI.create(base + "/to-other-host")).withHeader("Authorization", "Basic c2VjcmV0"));
        assertEquals("null", seen.get("auth"));
        body(HttpRequest.get(URI.create(base + "/echo")).withHeader("Authorization", "Basic c2VjcmV0"));
        assertEquals("Basic c2VjcmV0", seen.get("auth"));
    }

    @Test
    void getParametersAreNotRepeatedAfterA307() throws Exception {
        HttpRequest get = new HttpRequest("GET", URI.create(base + "/moved"), List.of(),
                List.of(new HttpRequest.Parameter("CIRCLE", "180 0 0.02")), true, List.of());
        try (HttpResult r = transport.send(get, null)) {
            assertEquals(200, r.status());
        }
        assertEquals("CIRCLE=180%200%200.02", seen.get("query"), "the parameter once, as the Location gives it");
    }

    @Test
    void redirectLoopIsRefused() {
        var e = assertThrows(org.astrolabe.core.InvalidInputException.class,
                () -> body(HttpRequest.get(URI.create(base + "/loop"))));
        assertTrue(e.getMessage().contains("Too many redirects"));
    }

    @Test
    void statusesBecomeTypedFailures() {
        TransientException busy = assertThrows(TransientException.class,
                () -> body(HttpRequest.get(URI.create(base + "/busy"))));
        assertEquals(Duration.ofSeconds(7), busy.retryAfter().orElseThrow());
        assertThrows(AuthenticationException.class, () -> body(HttpRequest.get(URI.create(base + "/secret"))));
        assertThrows(NotFoundException.class, () -> body(HttpRequest.get(URI.create(base + "/missing"))));
    }

    @Test
    void refusedConnectionNamesHostAndPort() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TransientException e = assertThrows(TransientException.class,
                () -> body(HttpRequest.get(URI.create("http://127.0.0.1:" + closedPort + "/tap"))));
        assertTrue(e.getMessage().contains("127.0.0.1:" + closedPort), e.getMessage());
    }

    @Test
    void stalledServerHitsTheReadTimeout() {
        long start = System.nanoTime();
        TransientException e = assertThrows(TransientException.class,
                () -> body(HttpRequest.get(URI.create(base + "/stall"))));
        assertTrue(e.getMessage().contains("time-out"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500);
    }

    @Test
    void cancelledMonitorStopsBeforeSending() {
        NullProgressMonitor cancelled = new NullProgressMonitor();
        cancelled.setCanceled(true);
        assertThrows(OperationCanceledException.class,
                () -> transport.send(HttpRequest.get(URI.create(base + "/echo")), cancelled));
        assertNull(seen.get("method"));
    }

    @Test
    void connectionsAreReturnedToThePool() throws Exception {
        for (int i = 0; i < 20; i++) {
            body(HttpRequest.get(URI.create(base + "/echo")));
        }
        assertThrows(NotFoundException.class, () -> body(HttpRequest.get(URI.create(base + "/missing"))));
        assertEquals(0, transport.leasedConnections());
    }

    @Test
    void bodiesAreUncompressedUnlessGzipIsAskedForThenInflated() throws Exception {
        try (HttpResult plain = transport.send(HttpRequest.get(URI.create(base + "/compressible")), null)) {
            assertEquals("identity", seen.get("accept-encoding"));
            assertEquals(40_000, plain.contentLength());
            assertEquals(40_000, plain.body().readAllBytes().length);
        }
        try (HttpResult gz = transport.send(HttpRequest.get(URI.create(base + "/compressible"))
                .withHeader("Accept-Encoding", "gzip"), null)) {
            assertEquals("gzip", seen.get("accept-encoding"));
            assertEquals(-1, gz.contentLength(), "the declared length is the compressed one");
            assertEquals("row\n".repeat(10_000), new String(gz.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        try (HttpResult cut = transport.send(HttpRequest.get(URI.create(base + "/compressible?cut"))
                .withHeader("Accept-Encoding", "gzip"), null)) {
            assertThrows(IOException.class, () -> cut.body().readAllBytes());
        }
    }
}
