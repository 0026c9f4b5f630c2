package org.astrolabe.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.LoginOptions;
import org.junit.jupiter.api.Test;

/** The terminal prompt without a terminal, and the --auth-order it is given per command line. */
class TerminalPromptTest {

    private final Secrets noTerminal = new Secrets(Map.of(), null);

    @Test
    void withoutATerminalACertificateChallengeSaysToUseCert() throws Exception {
        TerminalPrompt prompt = new TerminalPrompt();
        try (AutoCloseable use = prompt.use(noTerminal, List.of())) {
            CredentialException e = assertThrows(CredentialException.class,
                    () -> prompt.askCertificate(URI.create("https://archive.example:8443/tap/sync"),
                            "the service says a certificate can be had from https://archive.example/cert"));
            assertEquals("https://archive.example:8443 requires a client certificate and there is no terminal to ask "
                    + "for one: use --cert FILE (the service says a certificate can be had from "
                    + "https://archive.example/cert).", e.getMessage());
            assertTrue(prompt.askPassword(URI.create("https://archive.example/tap"), "").isEmpty(),
                    "no terminal: no password either, the 401 reaches the command");
        }
    }

    @Test
    void theCommandLinesOrderIsUsedWhileItRuns() throws Exception {
        TerminalPrompt prompt = new TerminalPrompt();
        assertEquals(LoginOptions.DEFAULT_PREFERENCE, prompt.preference());
        try (AutoCloseable use = prompt.use(noTerminal, CliAuth.order(List.of("cookie", "cert")))) {
            assertEquals(List.of(LoginOptions.COOKIE, LoginOptions.CERTIFICATE), prompt.preference());
        }
        assertEquals(LoginOptions.DEFAULT_PREFERENCE, prompt.preference(), "back to the default after the command");
        try (AutoCloseable use = prompt.use(noTerminal, List.of())) {
            assertEquals(LoginOptions.DEFAULT_PREFERENCE, prompt.preference());
        }
    }

    @Test
    void anUnknownMethodIsAUsageError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CliAuth.order(List.of("certificate", "kerberos")));
        assertTrue(e.getMessage().contains("kerberos"), e.getMessage());
    }
}
