package org.astrolabe.cli.internal;

import java.util.concurrent.Callable;

import org.astrolabe.core.vosi.Availability;
import org.eclipse.core.runtime.NullProgressMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe availability}: the service's VOSI availability. */
@Command(name = "availability", mixinStandardHelpOptions = true,
        description = "Show whether the service says it is available (VOSI availability).")
final class AvailabilityCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Override
    public Integer call() throws Exception {
        CliContext context = root.context();
        var client = context.tapClient();
        context.info("GET " + client.baseUri() + "/availability");
        Availability a = client.availability(new NullProgressMonitor());
        var out = context.out();
        out.println("service:   " + client.baseUri());
        out.println("available: " + a.available());
        a.upSince().ifPresent(t -> out.println("up since:  " + t));
        a.downAt().ifPresent(t -> out.println("down at:   " + t));
        a.backAt().ifPresent(t -> out.println("back at:   " + t));
        a.notes().forEach(n -> out.println("note:      " + n));
        out.flush();
        return a.available() ? ExitCode.OK : ExitCode.TRANSIENT;
    }
}
