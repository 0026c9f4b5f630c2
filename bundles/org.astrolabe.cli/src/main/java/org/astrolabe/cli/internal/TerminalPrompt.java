package org.astrolabe.cli.internal;

import java.io.Console;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.astrolabe.auth.ClientCertificate;
import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.CredentialPrompt;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.osgi.service.component.annotations.Component;

/**
 * Asks on the terminal when a service challenges a request and no credentials were given: a user
 * name and password, or (for {@code ivoa_x509}) the path of a certificate file and, when it needs
 * one, its passphrase ({@code $ASTROLABE_CERT_PASSWORD} first). Without a terminal (scripts, the
 * workbench) a password challenge gets no answer, and the command ends with "authentication
 * required" (exit 3); a certificate challenge ends with one line saying to use {@code --cert FILE}.
 * Ranked low so that the UI's dialog wins where both are installed.
 *
 * <p>The command line being run sets the terminal, environment and {@code --auth-order} with
 * {@link #use(Secrets, List)}; a process runs one command line at a time.
 */
@Component(service = {CredentialPrompt.class, TerminalPrompt.class}, property = "service.ranking:Integer=-100")
public final class TerminalPrompt implements CredentialPrompt {

    /** The terminal and order of the command line being run. */
    private record Run(Secrets secrets, List<String> preference) {
    }

    private volatile Run run = defaults();

    private static Run defaults() {
        return new Run(new Secrets(System.getenv(), Secrets.terminal()), LoginOptions.DEFAULT_PREFERENCE);
    }

    /**
     * @param secrets the command line's environment and terminal
     * @param preference its {@code --auth-order} (IVOA SSO ids), or empty for the default order
     * @return closes the command line's use: back to the process's terminal and the default order
     */
    AutoCloseable use(Secrets secrets, List<String> preference) {
        Run mine = new Run(Objects.requireNonNull(secrets, "secrets"),
                preference.isEmpty() ? LoginOptions.DEFAULT_PREFERENCE : List.copyOf(preference));
        run = mine;
        return () -> {
            if (run == mine) {
                run = defaults();
            }
        };
    }

    @Override
    public List<String> preference() {
        return run.preference();
    }

    @Override
    public Optional<Credentials.Password> askPassword(URI service, String realm) {
        Console console = run.secrets().console();
        if (console == null) {
            return Optional.empty();
        }
        console.printf("%s asks for a login%s.%n", origin(service), realm.isEmpty() ? "" : " (" + realm + ")");
        String user = console.readLine("User: ");
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        char[] password = console.readPassword("Password: ");
        if (password == null || password.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new Credentials.Password(user.strip(), password));
    }

    @Override
    public Optional<CertificateFile> askCertificate(URI service, String hint) throws CredentialException {
        Secrets secrets = run.secrets();
        if (!secrets.interactive()) {
            throw new CredentialException(origin(service) + " requires a client certificate and there is no terminal "
                    + "to ask for one: use --cert FILE" + (hint.isEmpty() ? "" : " (" + hint + ")") + ".", service);
        }
        secrets.console().printf("%s asks for a client certificate%s.%n", origin(service),
                hint.isEmpty() ? "" : " (" + hint + ")");
        Optional<String> typed = secrets.line("Certificate file (PEM with its key, or .p12): ");
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(expandHome(typed.get(), secrets)).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new CredentialException("Not a file name: " + typed.get(), service);
        }
        if (!Files.isRegularFile(file)) {
            throw new CredentialException("No certificate file " + file, file.toUri());
        }
        if (!ClientCertificate.needsPassphrase(file)) {
            return Optional.of(new CertificateFile(file, null));
        }
        Optional<char[]> passphrase = secrets.secret("ASTROLABE_CERT_PASSWORD",
                "Passphrase for " + file.getFileName() + ": ");
        try {
            return Optional.of(new CertificateFile(file, passphrase.orElse(null)));
        } finally {
            passphrase.ifPresent(p -> java.util.Arrays.fill(p, '\0'));
        }
    }

    private static String expandHome(String path, Secrets secrets) {
        if (path.equals("~") || path.startsWith("~/")) {
            return secrets.env("HOME").orElse(System.getProperty("user.home")) + path.substring(1);
        }
        return path;
    }

    private static String origin(URI service) {
        return service.getScheme() + "://" + service.getAuthority();
    }
}
