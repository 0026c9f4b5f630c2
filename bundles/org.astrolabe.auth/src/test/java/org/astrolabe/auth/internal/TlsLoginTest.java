package org.astrolabe.auth.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.astrolabe.auth.ArchiveSession;
import org.astrolabe.auth.ClientCertificate;
import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.auth.TestPki;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.auth.AuthSession;
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
 * Login against local TLS servers with a test CA made at test time: one that requires a client
 * certificate, one with a UMS login endpoint and capabilities shaped like CADC's tap_caps.xml
 * (cookie, certificate and, on a second interface, HTTP Basic), and a plain HTTP server reached
 * as {@code localhost} (another origin) to which the login server redirects.
 */
class TlsLoginTest {

    static final String TOKEN = "TOKEN-4f1c9e";
    static TestPki pki;
    static HttpsServer certServer;
    static HttpsServer loginServer;
    static HttpServer otherOrigin;
    static String certBase;
    static String loginBase;
    static String otherBase;
    static final Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
    static final AtomicInteger logins = new AtomicInteger();

    @TempDir
    Path dir;
    SessionRegistry sessions;
    HttpTransport transport;
    DefaultSessionManager manager;

    @BeforeAll
    static void servers() throws Exception {
        pki = new TestPki();
        certServer = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        certServer.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        certBase = "https://127.0.0.1:" + certServer.getAddress().getPort();
        certServer.createContext("/tap/capabilities", ex -> respond(ex, 200, "text/xml", capabilities(certBase)));
        certServer.createContext("/tap/sync", ex -> {
            String subject;
            try {
                subject = ((HttpsExchange) ex).getSSLSession().getPeerPrincipal().getName();
            } catch (SSLPeerUnverifiedException e) {
                subject = "none";
            }
            record("cert", ex);
            respond(ex, 200, "text/plain", subject + " port=" + ex.getRemoteAddress().getPort());
        });
        certServer.start();

        loginServer = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        loginServer.setHttpsConfigurator(new HttpsConfigurator(pki.serverContext()));
        loginBase = "https://127.0.0.1:" + loginServer.getAddress().getPort();
        otherOrigin = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherBase = "http://localhost:" + otherOrigin.getAddress().getPort();
        otherOrigin.createContext("/echo", ex -> {
            record("other", ex);
            respond(ex, 200, "text/plain", "other");
        });
        otherOrigin.start();
        loginServer.createContext("/tap/capabilities", ex -> respond(ex, 200, "text/xml", capabilities(loginBase)));
        loginServer.createContext("/login", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            logins.incrementAndGet();
            if (body.contains("username=alice") && URLDecoder.decode(body, StandardCharsets.UTF_8)
                    .contains("password=wonder land&") || body.endsWith("password=wonder+land")) {
                respond(ex, 200, "text/plain", TOKEN + "\n");
            } else {
                respond(ex, 401, "text/plain", "bad login");
            }
        });
        loginServer.createContext("/tap/sync", ex -> {
            record("login", ex);
            String cookie = String.valueOf(ex.getRequestHeaders().getFirst("Cookie"));
            String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
            if (cookie.equals("CADC_SSO=\"" + TOKEN + "\"") || auth.equals("Bearer " + TOKEN)
                    || auth.equals("Basic YWxpY2U6d29uZGVyIGxhbmQ=")) {
                respond(ex, 200, "text/plain", "secret rows");
            } else {
                ex.getResponseHeaders().add("WWW-Authenticate", "ivoa_cookie standard_id=\"ivo://ivoa.net/std/UMS#login-0.1\", "
                        + "access_url=\"" + loginBase + "/login\"");
                ex.getResponseHeaders().add("WWW-Authenticate", "ivoa_x509");
                respond(ex, 401, "text/plain", "who are you");
            }
        });
        loginServer.createContext("/tap/away", ex -> {
            record("login", ex);
            ex.getResponseHeaders().add("Location", otherBase + "/echo");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        loginServer.start();
    }

    @AfterAll
    static void stopServers() {
        certServer.stop(0);
        loginServer.stop(0);
        otherOrigin.stop(0);
    }

    @BeforeEach
    void fresh() {
        seen.clear();
        sessions = HttpTransports.newSessionRegistry();
        transport = HttpTransports.create(TransportSettings.defaults(), sessions, null);
        manager = new DefaultSessionManager(transport, sessions);
    }

    /** CADC's capabilities (corpus or trimmed fixture) moved to {@code base}, plus Basic and a login endpoint. */
    static String capabilities(String base) throws IOException {
        Path corpus = Path.of(System.getProperty("astrolabe.corpus", "/nonexistent"), "astroquery/cadc/tap_caps.xml");
        String doc;
        if (Files.exists(corpus)) {
            doc = Files.readString(corpus);
        } else {
            try (InputStream in = TlsLoginTest.class.getResourceAsStream("/tap_caps_fixture.xml")) {
                doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        doc = doc.replace("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus", base + "/tap");
        int tap = doc.indexOf("standardID=\"ivo://ivoa.net/std/TAP\"");
        int afterInterface = doc.indexOf("</interface>", tap) + "</interface>".length();
        doc = doc.substring(0, afterInterface) + """

                    <interface xsi:type="vs:ParamHTTP" role="std" version="1.1">
                      <accessURL use="base">BASE/tap</accessURL>
                      <securityMethod standardID="ivo://ivoa.net/sso#BasicAA"/>
                    </interface>""".replace("BASE", base) + doc.substring(afterInterface);
        int end = doc.lastIndexOf("</vosi:capabilities>");
        return doc.substring(0, end) + """
                  <capability standardID="ivo://ivoa.net/std/UMS#login-0.1">
                    <interface xsi:type="vs:ParamHTTP" role="std">
                      <accessURL use="full">BASE/login</accessURL>
                    </interface>
                  </capability>
                """.replace("BASE", base) + doc.substring(end);
    }

    static void record(String who, HttpExchange ex) {
        seen.put(who, Map.of("cookie", String.valueOf(ex.getRequestHeaders().getFirst("Cookie")),
                "auth", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")),
                "port", String.valueOf(ex.getRemoteAddress().getPort())));
    }

    static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    String get(HttpTransport t, String url) throws Exception {
        try (HttpResult r = HttpFailures.requireSuccess(t.send(HttpRequest.get(URI.create(url)),
                new NullProgressMonitor())); InputStream in = r.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    Credentials.Certificate alice() throws Exception {
        Path pem = pki.pem(dir, pki.client("alice", TestPki.ec(), 30), TestPki.KeyFormat.TRADITIONAL, false, null);
        return new Credentials.Certificate(ClientCertificate.read(pem, null));
    }

    LoginOptions trustingTestCa() throws Exception {
        return LoginOptions.defaults().withTrustStore(pki.trustStore());
    }

    @Test
    void certificateLoginReachesTheServerThatRequiresOne() throws Exception {
        AuthSession s = manager.login(URI.create(certBase + "/tap"), alice(), trustingTestCa(), new NullProgressMonitor());
        assertEquals(LoginOptions.CERTIFICATE, s.securityMethod());
        assertTrue(s.credentialHeaders().isEmpty(), "a certificate session sends no header");
        String first = get(transport, certBase + "/tap/sync");
        assertTrue(first.contains("CN=alice"), first);
        String second = get(transport, certBase + "/tap/sync");
        assertEquals(first, second, "the pooled connection that carries the certificate is reused");
    }

    @Test
    void withoutACertificateTheHandshakeFails() throws Exception {
        URI archive = URI.create(certBase + "/tap");
        sessions.register(new ArchiveSession(archive, Set.of(Origin.of(archive)), "", List.of(),
                Tls.context(Optional.empty(), Optional.of(pki.trustStore()))));
        // TLS 1.3 reports the server's refusal after the client's handshake (an alert or a broken pipe):
        // the server asked for a certificate and got none, so it is an authentication failure.
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> get(transport, certBase + "/tap/sync"));
        assertTrue(e.getMessage().startsWith(certBase + " requires a client certificate"), e.getMessage());
        assertEquals(null, seen.get("cert"), "the server answered a request without a certificate");
    }

    @Test
    void withoutTheTestCaTheServerIsNotTrusted() throws Exception {
        assertThrows(TransientException.class, () -> manager.login(URI.create(certBase + "/tap"), alice(),
                LoginOptions.defaults(), new NullProgressMonitor()));
    }

    @Test
    void logoutClosesTheConnectionsThatCarriedTheCertificate() throws Exception {
        URI service = URI.create(certBase + "/tap");
        manager.login(service, alice(), trustingTestCa(), new NullProgressMonitor());
        String before = get(transport, certBase + "/tap/sync");
        assertTrue(manager.logout(service));
        assertTrue(manager.session(service).isEmpty());
        assertThrows(TransientException.class, () -> get(transport, certBase + "/tap/sync"),
                "after logout nothing of the session is used, not even a pooled connection");
        manager.login(service, alice(), trustingTestCa(), new NullProgressMonitor());
        String after = get(transport, certBase + "/tap/sync");
        assertTrue(after.contains("CN=alice"), after);
        assertNotEquals(before, after, "a new connection (new client port) after logout and login: " + after);
        assertFalse(manager.logout(URI.create("https://elsewhere.example/tap")));
    }

    @Test
    void passwordLoginGivesTheQuotedCookieAndNothingLeaksOnARedirect() throws Exception {
        URI service = URI.create(loginBase + "/tap");
        AuthSession s = manager.login(service, new Credentials.Password("alice", "wonder land".toCharArray()),
                trustingTestCa(), new NullProgressMonitor());
        assertEquals(LoginOptions.COOKIE, s.securityMethod(), "tap_caps advertises cookie, not token");
        assertFalse(s.toString().contains(TOKEN), s.toString());
        assertEquals("secret rows", get(transport, loginBase + "/tap/sync"));
        assertEquals("CADC_SSO=\"" + TOKEN + "\"", seen.get("login").get("cookie"));
        assertEquals("other", get(transport, loginBase + "/tap/away"));
        assertEquals("CADC_SSO=\"" + TOKEN + "\"", seen.get("login").get("cookie"), "the first hop carries the cookie");
        assertEquals("null", seen.get("other").get("cookie"), "the other origin received the cookie");
        assertEquals("null", seen.get("other").get("auth"));
        assertTrue(manager.logout(service));
        sessions.register(new ArchiveSession(service, Set.of(Origin.of(service)), "", List.of(),
                Tls.context(Optional.empty(), Optional.of(pki.trustStore()))));
        assertThrows(AuthenticationException.class, () -> get(transport, loginBase + "/tap/sync"));
        assertEquals("null", seen.get("login").get("cookie"), "logout removed the cookie");
    }

    @Test
    void wrongPasswordIsRefusedWithoutShowingIt() throws Exception {
        CredentialException e = assertThrows(CredentialException.class, () -> manager.login(
                URI.create(loginBase + "/tap"), new Credentials.Password("alice", "hunter2".toCharArray()),
                trustingTestCa(), new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("Login refused") && e.getMessage().contains("alice"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void basicWhenTheUserPrefersIt() throws Exception {
        URI service = URI.create(loginBase + "/tap");
        AuthSession s = manager.login(service, new Credentials.Password("alice", "wonder land".toCharArray()),
                trustingTestCa().withPreference(List.of(LoginOptions.BASIC, LoginOptions.COOKIE)),
                new NullProgressMonitor());
        assertEquals(LoginOptions.BASIC, s.securityMethod());
        int before = logins.get();
        assertEquals("secret rows", get(transport, loginBase + "/tap/sync"));
        assertEquals("Basic YWxpY2U6d29uZGVyIGxhbmQ=", seen.get("login").get("auth"));
        assertEquals(before, logins.get(), "no login request for Basic");
        assertFalse(s.toString().contains("YWxp"), s.toString());
    }

    @Test
    void challengeIsAnsweredThroughThePromptWithALogin() throws Exception {
        PromptingChallengeResponder responder = new PromptingChallengeResponder(sessions);
        HttpTransport answering = HttpTransports.create(TransportSettings.defaults(), sessions, responder);
        URI archive = URI.create(loginBase + "/tap");
        sessions.register(new ArchiveSession(archive, Set.of(Origin.of(archive)), "", List.of(),
                Tls.context(Optional.empty(), Optional.of(pki.trustStore()))));
        AuthenticationException required = assertThrows(AuthenticationException.class,
                () -> get(answering, loginBase + "/tap/sync"), "no prompt registered: a clear failure");
        assertFalse(required.isDenied());
        assertTrue(required.getMessage().startsWith("Authentication required"), required.getMessage());
        AtomicInteger asked = new AtomicInteger();
        responder.addUnrankedPrompt((uri, realm) -> {
            asked.incrementAndGet();
            return Optional.of(new Credentials.Password("alice", "wonder land".toCharArray()));
        });
        assertEquals("secret rows", get(answering, loginBase + "/tap/sync"));
        assertEquals(1, asked.get());
        assertEquals("CADC_SSO=\"" + TOKEN + "\"", seen.get("login").get("cookie"));
        assertEquals("secret rows", get(answering, loginBase + "/tap/sync"));
        assertEquals(1, asked.get(), "the session is kept, the user is asked once");
        assertNull(seen.get("other"));
    }
}
