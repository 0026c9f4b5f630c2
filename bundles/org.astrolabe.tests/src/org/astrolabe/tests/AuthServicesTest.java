package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.astrolabe.auth.ArchiveSession;
import org.astrolabe.auth.CredentialPrompt;
import org.astrolabe.auth.CredentialStore;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.auth.RememberedLogin;
import org.astrolabe.auth.SessionManager;
import org.astrolabe.auth.internal.SecureStorageCredentialStore;
import org.astrolabe.core.auth.ChallengeResponder;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.auth.SessionRegistry;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.tap.TapClientFactory;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * The auth services are registered and usable from another bundle (this one): a session handed
 * over by another plug-in reaches every service that sends through the transport; secure storage
 * round-trips with nothing readable in its files.
 */
class AuthServicesTest {

    private HttpServer server;
    private URI base;
    private final Map<String, String> seen = new ConcurrentHashMap<>();
    private Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tap");
        server.createContext("/", ex -> {
            seen.put(ex.getRequestURI().getPath(), String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            byte[] body = "<avail:availability xmlns:avail=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\"><avail:available>true</avail:available></avail:availability>"
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/xml");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        dir = Files.createTempDirectory("astrolabe-secure-it");
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
        Services.get(SessionManager.class).logout(base);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void servicesAreRegisteredByTheirBundles() throws Exception {
        Services.get(SessionManager.class);
        Services.get(CredentialStore.class);
        Services.get(SessionRegistry.class);
        Services.get(ChallengeResponder.class);
        Services.get(CredentialPrompt.class);
        assertEquals("org.astrolabe.auth", Services.provider(SessionManager.class));
        assertEquals("org.astrolabe.auth", Services.provider(CredentialStore.class));
        assertEquals("org.astrolabe.auth", Services.provider(ChallengeResponder.class));
        assertEquals("org.astrolabe.core", Services.provider(SessionRegistry.class));
        assertEquals("org.astrolabe.cli", Services.provider(CredentialPrompt.class));
    }

    @Test
    void anAdoptedSessionReachesTheTransportTapAndTimedTransports() throws Exception {
        SessionManager sessions = Services.get(SessionManager.class);
        ArchiveSession mine = new ArchiveSession(base, Set.of(Origin.of(base)), LoginOptions.TOKEN,
                List.of(new HttpRequest.Parameter("Authorization", "Bearer from-another-plugin")), Optional.empty());
        sessions.adopt(mine);
        assertEquals(Optional.of(mine), sessions.session(base));
        HttpTransport transport = Services.get(HttpTransport.class);
        try (HttpResult r = transport.send(HttpRequest.get(URI.create(base + "/x")), new NullProgressMonitor())) {
            assertEquals(200, r.status());
        }
        assertEquals("Bearer from-another-plugin", seen.get("/tap/x"));
        var tap = Services.get(TapClientFactory.class);
        assertTrue(tap.create(base, TransportSettings.defaults().withTimeout(Duration.ofSeconds(7)))
                .availability(new NullProgressMonitor()).available());
        assertEquals("Bearer from-another-plugin", seen.get("/tap/availability"), "TAP with --timeout settings");
        assertTrue(sessions.logout(base));
        assertTrue(tap.create(base).availability(new NullProgressMonitor()).available());
        assertEquals("null", seen.get("/tap/availability"), "logout: nothing sent any more");
    }

    @Test
    void secureStorageRoundTripWithNothingReadableInItsFiles() throws Exception {
        SecureStorageCredentialStore store = new SecureStorageCredentialStore(dir, null);
        URI dachs = URI.create("http://127.0.0.1:18080/tap");
        URI cadc = URI.create("https://ws-cadc.canfar.net/argus/");
        URI token = URI.create("https://archive.example/tap");
        store.save(dachs, new RememberedLogin(RememberedLogin.Kind.PASSWORD, "astro", "stargazer".toCharArray(),
                Optional.empty()));
        store.save(cadc, new RememberedLogin(RememberedLogin.Kind.CERTIFICATE, "", "pem-passphrase".toCharArray(),
                Optional.of(Path.of("/home/alice/.ssl/cadcproxy.pem"))));
        store.save(token, new RememberedLogin(RememberedLogin.Kind.TOKEN, "", "tok-9f8e7d".toCharArray(),
                Optional.empty()));

        SecureStorageCredentialStore reopened = new SecureStorageCredentialStore(dir, null);
        RememberedLogin back = reopened.load(URI.create("HTTP://127.0.0.1:18080/tap/")).orElseThrow();
        assertEquals("astro", back.user());
        assertArrayEquals("stargazer".toCharArray(), back.secret());
        assertEquals(Optional.of(Path.of("/home/alice/.ssl/cadcproxy.pem")),
                reopened.load(URI.create("https://ws-cadc.canfar.net/argus")).orElseThrow().certificate());
        assertArrayEquals("tok-9f8e7d".toCharArray(), reopened.load(token).orElseThrow().secret());
        assertEquals(Optional.empty(), reopened.load(URI.create("https://unknown.example/tap")));

        for (Path f : Files.walk(dir).filter(Files::isRegularFile).toList()) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String secret : List.of("stargazer", "pem-passphrase", "tok-9f8e7d", "cadcproxy", "astro\n")) {
                assertFalse(text.contains(secret), secret + " readable in " + f);
            }
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("master"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.storageFile())));

        assertTrue(reopened.remove(dachs));
        assertFalse(reopened.remove(dachs));
        assertEquals(Optional.empty(), new SecureStorageCredentialStore(dir, null).load(dachs));
        assertTrue(new SecureStorageCredentialStore(dir, null).load(token).isPresent());
    }

    @Test
    void wrongMasterPasswordIsAClearFailure() throws Exception {
        URI s = URI.create("https://archive.example/tap");
        new SecureStorageCredentialStore(dir, "right".toCharArray()).save(s, new RememberedLogin(
                RememberedLogin.Kind.TOKEN, "", "tok".toCharArray(), Optional.empty()));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.astrolabe.core.AstrolabeException.class,
                () -> new SecureStorageCredentialStore(dir, "wrong".toCharArray()).load(s));
        assertTrue(e.getMessage().contains("wrong master password"), e.getMessage());
    }

    @Test
    void theRegisteredStoreRoundTrips() throws Exception {
        CredentialStore store = Services.get(CredentialStore.class);
        URI s = URI.create("https://osgi-test.example/tap/" + System.nanoTime());
        store.save(s, new RememberedLogin(RememberedLogin.Kind.PASSWORD, "u", "p".toCharArray(), Optional.empty()));
        try {
            assertEquals("u", store.load(s).orElseThrow().user());
        } finally {
            assertTrue(store.remove(s));
        }
        assertEquals(Optional.empty(), store.load(s));
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
