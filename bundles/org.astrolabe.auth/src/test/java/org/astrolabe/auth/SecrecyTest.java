package org.astrolabe.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** Secrets never show in toString; value types refuse bad input; URLs normalise. */
class SecrecyTest {

    @Test
    void toStringsHideSecrets() {
        Credentials.Password p = new Credentials.Password("alice", "hunter2".toCharArray());
        assertFalse(p.toString().contains("hunter2"), p.toString());
        assertTrue(p.toString().contains("alice"));
        assertFalse(new Credentials.Token("tok-123").toString().contains("tok-123"));
        assertFalse(new Credentials.Cookie("CADC_SSO", "cookie-456").toString().contains("cookie-456"));
        RememberedLogin r = new RememberedLogin(RememberedLogin.Kind.PASSWORD, "alice", "hunter2".toCharArray(),
                Optional.empty());
        assertFalse(r.toString().contains("hunter2"), r.toString());
        URI a = URI.create("https://archive.example/tap");
        ArchiveSession s = new ArchiveSession(a, Set.of(Origin.of(a)), LoginOptions.TOKEN,
                List.of(new HttpRequest.Parameter("Authorization", "Bearer tok-123")), Optional.empty());
        assertFalse(s.toString().contains("tok-123"), s.toString());
        assertTrue(s.toString().contains("Authorization"), s.toString());
        assertFalse(HttpRequest.get(a).withHeader("Authorization", "Bearer tok-123").toString().contains("tok-123"));
    }

    @Test
    void passwordsAreCopiedNotShared() {
        char[] pw = "secret".toCharArray();
        Credentials.Password p = new Credentials.Password("alice", pw);
        pw[0] = 'X';
        assertArrayEquals("secret".toCharArray(), p.password());
        p.password()[0] = 'Y';
        assertArrayEquals("secret".toCharArray(), p.password());
    }

    @Test
    void badValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Credentials.Password(" ", "x".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> new Credentials.Password("alice", new char[0]));
        assertThrows(IllegalArgumentException.class, () -> new Credentials.Token("two words"));
        assertThrows(IllegalArgumentException.class, () -> new Credentials.Token("  \n"));
        assertEquals("abc", new Credentials.Token(" abc\n").token());
        assertThrows(IllegalArgumentException.class, () -> new Credentials.Cookie("a;b", "v"));
        assertThrows(IllegalArgumentException.class, () -> new RememberedLogin(RememberedLogin.Kind.CERTIFICATE, "",
                null, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new ArchiveSession(URI.create("https://h/"), Set.of(), "",
                List.of(), Optional.empty()));
        new RememberedLogin(RememberedLogin.Kind.CERTIFICATE, "", null, Optional.of(Path.of("/tmp/c.pem")));
    }

    @Test
    void serviceUrlsNormalise() {
        assertEquals(URI.create("https://example.org/tap"), ServiceUrls.normalise(URI.create("HTTPS://Example.org:443/tap/")));
        assertEquals(URI.create("http://127.0.0.1:18080/tap"),
                ServiceUrls.normalise(URI.create("http://127.0.0.1:18080/tap?x=1#f")));
        assertThrows(IllegalArgumentException.class, () -> ServiceUrls.normalise(URI.create("ftp://h/x")));
    }
}
