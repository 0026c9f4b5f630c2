package org.astrolabe.datalink.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ResolveOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The resolver against a loopback DataLink service that answers any number of IDs per request
 * (GET or POST) with one #this row each, and counts requests. Also a service that redirects with
 * only the first ID kept, as DaCHS's ObsCore DataLink does.
 */
class LoopbackResolverTest {

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger posts = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private HttpDataLinkResolver resolver;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.createContext("/dl/links", this::links);
        server.createContext("/obscore/dl", ex -> {
            List<String> ids = ids(ex);
            ex.getResponseHeaders().add("Location", base() + "/dl/links?ID="
                    + java.net.URLEncoder.encode(ids.get(0), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        resolver = new HttpDataLinkResolver(org.astrolabe.core.http.HttpTransports.create(org.astrolabe.core.http.TransportSettings.defaults()));
    }

    @AfterEach
    void stop() {
        resolver.close();
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static List<String> ids(HttpExchange ex) throws IOException {
        String query = ex.getRequestMethod().equals("POST")
                ? new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                : ex.getRequestURI().getRawQuery();
        List<String> ids = new ArrayList<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("ID")) {
                ids.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return ids;
    }

    private void links(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        if (ex.getRequestMethod().equals("POST")) {
            posts.incrementAndGet();
        }
        int now = concurrent.incrementAndGet();
        maxConcurrent.accumulateAndGet(now, Math::max);
        try {
            Thread.sleep(50);
            List<String> ids = ids(ex);
            StringBuilder rows = new StringBuilder();
            for (String id : ids) {
                String x = id.replace("&", "&amp;").replace("<", "&lt;");
                if (id.contains("unknown")) {
                    rows.append("<TR><TD>").append(x).append("</TD><TD/><TD>NotFoundFault: ").append(x)
                            .append("</TD><TD>#this</TD></TR>");
                } else {
                    rows.append("<TR><TD>").append(x).append("</TD><TD>http://x.org/").append(Math.abs(id.hashCode()))
                            .append(".fits</TD><TD/><TD>#this</TD></TR>");
                }
            }
            String doc = "<?xml version=\"1.0\"?><VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
                    + "<RESOURCE type=\"results\"><TABLE><FIELD name=\"ID\" datatype=\"char\" arraysize=\"*\"/>"
                    + "<FIELD name=\"access_url\" datatype=\"char\" arraysize=\"*\"/>"
                    + "<FIELD name=\"error_message\" datatype=\"char\" arraysize=\"*\"/>"
                    + "<FIELD name=\"semantics\" datatype=\"char\" arraysize=\"*\"/><DATA><TABLEDATA>" + rows
                    + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
            byte[] body = doc.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/x-votable+xml;content=datalink");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            concurrent.decrementAndGet();
            ex.close();
        }
    }

    @Test
    void twoHundredIdsInFourRequestsInParallel() throws Exception {
        List<String> ids = IntStream.range(0, 200).mapToObj(i -> "ivo://example.org/~?data/file" + i + ".fits").toList();
        long t0 = System.nanoTime();
        LinksDocument doc = resolver.resolve(URI.create(base() + "/dl/links"), ids, ResolveOptions.defaults(), null);
        long batched = System.nanoTime() - t0;
        assertEquals(200, doc.links().size());
        assertEquals(4, requests.get(), "200 IDs in batches of 50");
        assertEquals(4, posts.get(), "50 long IDs do not fit a 2000-character URL");
        assertTrue(maxConcurrent.get() >= 2, "batches after the first run in parallel: " + maxConcurrent.get());

        requests.set(0);
        t0 = System.nanoTime();
        LinksDocument one = resolver.resolve(URI.create(base() + "/dl/links"), ids,
                ResolveOptions.defaults().withBatchSize(1).withParallel(1), null);
        long single = System.nanoTime() - t0;
        assertEquals(200, one.links().size());
        assertEquals(200, requests.get());
        System.out.printf("DataLink loopback: 200 IDs batched %d requests %.0f ms; one per ID %d requests %.0f ms%n",
                4, batched / 1e6, 200, single / 1e6);
    }

    @Test
    void idsLostInARedirectAreAskedFromTheRedirectTarget() throws Exception {
        List<String> ids = List.of("ivo://x/a", "ivo://x/b", "ivo://x/unknown", "ivo://x/c", "ivo://x/d");
        LinksDocument doc = resolver.resolve(URI.create(base() + "/obscore/dl"), ids,
                ResolveOptions.defaults().withBatchSize(3), null);
        assertEquals(ids, doc.links().stream().map(l -> l.id()).distinct().sorted().toList().stream()
                .sorted(java.util.Comparator.comparing(ids::indexOf)).toList());
        assertEquals(1, doc.errors().size());
        assertEquals("ivo://x/unknown", doc.errors().get(0).id());
    }
}
