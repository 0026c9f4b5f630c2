package org.astrolabe.cli.internal;

import java.net.URI;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe logout}: forgets the service's remembered login and ends its session. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = "Remove the login remembered for the service from secure storage.")
final class LogoutCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        URI service = context.serviceUri().orElseThrow(() -> new IllegalArgumentException(
                "logout needs --service S"));
        boolean removed = context.rememberedStore().remove(service);
        context.out().println(removed ? "logged out of " + service + ": the remembered login was removed"
                : "no login was remembered for " + service);
        context.out().flush();
        return ExitCode.OK;
    }
}
