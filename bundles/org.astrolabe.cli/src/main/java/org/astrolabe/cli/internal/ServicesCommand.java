package org.astrolabe.cli.internal;

import java.util.concurrent.Callable;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.Profile;
import org.astrolabe.core.registry.ServiceAddress;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code astrolabe services [add NAME ADDRESS | remove NAME]}: the archive catalogue. */
@Command(name = "services", mixinStandardHelpOptions = true,
        description = "List the archives (presets and saved services); add or remove saved ones.",
        subcommands = {ServicesCommand.Add.class, ServicesCommand.Remove.class})
final class ServicesCommand implements Callable<Integer> {

    @ParentCommand
    AstrolabeCommand root;

    @Override
    public Integer call() {
        CliContext context = root.context();
        AlignedText table = new AlignedText("").row("NAME", "PROFILE", "TAP", "DATALINK", "TITLE");
        for (Archive a : context.catalogue().archives()) {
            table.row(a.name() + (a.preset() ? "" : " *"), a.profile().name().toLowerCase(java.util.Locale.ROOT),
                    a.tap().toString(), a.dataLink() == null ? "" : a.dataLink().toString(), a.title());
        }
        table.print(context.out());
        context.out().flush();
        return ExitCode.OK;
    }

    /** {@code services add NAME ADDRESS}. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Save a service under a name.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ServicesCommand parent;

        @Parameters(index = "0", paramLabel = "NAME", description = "short name (lower case)")
        String name;

        @Parameters(index = "1", paramLabel = "ADDRESS", description = "TAP base URL or ivo:// identifier")
        String address;

        @Option(names = "--profile", paramLabel = "P", defaultValue = "obscore", description = "obscore (default) or caom2")
        String profile;

        @Option(names = "--datalink", paramLabel = "URL", description = "DataLink service URL or ivo:// identifier")
        String dataLink;

        @Option(names = "--title", paramLabel = "T", description = "a title")
        String title;

        @Override
        public Integer call() throws Exception {
            CliContext context = parent.root.context();
            Archive a = new Archive(name, title, Profile.parse(profile), ServiceAddress.parse(address),
                    dataLink == null ? null : ServiceAddress.parse(dataLink), null, null, null, null, null, "", false);
            context.catalogue().add(a);
            context.info("saved " + a.name());
            return ExitCode.OK;
        }
    }

    /** {@code services remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a saved service.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ServicesCommand parent;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            CliContext context = parent.root.context();
            if (!context.catalogue().remove(name)) {
                context.err().println("astrolabe: no saved service named " + name);
                return ExitCode.NOT_FOUND;
            }
            return ExitCode.OK;
        }
    }
}
