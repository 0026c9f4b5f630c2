package org.astrolabe.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.astrolabe.auth.ArchiveSession;
import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.CredentialPrompt;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.auth.TestPki;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.auth.SessionRegistry;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.HttpTransports;
import org.astrolabe.core.http.TransportSettings;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * The two ways a server asks for a client certificate, against local servers with a test CA made
 * at test time: an HTTP 401 {@code WWW-Authenticate: ivoa_x509} (answered through the
 * {@link CredentialPrompt}, retried once with the certificate), and a TLS server that requires one
 * and closes the connection without it (TLS 1.3 and 1.2): an authentication failure, not a
 * network one.
 */
class CertificateChallengeTest {

    static TestPki pki;
    /** wantClientAuth: anonymous TLS works, /tap/sync answers 401 ivoa_x509 without a certificate. */
    static HttpsServer optional;
    static HttpsServer required13;
    static HttpsServer required12;
    static HttpServer plain;
    static String optionalBase;

    @TempDir
    Path dir;
    SessionRegistry sessions;
    PromptingChallengeResponder responder;
    HttpTransport transport;

    static HttpsServer tls(boolean need, String protocol) throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()) {
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
        server.createContext("/tap/sync", ex -> {
            String subject;
            try {
                subject = ((HttpsExchange) ex).getSSLSession().getPeerPrincipal().getName();
            } catch (SSLPeerUnverifiedException e) {
                subject = null;
            }
            if (subject == null) {
                ex.getResponseHeaders().add("WWW-Authenticate", "ivoa_cookie standard_id=\"ivo://ivoa.net/std/UMS#login-0.1\", "
                        + "access_url=\"https://127.0.0.1:1/login\"");
                ex.getResponseHeaders().add("WWW-Authenticate", "ivoa_x509");
                respond(ex, 401, "who are you");
            } else {
                respond(ex, 200, subject);
            }
        });
        server.start();
        return server;
    }

    @BeforeAll
    static void servers() throws Exception {
        pki = new TestPki();
        optional = tls(false, null);
        optionalBase = "https://127.0.0.1:" + optional.getAddress().getPort();
        required13 = tls(true, "TLSv1.3");
        required12 = tls(true, "TLSv1.2");
        plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/tap/sync", ex -> {
            ex.getResponseHeaders().add("WWW-Authenticate", "ivoa_x509 standard_id=\"ivo://ivoa.net/sso#BasicAA\", "
                    + "access_url=\"https://127.0.0.1/cred/proxyCert\"");
            respond(ex, 401, "who are you");
        });
        plain.start();
    }

    @AfterAll
    static void stop() {
        optional.stop(0);
        required13.stop(0);
        required12.stop(0);
        plain.stop(0);
    }

    static void respond(HttpExchange ex, int status, String body) throws java.io.IOException {
        ex.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/plain");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @BeforeEach
    void fresh() throws Exception {
        sessions = HttpTransports.newSessionRegistry();
        responder = new PromptingChallengeResponder(sessions);
        transport = HttpTransports.create(TransportSettings.defaults(), sessions, responder);
    }

    /** The test CA trusted for {@code base} (what --ca-certs does), no credentials. */
    void trustTestCa(String base) throws Exception {
        URI archive = URI.create(base + "/tap");
        sessions.register(new ArchiveSession(archive, Set.of(Origin.of(archive)), "", List.of(),
                Tls.context(Optional.empty(), Optional.of(pki.trustStore()))));
    }

    String get(String url) throws Exception {
        try (HttpResult r = HttpFailures.requireSuccess(transport.send(HttpRequest.get(URI.create(url)),
                new NullProgressMonitor())); InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A prompt that answers with a certificate file (and passphrase), and records what it was asked. */
    static final class FilePrompt implements CredentialPrompt {
        final Path file;
        final char[] passphrase;
        final List<String> order;
        final List<String> asked = new ArrayList<>();

        FilePrompt(Path file, char[] passphrase, List<String> order) {
            this.file = file;
            this.passphrase = passphrase;
            this.order = order;
        }

        @Override
        public Optional<Credentials.Password> askPassword(URI service, String realm) {
            asked.add("password");
            return Optional.empty();
        }

        @Override
        public List<String> preference() {
            return order;
        }

        @Override
        public Optional<CertificateFile> askCertificate(URI service, String hint) {
            asked.add("certificate " + service);
            return file == null ? Optional.empty() : Optional.of(new CertificateFile(file, passphrase));
        }
    }

    Path alicePem() throws Exception {
        return pki.pem(dir, pki.client("alice", TestPki.ec(), 30), TestPki.KeyFormat.PKCS8, true, null);
    }

    @Test
    void ivoaX509ChallengeIsAnsweredWithTheCertificateThePromptNames() throws Exception {
        trustTestCa(optionalBase);
        FilePrompt prompt = new FilePrompt(alicePem(), null, LoginOptions.DEFAULT_PREFERENCE);
        responder.addUnrankedPrompt(prompt);
        String subject = get(optionalBase + "/tap/sync");
        assertTrue(subject.contains("CN=alice"), subject);
        assertEquals(List.of("certificate " + optionalBase + "/tap/sync"), prompt.asked, "certificate first by default");
        assertEquals(LoginOptions.CERTIFICATE, sessions.sessionFor(URI.create(optionalBase)).orElseThrow()
                .securityMethod());
        assertTrue(get(optionalBase + "/tap/sync").contains("CN=alice"));
        assertEquals(1, prompt.asked.size(), "the session is kept: asked once");
    }

    @Test
    void encryptedKeyAsksForThePassphraseAndAWrongOneIsSaid() throws Exception {
        trustTestCa(optionalBase);
        char[] secret = "open sesame".toCharArray();
        Path pem = pki.pem(dir, pki.client("bob", TestPki.rsa(), 30), TestPki.KeyFormat.PKCS8_ENCRYPTED, false, secret);
        FilePrompt wrong = new FilePrompt(pem, "close sesame".toCharArray(), LoginOptions.DEFAULT_PREFERENCE);
        responder.addUnrankedPrompt(wrong);
        CredentialException e = assertThrows(CredentialException.class, () -> get(optionalBase + "/tap/sync"));
        assertTrue(e.getMessage().contains("Wrong passphrase"), e.getMessage());
        assertFalse(e.getMessage().contains("sesame"), e.getMessage());
        responder.removePrompt(wrong);
        FilePrompt right = new FilePrompt(pem, secret, LoginOptions.DEFAULT_PREFERENCE);
        responder.addUnrankedPrompt(right);
        assertTrue(get(optionalBase + "/tap/sync").contains("CN=bob"));
        assertEquals(List.of("certificate " + optionalBase + "/tap/sync"), right.asked);
        responder.removePrompt(right);
        sessions.sessions().forEach(sessions::remove);
        trustTestCa(optionalBase);
        responder.addUnrankedPrompt(new FilePrompt(pem, null, LoginOptions.DEFAULT_PREFERENCE));
        CredentialException none = assertThrows(CredentialException.class, () -> get(optionalBase + "/tap/sync"));
        assertTrue(none.getMessage().contains("needs a passphrase"), none.getMessage());
    }

    @Test
    void expiredCertificateIsRefusedWithItsDates() throws Exception {
        trustTestCa(optionalBase);
        Instant now = Instant.now();
        Path old = pki.pem(dir, pki.client("old", TestPki.ec(), now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(10))), TestPki.KeyFormat.TRADITIONAL, false, null);
        responder.addUnrankedPrompt(new FilePrompt(old, null, LoginOptions.DEFAULT_PREFERENCE));
        CredentialException e = assertThrows(CredentialException.class, () -> get(optionalBase + "/tap/sync"));
        assertTrue(e.getMessage().contains("expired on") && e.getMessage().contains("valid from"), e.getMessage());
    }

    @Test
    void aPromptThatDeclinesGivesAnAuthenticationFailure() throws Exception {
        trustTestCa(optionalBase);
        FilePrompt declining = new FilePrompt(null, null, LoginOptions.DEFAULT_PREFERENCE);
        responder.addUnrankedPrompt(declining);
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(optionalBase + "/tap/sync"));
        assertFalse(e.isDenied());
        assertTrue(e.getMessage().contains("requires a client certificate"), e.getMessage());
        assertEquals(1, declining.asked.size());
    }

    @Test
    void theUsersOrderDecidesBetweenOfferedSchemes() throws Exception {
        trustTestCa(optionalBase);
        FilePrompt cookieFirst = new FilePrompt(alicePem(), null, List.of(LoginOptions.COOKIE,
                LoginOptions.CERTIFICATE));
        responder.addUnrankedPrompt(cookieFirst);
        // The cookie login is preferred and offered: the password is asked (and declined), no certificate.
        assertThrows(AuthenticationException.class, () -> get(optionalBase + "/tap/sync"));
        assertEquals(List.of("password"), cookieFirst.asked);
    }

    @Test
    void aPromptWithoutCertificatesIsNotAskedForOne() throws Exception {
        trustTestCa(optionalBase);
        List<String> asked = new ArrayList<>();
        responder.addUnrankedPrompt((service, realm) -> {
            asked.add(realm);
            return Optional.empty();
        });
        assertThrows(AuthenticationException.class, () -> get(optionalBase + "/tap/sync"));
        assertEquals(List.of("login"), asked, "password prompts get the cookie login the challenge also offers");
    }

    @Test
    void ivoaX509OverPlainHttpSaysACertificateNeedsHttps() throws Exception {
        responder.addUnrankedPrompt(new FilePrompt(alicePem(), null, LoginOptions.DEFAULT_PREFERENCE));
        String url = "http://127.0.0.1:" + plain.getAddress().getPort() + "/tap/sync";
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(url));
        assertTrue(e.getMessage().contains("only be sent over https")
                && e.getMessage().contains("https://127.0.0.1/cred/proxyCert"), e.getMessage());
    }

    void requiredWithoutCertificate(HttpsServer server) throws Exception {
        String base = "https://127.0.0.1:" + server.getAddress().getPort();
        trustTestCa(base);
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(base + "/tap/sync"));
        assertFalse(e.isDenied());
        assertEquals(base.replace("https://127.0.0.1:", "https://127.0.0.1:") + " requires a client certificate: "
                + "log in with --cert FILE", e.getMessage().replaceAll(" \\(TLS alert [a-z_]+\\)", "")
                .replaceAll("\\.$", ""));
        assertInstanceOf(java.io.IOException.class, e.getCause());
    }

    @Test
    void tls13ServerThatRequiresACertificateIsAnAuthenticationFailure() throws Exception {
        for (int i = 0; i < 3; i++) { // the server's close races the client's first write
            requiredWithoutCertificate(required13);
        }
    }

    @Test
    void tls12ServerThatRequiresACertificateIsAnAuthenticationFailure() throws Exception {
        for (int i = 0; i < 3; i++) {
            requiredWithoutCertificate(required12);
        }
    }

    @Test
    void aCertificateTheServerDoesNotTrustIsRefusedNotRequired() throws Exception {
        TestPki other = new TestPki();
        Path stranger = other.pem(dir, other.client("mallory", TestPki.ec(), 30), TestPki.KeyFormat.PKCS8, false,
                null);
        String base = "https://127.0.0.1:" + required13.getAddress().getPort();
        URI archive = URI.create(base + "/tap");
        sessions.register(new ArchiveSession(archive, Set.of(Origin.of(archive)), LoginOptions.CERTIFICATE,
                List.of(), Tls.context(Optional.of(org.astrolabe.auth.ClientCertificate.read(stranger, null)),
                        Optional.of(pki.trustStore()))));
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(base + "/tap/sync"));
        assertTrue(e.isDenied(), e.getMessage());
        assertTrue(e.getMessage().contains("refused the client certificate"), e.getMessage());
    }

    @Test
    void optionalClientAuthStillWorksAnonymously() throws Exception {
        trustTestCa(optionalBase);
        // No prompt: the 401 reaches the caller as "authentication required", the TLS connection itself is fine.
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> get(optionalBase + "/tap/sync"));
        assertTrue(e.getMessage().startsWith("Authentication required"), e.getMessage());
        HttpsServer open = tls(false, "TLSv1.2");
        try {
            String base = "https://127.0.0.1:" + open.getAddress().getPort();
            trustTestCa(base);
            open.createContext("/open", ex -> respond(ex, 200, "anyone"));
            assertEquals("anyone", get(base + "/open"));
        } finally {
            open.stop(0);
        }
    }
}
