package org.astrolabe.datalink.internal.soda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.ServiceFailureException;
import org.astrolabe.datalink.DescriptorParameter;
import org.astrolabe.datalink.ServiceDescriptor;
import org.astrolabe.datalink.soda.Circle;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.astrolabe.datalink.soda.CutoutService.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Sync SODA requests against a loopback server: GET and POST carry the same parameters; failures are typed. */
class HttpCutoutServiceTest {

    private static final byte[] FITS = "SIMPLE  =                    T".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpCutoutService service;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ok", ex -> answer(ex, 200, "application/fits", FITS));
        server.createContext("/votable-error", ex -> answer(ex, 200, "application/x-votable+xml",
                "<VOTABLE><RESOURCE type=\"results\"><INFO name=\"QUERY_STATUS\" value=\"ERROR\">Bad POS</INFO></RESOURCE></VOTABLE>"
                        .getBytes(StandardCharsets.UTF_8)));
        server.createContext("/usage", ex -> answer(ex, 422, "text/plain",
                "UsageError: Field CIRCLE: Bad parameter literal".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/secret", ex -> {
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
            answer(ex, 401, "text/plain", "login".getBytes(StandardCharsets.UTF_8));
        });
        server.start();
        service = new HttpCutoutService(org.astrolabe.core.http.HttpTransports.create(org.astrolabe.core.http.TransportSettings.defaults()), null);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        String params = ex.getRequestMethod().equals("POST")
                ? new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : ex.getRequestURI().getRawQuery();
        seen.add(ex.getRequestMethod() + " " + URLDecoder.decode(params, StandardCharsets.UTF_8));
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private ServiceDescriptor descriptor(String path) {
        return new ServiceDescriptor("svc", ServiceDescriptor.SODA_SYNC,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), "", List.of(
                        new DescriptorParameter("ID", "char", "*", "", "", "", "ds-1", "", "", "", List.of(), ""),
                        new DescriptorParameter("CIRCLE", "double", "3", "circle", "deg", "", "", "", "",
                                "10 20 1", List.of(), "")));
    }

    private static CutoutRequest circle() {
        return CutoutRequest.of("ivo://x/ds-1").circle(new Circle(10, 20, 0.5)).build();
    }

    @Test
    void getAndPostSendTheSameParameters() throws Exception {
        Path a = service.save(descriptor("/ok"), circle(), Mode.GET, dir, null);
        Path b = service.save(descriptor("/ok"), circle(), Mode.POST, dir, null);
        assertEquals(List.of("GET ID=ds-1&CIRCLE=10 20 0.5", "POST ID=ds-1&CIRCLE=10 20 0.5"), seen);
        assertArrayEquals(FITS, Files.readAllBytes(a));
        assertEquals("ds-1-cutout-1.fits", b.getFileName().toString());
    }

    @Test
    void failuresAreTypedAndLeaveNoFile() throws Exception {
        var e = assertThrows(ServiceFailureException.class,
                () -> service.save(descriptor("/votable-error"), circle(), Mode.GET, dir, null));
        assertTrue(e.getMessage().contains("Bad POS"), e.getMessage());
        var usage = assertThrows(ServiceFailureException.class,
                () -> service.save(descriptor("/usage"), circle(), Mode.POST, dir, null));
        assertTrue(usage.getMessage().contains("UsageError"), usage.getMessage());
        assertThrows(AuthenticationException.class, () -> service.save(descriptor("/secret"), circle(), Mode.GET, dir,
                null));
        assertThrows(InvalidInputException.class, () -> service.save(descriptor("/ok"), circle(), Mode.ASYNC, dir,
                null), "a sync descriptor cannot run an async cutout");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
