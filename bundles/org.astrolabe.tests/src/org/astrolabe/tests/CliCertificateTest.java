package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.astrolabe.cli.internal.CommandLineRunner;
import org.astrolabe.core.auth.SessionRegistry;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * {@code astrolabe --cert file.pem query ...} end to end through the registered runner, against a
 * TLS server that requires a client certificate from a CA made at test time (BouncyCastle); the
 * server answers the query with the subject of the certificate it received.
 */
class CliCertificateTest {

    static HttpsServer server;
    static HttpsServer tls12;
    static HttpsServer optional;
    static String tap;
    static Path dir;
    static Path caPem;
    static Path alicePem;
    static Path expiredPem;
    static long serial = System.currentTimeMillis();

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    static X509Certificate issue(String dn, KeyPair keys, X509Certificate caCert, KeyPair caKeys, Instant from,
            Instant to, boolean ca, boolean serverCert) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                caCert == null ? new X500Name(dn) : new X500Name(caCert.getSubjectX500Principal().getName()),
                BigInteger.valueOf(serial++), Date.from(from), Date.from(to), new X500Name(dn), keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (serverCert) {
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build((caKeys == null ? keys : caKeys).getPrivate())));
    }

    static Path pem(String name, Object... objects) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        }
        return Files.writeString(dir.resolve(name), text.toString());
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("astrolabe-cli-cert");
        Instant now = Instant.now();
        KeyPair caKeys = rsa();
        X509Certificate ca = issue("CN=CLI Test CA", caKeys, null, null, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(10)), true, false);
        KeyPair serverKeys = rsa();
        X509Certificate serverCert = issue("CN=127.0.0.1", serverKeys, ca, caKeys, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(10)), false, true);
        KeyPair aliceKeys = rsa();
        caPem = pem("ca.pem", ca);
        alicePem = pem("cadcproxy.pem", issue("CN=alice,O=cli", aliceKeys, ca, caKeys, now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(10)), false, false), aliceKeys);
        expiredPem = pem("expired.pem", issue("CN=old,O=cli", aliceKeys, ca, caKeys, now.minus(Duration.ofDays(20)),
                now.minus(Duration.ofDays(10)), false, false), aliceKeys);

        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("s", serverKeys.getPrivate(), "pw".toCharArray(), new X509Certificate[] {serverCert, ca});
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "pw".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        server = server(tls, true, null);
        tap = "https://127.0.0.1:" + server.getAddress().getPort() + "/tap";
        tls12 = server(tls, true, "TLSv1.2");
        optional = server(tls, false, null);
    }

    /** A TAP-like server requiring ({@code need}) or accepting a client certificate from the test CA. */
    static HttpsServer server(SSLContext tls, boolean need, String protocol) throws java.io.IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                if (need) {
                    p.setNeedClientAuth(true);
                } else {
                    p.setWantClientAuth(true);
                }
                if (protocol != null) {
                    p.setProtocols(new String[] {protocol});
                }
                params.setSSLParameters(p);
            }
        });
        String base = "https://127.0.0.1:" + s.getAddress().getPort() + "/tap";
        s.createContext("/tap/capabilities", ex -> send(ex, """
                <vosi:capabilities xmlns:vosi="http://www.ivoa.net/xml/VOSICapabilities/v1.0"
                    xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <capability standardID="ivo://ivoa.net/std/TAP">
                    <interface xsi:type="vs:ParamHTTP" role="std" version="1.1">
                      <accessURL use="base">TAP</accessURL>
                      <securityMethod standardID="ivo://ivoa.net/sso#tls-with-certificate"/>
                    </interface>
                  </capability>
                </vosi:capabilities>""".replace("TAP", base)));
        s.createContext("/tap/sync", ex -> {
            ex.getRequestBody().readAllBytes();
            String subject;
            try {
                subject = ((HttpsExchange) ex).getSSLSession().getPeerPrincipal().getName();
            } catch (javax.net.ssl.SSLPeerUnverifiedException none) {
                // only the optional-certificate server gets here: it challenges
                ex.getResponseHeaders().add("WWW-Authenticate", "ivoa_x509");
                ex.sendResponseHeaders(401, -1);
                ex.close();
                return;
            }
            send(ex, votable(subject));
        });
        s.createContext("/open/sync", ex -> {
            ex.getRequestBody().readAllBytes();
            send(ex, votable("anonymous"));
        });
        s.start();
        return s;
    }

    static String votable(String subject) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results">
                <INFO name="QUERY_STATUS" value="OK"/>
                <TABLE><FIELD name="subject" datatype="char" arraysize="*"/>
                <DATA><TABLEDATA><TR><TD>SUBJECT</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
                """.replace("SUBJECT", subject);
    }

    static void send(com.sun.net.httpserver.HttpExchange ex, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/xml");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        tls12.stop(0);
        optional.stop(0);
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        out.reset();
        err.reset();
        return Services.get(CommandLineRunner.class).run(args, Map.of(), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void queryWithACertificateFile() throws Exception {
        assertEquals(0, run("--service", tap, "--cert", alicePem.toString(), "--ca-certs", caPem.toString(), "query",
                "SELECT subject FROM whoami"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("CN=alice"), out.toString(StandardCharsets.UTF_8));
        assertTrue(Services.get(SessionRegistry.class).sessionFor(java.net.URI.create(tap)).isEmpty(),
                "the command's session ended with it");
    }

    @Test
    void withoutTheCertificateTheServerRefusesTheConnection() throws Exception {
        // TLS 1.3 (the JDK's default) and TLS 1.2 servers that require a certificate: exit 3, one line.
        for (String base : new String[] {tap, "https://127.0.0.1:" + tls12.getAddress().getPort() + "/tap"}) {
            int code = run("--service", base, "--ca-certs", caPem.toString(), "query", "SELECT subject FROM whoami");
            String e = err.toString(StandardCharsets.UTF_8);
            assertEquals(3, code, e);
            assertTrue(e.startsWith("astrolabe: " + base.replace("/tap", "") + " requires a client certificate: "
                    + "log in with --cert FILE"), e);
            assertEquals(1, e.lines().count(), e);
        }
    }

    @Test
    void withoutTheTestCaTheServerIsStillANetworkFailure() throws Exception {
        int code = run("--service", tap, "query", "SELECT subject FROM whoami");
        assertEquals(5, code, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anIvoaX509ChallengeWithoutATerminalSaysToUseCert() throws Exception {
        String base = "https://127.0.0.1:" + optional.getAddress().getPort();
        int code = run("--service", base + "/tap", "--ca-certs", caPem.toString(), "query", "SELECT 1");
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(3, code, e);
        assertTrue(e.contains(base + " requires a client certificate and there is no terminal to ask for one: "
                + "use --cert FILE"), e);
        assertEquals(1, e.lines().count(), e);
        assertEquals(0, run("--service", base + "/tap", "--cert", alicePem.toString(), "--ca-certs",
                caPem.toString(), "query", "SELECT subject FROM whoami"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("CN=alice"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aServerWithOptionalCertificatesWorksAnonymously() throws Exception {
        String base = "https://127.0.0.1:" + optional.getAddress().getPort() + "/open";
        assertEquals(0, run("--service", base, "--ca-certs", caPem.toString(), "query", "SELECT subject FROM whoami"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("anonymous"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void expiredCertificateExit3WithItsDates() throws Exception {
        assertEquals(3, run("--service", tap, "--cert", expiredPem.toString(), "--ca-certs", caPem.toString(),
                "query", "SELECT 1"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("expired on") && e.contains("valid from"), e);
        assertEquals(1, e.lines().count(), e);
    }

    @Test
    void loginCommandSaysHow() throws Exception {
        assertEquals(0, run("--service", tap, "--cert", alicePem.toString(), "--ca-certs", caPem.toString(), "login"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("client certificate"), out.toString());
        assertEquals(3, run("--service", tap, "login"));
        assertFalse(err.toString(StandardCharsets.UTF_8).isBlank());
    }
}
