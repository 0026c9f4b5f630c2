package org.astrolabe.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.astrolabe.auth.ArchiveSession;
import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.CredentialStore;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.auth.RememberedLogin;
import org.astrolabe.auth.ServiceUrls;
import org.astrolabe.auth.SessionManager;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.auth.AuthSession;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.vosi.Availability;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.TapQuery;
import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login options and the login/logout commands over a recording session manager and an
 * in-memory credential store (the real ones are exercised by the OSGi and DaCHS tests).
 */
class LoginCommandsTest {

    static final String TAP = "https://archive.example/tap";

    /** Records logins; "wrong" passwords are refused as a login endpoint would. */
    static final class RecordingSessions implements SessionManager {
        final List<Credentials> logins = new ArrayList<>();
        final List<LoginOptions> options = new ArrayList<>();
        final List<URI> logouts = new ArrayList<>();

        @Override
        public AuthSession login(URI service, Credentials credentials, LoginOptions o, IProgressMonitor monitor)
                throws AstrolabeException {
            if (credentials instanceof Credentials.Password p && new String(p.password()).equals("wrong")) {
                throw new CredentialException("Login refused by " + service + " for user " + p.user(), service);
            }
            logins.add(credentials);
            options.add(o);
            return new ArchiveSession(service, Set.of(Origin.of(service)), credentials instanceof Credentials.Token
                    ? LoginOptions.TOKEN : LoginOptions.COOKIE, List.of(), Optional.empty());
        }

        @Override
        public Optional<AuthSession> session(URI service) {
            return Optional.empty();
        }

        @Override
        public boolean logout(URI service) {
            logouts.add(service);
            return true;
        }

        @Override
        public void adopt(AuthSession session) {
        }
    }

    static final class MemoryStore implements CredentialStore {
        final Map<URI, RememberedLogin> logins = new HashMap<>();

        @Override
        public void save(URI service, RememberedLogin login) {
            logins.put(ServiceUrls.normalise(service), login);
        }

        @Override
        public Optional<RememberedLogin> load(URI service) {
            return Optional.ofNullable(logins.get(ServiceUrls.normalise(service)));
        }

        @Override
        public boolean remove(URI service) {
            return logins.remove(ServiceUrls.normalise(service)) != null;
        }
    }

    final RecordingSessions sessions = new RecordingSessions();
    final MemoryStore store = new MemoryStore();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path dir;

    int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        TapClientFactory tap = new TapClientFactory() {
            @Override
            public TapClient create(URI baseUrl) {
                return new TapClient() {
                    @Override
                    public URI baseUri() {
                        return baseUrl;
                    }

                    @Override
                    public org.astrolabe.core.votable.ResultTable query(TapQuery q, IProgressMonitor m) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Availability availability(IProgressMonitor monitor) {
                        return new Availability(true, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
                    }
                };
            }

            @Override
            public TapClient create(URI baseUrl, TransportSettings settings) {
                return create(baseUrl);
            }
        };
        return new CommandLineRunner(tap, null, null, null, null, sessions, store).run(args, env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void userWithPasswordFromTheEnvironmentLogsInAndOutAgain() {
        assertEquals(0, run(Map.of("ASTROLABE_PASSWORD", "s3cret"), "--service", TAP, "--user", "alice",
                "availability"), stderr());
        Credentials.Password p = (Credentials.Password) sessions.logins.get(0);
        assertEquals("alice", p.user());
        assertArrayEquals("s3cret".toCharArray(), p.password());
        assertEquals(List.of(URI.create(TAP)), sessions.logouts, "the command's session ends with it");
    }

    @Test
    void noPasswordWithoutTerminalIsExit3OneLine() {
        assertEquals(3, run(Map.of(), "--service", TAP, "--user", "alice", "availability"));
        assertEquals(1, stderr().lines().count(), stderr());
        assertTrue(stderr().contains("ASTROLABE_PASSWORD"), stderr());
        assertTrue(sessions.logins.isEmpty());
    }

    @Test
    void refusedLoginIsExit3WithoutThePassword() {
        assertEquals(3, run(Map.of("ASTROLABE_PASSWORD", "wrong"), "--service", TAP, "--user", "alice", "availability"));
        assertTrue(stderr().contains("Login refused"), stderr());
        assertFalse(stderr().contains("wrong"), stderr());
    }

    @Test
    void usageErrors() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "abc\n");
        assertEquals(2, run(Map.of("ASTROLABE_PASSWORD", "x"), "--service", TAP, "--user", "alice", "--token-file",
                token.toString(), "availability"));
        assertTrue(stderr().contains("only one of"), stderr());
        assertEquals(2, run(Map.of("ASTROLABE_PASSWORD", "x"), "--user", "alice", "availability"));
        assertTrue(stderr().contains("need --service"), stderr());
        assertEquals(2, run(Map.of("ASTROLABE_PASSWORD", "x"), "--service", TAP, "--user", "alice", "--auth-order",
                "saml", "availability"));
        assertTrue(stderr().contains("unknown security method"), stderr());
        assertTrue(sessions.logins.isEmpty());
    }

    @Test
    void tokenFileAndBadTokenFile() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "abc.def-123\n");
        assertEquals(0, run(Map.of(), "--service", TAP, "--token-file", token.toString(), "--auth-order",
                "token,basic", "availability"), stderr());
        assertEquals("abc.def-123", ((Credentials.Token) sessions.logins.get(0)).token());
        assertEquals(List.of(LoginOptions.TOKEN, LoginOptions.BASIC), sessions.options.get(0).preference());
        Path two = Files.writeString(dir.resolve("two"), "abc def\n");
        assertEquals(3, run(Map.of(), "--service", TAP, "--token-file", two.toString(), "availability"));
        assertEquals(3, run(Map.of(), "--service", TAP, "--token-file", dir.resolve("missing").toString(),
                "availability"));
    }

    @Test
    void loginRememberThenAutomaticThenLogout() {
        assertEquals(0, run(Map.of("ASTROLABE_PASSWORD", "s3cret"), "--service", TAP + "/", "--user", "alice", "login",
                "--remember"), stderr());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("logged in to"), out.toString());
        RememberedLogin kept = store.logins.get(URI.create(TAP));
        assertEquals("alice", kept.user());
        assertArrayEquals("s3cret".toCharArray(), kept.secret());

        assertEquals(0, run(Map.of(), "--service", TAP, "availability"), stderr());
        assertEquals(2, sessions.logins.size(), "the remembered login is used by itself");
        assertArrayEquals("s3cret".toCharArray(), ((Credentials.Password) sessions.logins.get(1)).password());

        assertEquals(0, run(Map.of(), "--service", TAP, "logout"), stderr());
        assertTrue(store.logins.isEmpty());
        assertEquals(0, run(Map.of(), "--service", TAP, "availability"), stderr());
        assertEquals(2, sessions.logins.size(), "nothing remembered any more");
        assertEquals(3, run(Map.of(), "--service", TAP, "login"));
    }
}
