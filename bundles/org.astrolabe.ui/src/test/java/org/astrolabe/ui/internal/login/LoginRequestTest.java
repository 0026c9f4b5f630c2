package org.astrolabe.ui.internal.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoginRequestTest {

    private static final URI TAP = URI.create("http://127.0.0.1:18080/tap");

    @Test
    void needsAUserAndPasswordOrACertificate() {
        assertThrows(IllegalArgumentException.class,
                () -> new LoginJob.Request(TAP, Optional.empty(), new char[0], Optional.empty(), false));
        assertThrows(IllegalArgumentException.class, () -> new LoginJob.Request(TAP, Optional.of("astro"),
                "x".toCharArray(), Optional.of(Path.of("c.pem")), false));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new LoginJob.Request(TAP, Optional.of("astro"), new char[0], Optional.empty(), false));
        assertTrue(e.getMessage().contains("astro"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new LoginJob.Request(TAP, Optional.of(" "), "x".toCharArray(), Optional.empty(), false));
    }

    @Test
    void neverShowsTheSecret() {
        var r = new LoginJob.Request(TAP, Optional.of("astro"), "stargazer".toCharArray(), Optional.empty(), true);
        assertFalse(r.toString().contains("stargazer"), r.toString());
        assertTrue(r.toString().contains("astro"), r.toString());
        var c = new LoginJob.Request(TAP, Optional.empty(), "sesame".toCharArray(), Optional.of(Path.of("c.p12")),
                false);
        assertFalse(c.toString().contains("sesame"), c.toString());
    }
}
