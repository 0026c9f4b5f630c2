package org.astrolabe.tests.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import org.astrolabe.auth.ClientCertificate;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.auth.SessionManager;
import org.astrolabe.core.auth.AuthSession;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.auth.SessionRegistry;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.datalink.download.DownloadOptions;
import org.astrolabe.datalink.download.DownloadOutcome;
import org.astrolabe.datalink.internal.download.HttpDownloadManager;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.internal.HttpTapClientFactory;
import org.astrolabe.tests.Services;
import org.astrolabe.tests.faults.FaultProxy.Fault;
import org.astrolabe.tests.faults.FaultProxy.Kind;
import org.astrolabe.tests.faults.FaultProxy.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The faults of {@link FaultProxy} on the HTTPS path of a client-certificate session: the proxy
 * is an HTTPS server with a certificate from a CA made at test time that requires a client
 * certificate from that CA, and forwards to the local DaCHS server. The session is a real login
 * of the registered {@link SessionManager} with a {@link ClientCertificate}; the services under
 * test use the registered transport (with short time-outs). Each case ends in a verified result
 * or a typed one-line failure, within its time budget, with no file left unless complete. The
 * other host of a redirect is a second HTTPS server that asks for a client certificate (naming the
 * same CA) and is trusted through a session carrying trust only: it must never see the
 * certificate, nor an {@code Authorization} or {@code Cookie}. {@link Kind#SILENT} stalls the TLS
 * handshake itself. Outcomes go to {@code target/fault-matrix-tls.tsv}.
 */
class TlsFaultInjectionTest {

    static final URI DACHS = FaultInjectionTest.DACHS;
    static final Duration TIMEOUT = FaultInjectionTest.TIMEOUT;
    static final String CLIENT_DN = "CN=alice,O=Astrolabe fault tests";
    /** The subject of the client certificate as a TLS server reads it. */
    static String client;

    static TestCa ca;
    static FaultProxy proxy;
    static FaultProxy other;
    static AuthSession trustOnly;
    static URI tapUrl;
    static TapClient tap;
    static HttpDownloadManager downloads;
    static byte[] imgA;
    static final List<String> matrix = new ArrayList<>();
    static final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tls-fault-case");
        t.setDaemon(true);
        return t;
    });

    /** A session that only makes the other host's certificate trusted: no key, no header. */
    record TrustOnly(URI archive, Set<Origin> origins, SSLContext tls) implements AuthSession {
        @Override
        public String securityMethod() {
            return "";
        }

        @Override
        public List<HttpRequest.Parameter> credentialHeaders() {
            return List.of();
        }

        @Override
        public Optional<SSLContext> sslContext() {
            return Optional.of(tls);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        FaultInjectionTest.requireServer();
        ca = new TestCa("Fault Test CA");
        proxy = FaultProxy.tls(DACHS, InetAddress.getLoopbackAddress(), "127.0.0.1", ca.serverContext(), true);
        other = FaultProxy.tls(DACHS, null, "localhost", ca.serverContext(), false);
        proxy.redirectTarget(other.origin());
        tapUrl = URI.create(proxy.origin() + "/tap");

        var aliceKeys = TestCa.rsa();
        ClientCertificate alice = new ClientCertificate(null, aliceKeys.getPrivate(),
                List.of(ca.issue(CLIENT_DN, aliceKeys, false, false), ca.certificate));
        client = alice.subject();
        AuthSession session = Services.get(SessionManager.class).login(tapUrl, new Credentials.Certificate(alice),
                LoginOptions.defaults().withTrustStore(ca.trustStore()), null);
        assertEquals(LoginOptions.CERTIFICATE, session.securityMethod());
        assertTrue(session.covers(tapUrl));
        assertFalse(session.covers(other.origin()), "the other host is not the archive's");
        trustOnly = new TrustOnly(other.origin(), Set.of(Origin.of(other.origin())), ca.trustOnlyContext());
        Services.get(SessionRegistry.class).register(trustOnly);

        // Headers as a cookie or token session would add them, to the archive's origin only.
        HttpTransport transport = new CredentialTransport(Services.get(HttpTransport.class)
                .withSettings(new TransportSettings(TIMEOUT, TIMEOUT, null, 4)), proxy.origin());
        tap = new HttpTapClientFactory(transport).create(tapUrl);
        downloads = new HttpDownloadManager(transport);
        imgA = FaultInjectionTest.product();

        // Without faults: the archive sees the certificate, the other host (asked directly) does not.
        FaultInjectionTest.checkRows(tap.query(TapQuery.of(FaultInjectionTest.Q50), null));
        assertEquals(client, proxy.received().get(0).clientCertificate());
        tap(other).availability(null);
        assertNull(other.received().get(0).clientCertificate());
    }

    private static TapClient tap(FaultProxy host) throws InterruptedException {
        return new HttpTapClientFactory(Services.get(HttpTransport.class)).create(URI.create(host.origin() + "/tap"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy == null) {
            return;
        }
        Services.get(SessionManager.class).logout(tapUrl);
        Services.get(SessionRegistry.class).remove(trustOnly);
        proxy.close();
        other.close();
        runner.shutdownNow();
        Path out = Path.of(System.getProperty("user.dir"), "target", "fault-matrix-tls.tsv");
        Files.write(out, matrix, StandardCharsets.UTF_8);
        long ok = matrix.stream().filter(l -> l.split("\t")[4].equals("succeeded")).count();
        System.out.printf("TLS fault matrix: %d cases, %d succeeded, %d typed failures (%s)%n", matrix.size(), ok,
                matrix.size() - ok, out);
    }

    record Op(String name, Predicate<Request> target, Duration budget, FaultInjectionTest.Work work) {
    }

    static List<Op> operations() {
        Duration t = TIMEOUT;
        return List.of(
                new Op("tls sync query", r -> r.path().endsWith("/sync"), t.multipliedBy(3), dir -> {
                    ResultTable table = tap.query(TapQuery.of(FaultInjectionTest.Q50).withResponseFormat("votable/td"),
                            null);
                    FaultInjectionTest.checkRows(table);
                }),
                new Op("tls sync save", r -> r.path().endsWith("/sync"), t.multipliedBy(3), dir -> {
                    Path file = dir.resolve("result.vot");
                    tap.save(TapQuery.of(FaultInjectionTest.Q50), file, null);
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    assertTrue(text.strip().endsWith("</VOTABLE>"), "complete VOTable saved");
                }),
                new Op("tls download", r -> r.path().startsWith("/getproduct"), Duration.ofSeconds(30), dir -> {
                    DownloadOutcome o = downloads.download(
                            List.of(URI.create(proxy.origin() + "/getproduct/astrolabe/data/img_a.fits")),
                            DownloadOptions.into(dir).withRetries(3, Duration.ofMillis(200), Duration.ofSeconds(2)),
                            null).get(0);
                    if (!o.status().isSuccess()) {
                        assertNotNull(o.failure(), o::describe);
                        throw o.failure();
                    }
                    assertArrayEquals(imgA, Files.readAllBytes(o.file()), "downloaded bytes are the product's");
                }));
    }

    @TestFactory
    List<DynamicTest> everyFaultOnTheCertificatePath() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Op op : operations()) {
            for (Kind kind : Kind.values()) {
                if (kind == Kind.PASS || (kind == Kind.CUT_VOTABLE && op.name().endsWith("download"))) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(op.name() + ": " + kind + " always",
                        () -> runCase(op, Fault.always(kind, op.target()), "always")));
                if (kind.isTransient()) {
                    tests.add(DynamicTest.dynamicTest(op.name() + ": " + kind + " once",
                            () -> runCase(op, Fault.once(kind, op.target()), "once")));
                }
            }
        }
        return tests;
    }

    private void runCase(Op op, Fault fault, String mode) throws Exception {
        Path dir = Files.createTempDirectory("astrolabe-tls-fault");
        proxy.inject(fault);
        other.inject(Fault.always(Kind.PASS, r -> false));
        FaultInjectionTest.Outcome result = FaultInjectionTest.run(runner, proxy, op.name(), op.budget(), op.work(),
                dir, fault, mode, List.of("fault-test-secret"));
        String outcome = result.outcome();
        String message = result.message();
        Duration elapsed = result.elapsed();
        try {
            assertTrue(elapsed.compareTo(op.budget()) <= 0, () -> op.name() + " on " + fault.kind() + " took "
                    + elapsed.toMillis() + " ms, budget " + op.budget().toMillis() + " ms");
            for (Request r : proxy.received()) {
                assertEquals(client, r.clientCertificate(), () -> "the archive's host got the certificate: " + r);
                assertEquals(CredentialTransport.AUTHORIZATION, r.header("authorization"), "and the headers");
            }
            for (Request r : other.received()) {
                assertNull(r.clientCertificate(), () -> "client certificate presented to the other host: " + r.target());
                assertNull(r.header("authorization"), () -> "Authorization sent to the other host: " + r.target());
                assertNull(r.header("cookie"), () -> "Cookie sent to the other host: " + r.target());
            }
            if (fault.kind() == Kind.REDIRECT_OTHER_HOST) {
                assertFalse(other.received().isEmpty(), "the redirect was followed to the other host");
            }
            FaultInjectionTest.checkDirectory(op.name(), dir, outcome.equals("succeeded"));
        } finally {
            FaultInjectionTest.deleteTree(dir);
        }
        String line = String.join("\t", op.name(), fault.kind().toString(), mode,
                fault.kind() == Kind.REFUSE ? "refused" : String.valueOf(proxy.injected()), outcome,
                String.valueOf(elapsed.toMillis()), String.valueOf(other.received().size()), message);
        matrix.add(line);
        System.out.println("FAULT " + line);
    }
}
