package org.astrolabe.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.auth.AuthChallenge;
import org.astrolabe.core.auth.AuthSession;
import org.astrolabe.core.auth.ChallengeResponder;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.auth.SessionRegistry;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.HttpTransports;
import org.astrolabe.core.http.TransportSettings;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Session credentials per hop against two real loopback servers: {@code 127.0.0.1} and
 * {@code localhost} are different origins, so a redirect from one to the other must carry nothing.
 */
class SessionTransportTest {

    /** A session with fixed headers, as another plug-in might build one. */
    record TestSession(URI archive, Set<Origin> origins, List<HttpRequest.Parameter> credentialHeaders)
            implements AuthSession {
        @Override
        public String securityMethod() {
            return "ivo://ivoa.net/sso#cookie";
        }

        @Override
        public Optional<SSLContext> sslContext() {
            return Optional.empty();
        }
    }

    private HttpServer first;
    private HttpServer second;
    private String firstBase;
    private String secondBase;
    private final Map<String, Map<String, String>> seen = new ConcurrentHashMap<>();
    private final AtomicInteger secretCalls = new AtomicInteger();
    private SessionRegistry sessions;
    private HttpClient5Transport transport;

    @BeforeEach
    void start() throws IOException {
        first = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        second = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        firstBase = "http://127.0.0.1:" + first.getAddress().getPort();
        secondBase = "http://localhost:" + second.getAddress().getPort();
        first.createContext("/echo", ex -> record("first", ex));
        first.createContext("/away", ex -> redirect(ex, secondBase + "/echo"));
        first.createContext("/here", ex -> redirect(ex, firstBase + "/echo"));
        first.createContext("/secret", ex -> {
            secretCalls.incrementAndGet();
            if ("Basic YWxpY2U6cHc=".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                record("first", ex);
            } else {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"test\"");
                respond(ex, 401, "no");
            }
        });
        second.createContext("/echo", ex -> record("second", ex));
        first.start();
        second.start();
        sessions = HttpTransports.newSessionRegistry();
        transport = new HttpClient5Transport(TransportSettings.defaults(), sessions, null);
    }

    @AfterEach
    void stop() {
        transport.close();
        first.stop(0);
        second.stop(0);
    }

    private void record(String who, HttpExchange ex) throws IOException {
        seen.put(who, Map.of("auth", String.valueOf(ex.getRequestHeaders().getFirst("Authorization")),
                "cookie", String.valueOf(ex.getRequestHeaders().getFirst("Cookie"))));
        respond(ex, 200, "ok");
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void get(HttpTransport t, String url) throws Exception {
        try (HttpResult r = HttpFailures.requireSuccess(t.send(HttpRequest.get(URI.create(url)),
                new NullProgressMonitor())); InputStream in = r.body()) {
            in.readAllBytes();
        }
    }

    private TestSession sessionForFirst() {
        URI archive = URI.create(firstBase);
        return new TestSession(archive, Set.of(Origin.of(archive)), List.of(
                new HttpRequest.Parameter("Authorization", "Bearer TOKEN-1"),
                new HttpRequest.Parameter("Cookie", "CADC_SSO=\"TOKEN-1\"")));
    }

    @Test
    void sessionCredentialsGoToItsOriginOnly() throws Exception {
        sessions.register(sessionForFirst());
        get(transport, firstBase + "/echo");
        assertEquals("Bearer TOKEN-1", seen.get("first").get("auth"));
        assertEquals("CADC_SSO=\"TOKEN-1\"", seen.get("first").get("cookie"));
        get(transport, secondBase + "/echo");
        assertEquals("null", seen.get("second").get("auth"));
        assertEquals("null", seen.get("second").get("cookie"));
    }

    @Test
    void redirectToAnotherOriginCarriesNothingEvenExplicitHeaders() throws Exception {
        sessions.register(sessionForFirst());
        get(transport, firstBase + "/away");
        assertEquals("null", seen.get("second").get("auth"), "the second server received credentials");
        assertEquals("null", seen.get("second").get("cookie"));
        seen.clear();
        try (HttpResult r = transport.send(HttpRequest.get(URI.create(firstBase + "/away"))
                .withHeader("Authorization", "Basic c2VjcmV0OnNlY3JldA==").withHeader("Cookie", "x=1"),
                new NullProgressMonitor())) {
            assertEquals(200, r.status());
        }
        assertEquals("null", seen.get("second").get("auth"));
        assertEquals("null", seen.get("second").get("cookie"));
    }

    @Test
    void redirectWithinTheOriginKeepsTheSession() throws Exception {
        sessions.register(sessionForFirst());
        get(transport, firstBase + "/here");
        assertEquals("Bearer TOKEN-1", seen.get("first").get("auth"));
    }

    @Test
    void withSettingsSharesTheSessionsAndLogoutStopsThem() throws Exception {
        HttpTransport timed = transport.withSettings(TransportSettings.defaults().withTimeout(Duration.ofSeconds(5)));
        TestSession s = sessionForFirst();
        sessions.register(s);
        get(timed, firstBase + "/echo");
        assertEquals("Bearer TOKEN-1", seen.get("first").get("auth"));
        assertTrue(sessions.remove(s));
        get(timed, firstBase + "/echo");
        assertEquals("null", seen.get("first").get("auth"));
        assertEquals("null", seen.get("first").get("cookie"));
    }

    @Test
    void challengeIsAnsweredOnceThroughTheResponder() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ChallengeResponder responder = (uri, challenges, current, t, monitor) -> {
            asked.incrementAndGet();
            assertEquals(List.of(new AuthChallenge("basic", Map.of("realm", "test"))), challenges);
            TestSession s = new TestSession(URI.create(firstBase), Set.of(Origin.of(uri)),
                    List.of(new HttpRequest.Parameter("Authorization", "Basic YWxpY2U6cHc=")));
            sessions.register(s);
            return Optional.of(s);
        };
        HttpClient5Transport answering = new HttpClient5Transport(TransportSettings.defaults(), sessions, responder);
        try {
            get(answering, firstBase + "/secret");
            assertEquals(1, asked.get());
            assertEquals(2, secretCalls.get());
            get(answering, firstBase + "/secret");
            assertEquals(1, asked.get(), "the session is reused, not asked again");
        } finally {
            answering.close();
        }
    }

    @Test
    void refusedCredentialsAreReportedAsRefusedAndNotRetriedForever() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ChallengeResponder responder = (uri, challenges, current, t, monitor) -> {
            asked.incrementAndGet();
            TestSession s = new TestSession(URI.create(firstBase), Set.of(Origin.of(uri)),
                    List.of(new HttpRequest.Parameter("Authorization", "Basic d3Jvbmc6d3Jvbmc=")));
            sessions.register(s);
            return Optional.of(s);
        };
        HttpClient5Transport answering = new HttpClient5Transport(TransportSettings.defaults(), sessions, responder);
        try {
            AuthenticationException e = assertThrows(AuthenticationException.class,
                    () -> get(answering, firstBase + "/secret"));
            assertTrue(e.isDenied());
            assertTrue(e.getMessage().startsWith("Access refused"), e.getMessage());
            assertFalse(e.getMessage().contains("d3Jvbmc"), e.getMessage());
            assertEquals(1, asked.get());
            assertEquals(2, secretCalls.get());
        } finally {
            answering.close();
        }
    }

    @Test
    void withoutResponderA401SaysAuthenticationRequired() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> get(transport, firstBase + "/secret"));
        assertFalse(e.isDenied());
        assertTrue(e.getMessage().startsWith("Authentication required"), e.getMessage());
        assertNull(seen.get("first"));
    }
}
