package org.astrolabe.cli.internal;

import java.io.Console;
import java.util.Map;
import java.util.Optional;

/**
 * Where the command line gets secrets: environment variables, then the terminal (never an
 * argument). With neither, the caller fails with a clear message.
 */
final class Secrets {

    private final Map<String, String> environment;
    private final Console console;

    /**
     * @param environment the process environment (tests pass their own)
     * @param console the terminal, or {@code null} when there is none
     */
    Secrets(Map<String, String> environment, Console console) {
        this.environment = Map.copyOf(environment);
        this.console = console;
    }

    /**
     * @return the process's console when it is an interactive terminal, else {@code null}: Java 22+
     *         returns a console even when standard input is a pipe or a file, and a password must
     *         never be read from those
     */
    static Console terminal() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console) ? console : null;
        } catch (ReflectiveOperationException | RuntimeException java21) {
            return console; // Java 21 returns a console only for a terminal
        }
    }

    /** @return the environment variable's value, if set and not empty */
    Optional<String> env(String name) {
        String v = environment.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** @return the terminal, or {@code null} when there is none */
    Console console() {
        return console;
    }

    /** @return whether a terminal can be asked */
    boolean interactive() {
        return console != null;
    }

    /** @return the secret from {@code variable}, else typed on the terminal (not echoed), else empty */
    Optional<char[]> secret(String variable, String prompt) {
        Optional<String> fromEnv = env(variable);
        if (fromEnv.isPresent()) {
            return Optional.of(fromEnv.get().toCharArray());
        }
        if (console == null) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("%s", prompt);
        return typed == null || typed.length == 0 ? Optional.empty() : Optional.of(typed);
    }

    /** @return a line typed on the terminal, or empty without one */
    Optional<String> line(String prompt) {
        if (console == null) {
            return Optional.empty();
        }
        String typed = console.readLine("%s", prompt);
        return typed == null || typed.isBlank() ? Optional.empty() : Optional.of(typed.strip());
    }
}
