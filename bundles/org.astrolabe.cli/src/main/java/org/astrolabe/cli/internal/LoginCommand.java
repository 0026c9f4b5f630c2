package org.astrolabe.cli.internal;

import java.net.URI;
import java.util.concurrent.Callable;

import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.RememberedLogin;
import org.astrolabe.core.auth.AuthSession;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code astrolabe login}: negotiates a security method with the service, logs in (which checks
 * the password or certificate), and with {@code --remember} keeps the login in secure storage so
 * that later commands for the same service use it by themselves.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Log in to the service with --user, --cert or --token-file (or a remembered login) "
                + "and say how.", "With --remember the login is kept in Eclipse secure storage (encrypted) for this "
                        + "service and used by every later command."})
final class LoginCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Option(names = "--remember", description = "keep the login in secure storage for this service")
    boolean remember;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        URI service = context.serviceUri().orElseThrow(() -> new IllegalArgumentException(
                "login needs --service S (the archive to log in to)"));
        CliAuth auth = context.auth();
        if (auth == null || !auth.available()) {
            throw new IllegalStateException("logins are not available in this installation");
        }
        if (!context.authOptions().anyCredentials() && remember) {
            throw new IllegalArgumentException("--remember needs --user, --cert or --token-file");
        }
        AuthSession session = auth.login(service, context.authOptions(), context).orElseThrow(
                () -> new CredentialException("Nothing to log in with: give --user U, --cert FILE or --token-file FILE",
                        service));
        context.out().println("logged in to " + service + " (" + CliAuth.describe(session) + ")");
        if (remember) {
            RememberedLogin login = auth.lastLogin();
            context.rememberedStore().save(service, login);
            context.out().println("remembered in secure storage for " + org.astrolabe.auth.ServiceUrls.normalise(service));
        }
        context.out().flush();
        return ExitCode.OK;
    }
}
