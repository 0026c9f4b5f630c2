package org.astrolabe.cli.internal;

import java.io.Console;
import java.net.URI;
import java.util.Optional;

import org.astrolabe.auth.CredentialPrompt;
import org.astrolabe.auth.Credentials;
import org.osgi.service.component.annotations.Component;

/**
 * Asks for a user name and password on the terminal when a service challenges a request and no
 * credentials were given. Without a terminal (scripts, the workbench) it answers nothing, and the
 * command ends with "authentication required" (exit 3). Ranked low so that the UI's dialog wins
 * where both are installed.
 */
@Component(service = CredentialPrompt.class, property = "service.ranking:Integer=-100")
public final class TerminalPrompt implements CredentialPrompt {

    @Override
    public Optional<Credentials.Password> askPassword(URI service, String realm) {
        Console console = Secrets.terminal();
        if (console == null) {
            return Optional.empty();
        }
        console.printf("%s asks for a login%s.%n", service.getScheme() + "://" + service.getAuthority(),
                realm.isEmpty() ? "" : " (" + realm + ")");
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
}
