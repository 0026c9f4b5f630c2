package org.astrolabe.tests.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.VOTableReader;
import org.astrolabe.core.vosi.AvailabilityReader;
import org.astrolabe.core.vosi.CapabilitiesReader;
import org.astrolabe.core.vosi.TablesReader;
import org.astrolabe.datalink.internal.links.LinksDocumentReader;
import org.astrolabe.tap.internal.uws.UwsDocumentReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile XML against every XML reader, inside the OSGi runtime the readers really run in (the
 * JAXP implementation found there is the one that matters): external entities to a local file and
 * to a URL, an external DTD, parameter entities, billion laughs, a quadratic blow-up, XInclude.
 * Each must be refused with an {@link InvalidInputException} carrying a one-line message, within
 * 2 s, without the file's content appearing anywhere and without any connection to the URL. A
 * harmless variant of each document is read first, so that the refusal is not merely a bad template.
 */
class HostileDocumentsTest {

    static final String SECRET = "ASTROLABE-SECRET-7f3a9c";
    static final Duration BOUND = Duration.ofSeconds(2);
    static Path secretFile;
    static ServerSocket trap;
    static final AtomicInteger trapHits = new AtomicInteger();
    static final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-doc");
        t.setDaemon(true);
        return t;
    });

    /** Reads a document, returns something whose text must not contain the secret. */
    interface Reader {
        Object read(InputStream in) throws AstrolabeException;
    }

    record Format(String name, String root, String template, Reader reader) {
    }

    static final URI SOURCE = URI.create("http://hostile.example/doc");

    static List<Format> formats() {
        String vot = "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\">"
                + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/><TABLE><FIELD name=\"s\" datatype=\"char\" arraysize=\"*\"/>"
                + "<DATA><TABLEDATA><TR><TD>%s</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        String datalink = "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE type=\"results\">"
                + "<TABLE><FIELD name=\"ID\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"access_url\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"service_def\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"error_message\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"semantics\" datatype=\"char\" arraysize=\"*\"/>"
                + "<FIELD name=\"description\" datatype=\"char\" arraysize=\"*\"/>"
                + "<DATA><TABLEDATA><TR><TD>ivo://x/y</TD><TD>http://x/y.fits</TD><TD/><TD/><TD>#this</TD><TD>%s</TD></TR>"
                + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        String job = "<uws:job xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\"><uws:jobId>j1</uws:jobId>"
                + "<uws:phase>COMPLETED</uws:phase><uws:parameters><uws:parameter id=\"query\">%s</uws:parameter>"
                + "</uws:parameters></uws:job>";
        String jobs = "<uws:jobs xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                + "<uws:jobref id=\"j1\" xlink:href=\"http://x/async/j1\"><uws:phase>COMPLETED</uws:phase>"
                + "<uws:runId>%s</uws:runId></uws:jobref></uws:jobs>";
        String capabilities = "<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\">"
                + "<capability standardID=\"ivo://ivoa.net/std/VOSI#capabilities\"><description>%s</description>"
                + "<interface xsi:type=\"vs:ParamHTTP\"><accessURL use=\"full\">http://x/capabilities</accessURL>"
                + "</interface></capability></vosi:capabilities>";
        String tables = "<vosi:tableset xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\"><schema><name>s</name>"
                + "<table><name>s.t</name><description>%s</description><column><name>c</name></column></table>"
                + "</schema></vosi:tableset>";
        String availability = "<vosi:availability xmlns:vosi=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\">"
                + "<vosi:available>true</vosi:available><vosi:note>%s</vosi:note></vosi:availability>";
        return List.of(
                new Format("VOTable (STIL)", "VOTABLE", vot, in -> describe(new VOTableReader().read(in, SOURCE, null))),
                new Format("DataLink", "VOTABLE", datalink, in -> new LinksDocumentReader().read(in, SOURCE, null)),
                new Format("UWS job", "uws:job", job, in -> new UwsDocumentReader().readJob(in, SOURCE)),
                new Format("UWS job list", "uws:jobs", jobs, in -> new UwsDocumentReader().readJobList(in, SOURCE)),
                new Format("VOSI capabilities", "vosi:capabilities", capabilities,
                        in -> new CapabilitiesReader().read(in, SOURCE)),
                new Format("VOSI tables", "vosi:tableset", tables, in -> new TablesReader().read(in, SOURCE)),
                new Format("VOSI availability", "vosi:availability", availability,
                        in -> new AvailabilityReader().read(in, SOURCE)));
    }

    /** The cells of a result table as text (the reader returns a table, not its content). */
    static String describe(ResultTable table) throws AstrolabeException {
        StringBuilder b = new StringBuilder();
        try {
            for (long r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < table.columns().size(); c++) {
                    b.append(table.cell(r, c)).append('|');
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return b.toString();
    }

    @BeforeAll
    static void setUp() throws IOException {
        secretFile = Files.createTempFile("astrolabe-secret", ".txt");
        Files.writeString(secretFile, SECRET);
        trap = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!trap.isClosed()) {
                try (Socket s = trap.accept()) {
                    trapHits.incrementAndGet();
                    s.getOutputStream().write(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n" + SECRET)
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    return;
                }
            }
        }, "xxe-trap");
        t.setDaemon(true);
        t.start();
    }

    @AfterAll
    static void tearDown() throws IOException {
        trap.close();
        Files.deleteIfExists(secretFile);
        runner.shutdownNow();
    }

    /** @return attack name → (DOCTYPE, text put where the template has %s), for a document with root {@code root} */
    static Map<String, String[]> attacks(String root) {
        String url = "http://127.0.0.1:" + trap.getLocalPort();
        Map<String, String[]> a = new LinkedHashMap<>();
        a.put("XXE to a local file", new String[] {
            "<!DOCTYPE " + root + " [<!ENTITY x SYSTEM \"" + secretFile.toUri() + "\">]>", "&x;"});
        a.put("XXE to a URL", new String[] {"<!DOCTYPE " + root + " [<!ENTITY x SYSTEM \"" + url + "/xxe\">]>", "&x;"});
        a.put("external DTD", new String[] {"<!DOCTYPE " + root + " SYSTEM \"" + url + "/dtd\">", "fine"});
        a.put("parameter entity", new String[] {
            "<!DOCTYPE " + root + " [<!ENTITY % p SYSTEM \"" + url + "/pe\"> %p;]>", "fine"});
        StringBuilder lol = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                lol.append("&lol").append(i - 1).append(';');
            }
            lol.append("\">");
        }
        a.put("billion laughs", new String[] {lol + "]>", "&lol9;"});
        a.put("quadratic blow-up", new String[] {"<!DOCTYPE " + root + " [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>",
            "&a;".repeat(50_000)});
        return a;
    }

    @TestFactory
    List<DynamicTest> everyReaderRefusesEveryAttack() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Format f : formats()) {
            tests.add(DynamicTest.dynamicTest(f.name() + ": harmless document is read", () -> {
                Object read = run(f, document(f, "", "harmless text"));
                assertNotNull(read);
            }));
            for (var attack : attacks(f.root()).entrySet()) {
                tests.add(DynamicTest.dynamicTest(f.name() + ": " + attack.getKey(), () -> refused(f,
                        document(f, attack.getValue()[0], attack.getValue()[1]))));
            }
            tests.add(DynamicTest.dynamicTest(f.name() + ": XInclude is not processed", () -> {
                String include = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"" + secretFile.toUri()
                        + "\" parse=\"text\"/>";
                int before = trapHits.get();
                try {
                    Object read = run(f, document(f, "", include));
                    assertFalse(String.valueOf(read).contains(SECRET), "XInclude was processed");
                } catch (ExecutionException e) {
                    assertTrue(e.getCause() instanceof InvalidInputException, () -> "untyped: " + e.getCause());
                    assertFalse(e.getCause().getMessage().contains(SECRET));
                }
                assertEquals(before, trapHits.get());
            }));
        }
        return tests;
    }

    private static byte[] document(Format f, String doctype, String inner) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + doctype + f.template().replace("%s", inner))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Object run(Format f, byte[] doc) throws Exception {
        Future<Object> result = runner.submit(() -> f.reader().read(new ByteArrayInputStream(doc)));
        try {
            return result.get(BOUND.toMillis() * 5, TimeUnit.MILLISECONDS);
        } finally {
            result.cancel(true);
        }
    }

    private static void refused(Format f, byte[] doc) throws Exception {
        int hitsBefore = trapHits.get();
        long t0 = System.nanoTime();
        try {
            Object read = run(f, doc);
            throw new AssertionError(f.name() + " accepted a hostile document: " + read);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            assertTrue(cause instanceof InvalidInputException, () -> f.name() + ": untyped refusal " + cause);
            String m = cause.getMessage();
            assertFalse(m == null || m.isBlank() || m.contains("\n"), () -> "one-line message: " + m);
            assertFalse(m.contains(SECRET), "the file's content is not in the message");
            assertTrue(m.contains("DOCTYPE"), () -> "the message says why: " + m);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(BOUND) < 0, () -> f.name() + " took " + took.toMillis() + " ms");
        Thread.sleep(50);
        assertEquals(hitsBefore, trapHits.get(), "no connection to the URL");
    }
}
