package org.astrolabe.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuthChallengeTest {

    @Test
    void basicWithRealm() {
        assertEquals(List.of(new AuthChallenge("basic", Map.of("realm", "Astrolabe test"))),
                AuthChallenge.parse(List.of("Basic realm=\"Astrolabe test\"")));
    }

    @Test
    void ivoaSchemesInOneHeaderAndSeveralHeaders() {
        List<AuthChallenge> c = AuthChallenge.parse(List.of(
                "ivoa_bearer standard_id=\"ivo://ivoa.net/std/UMS#login-0.1\", access_url=\"https://h/login\", "
                        + "ivoa_x509",
                "ivoa_cookie standard_id=\"ivo://ivoa.net/std/UMS#login-0.1\",access_url=\"https://h/login\"",
                "Basic realm=\"a, b\", charset=\"UTF-8\""));
        assertEquals(List.of("ivoa_bearer", "ivoa_x509", "ivoa_cookie", "basic"),
                c.stream().map(AuthChallenge::scheme).toList());
        assertEquals("https://h/login", c.get(0).param("access_url").orElseThrow());
        assertEquals("ivo://ivoa.net/std/UMS#login-0.1", c.get(0).param("STANDARD_ID").orElseThrow());
        assertTrue(c.get(1).params().isEmpty());
        assertEquals("https://h/login", c.get(2).param("access_url").orElseThrow());
        assertEquals("a, b", c.get(3).param("realm").orElseThrow());
        assertEquals("UTF-8", c.get(3).param("charset").orElseThrow());
    }

    @Test
    void garbageIsSkippedNotFatal() {
        assertEquals(List.of(), AuthChallenge.parse(List.of("", " , ,", "\"quoted\"")));
        assertEquals("bearer", AuthChallenge.parse(List.of("Bearer")).get(0).scheme());
    }

    @Test
    void originsDistinguishHostAndPortAndDefaultPorts() {
        assertEquals(Origin.of(URI.create("https://Example.org/tap")), Origin.of(URI.create("https://example.org:443/x")));
        assertFalse(Origin.of(URI.create("http://127.0.0.1:18080/")).equals(Origin.of(URI.create("http://localhost:18080/"))));
        assertFalse(Origin.of(URI.create("http://h/")).equals(Origin.of(URI.create("https://h/"))));
        assertEquals("http://h:80", Origin.of(URI.create("http://h/")).toString());
        assertThrows(IllegalArgumentException.class, () -> Origin.of(URI.create("ftp://h/")));
    }
}
