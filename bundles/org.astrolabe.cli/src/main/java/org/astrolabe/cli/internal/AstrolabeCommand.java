package org.astrolabe.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The root {@code astrolabe} command: global options, then a subcommand. */
@Command(name = "astrolabe", mixinStandardHelpOptions = true, version = "Astrolabe 0.1.0",
        description = "IVOA data access: TAP queries against any archive.",
        subcommands = {AvailabilityCommand.class, QueryCommand.class, CapabilitiesCommand.class, TablesCommand.class,
                JobsCommand.class, JobCommand.class,
                LinksCommand.class, CutoutCommand.class, DownloadCommand.class,
                ServicesCommand.class, CollectionsCommand.class, RegionCommand.class, NameCommand.class,
                DataUrlsCommand.class, ImageUrlsCommand.class, ImagesCommand.class, ConeCommand.class, SiaCommand.class},
        footer = {"", "Exit codes: 0 ok; 1 the service reported a failure; 2 usage or bad input;",
                "3 authentication required or refused; 4 not found; 5 network or transient failure."})
final class AstrolabeCommand implements Runnable {

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--service", paramLabel = "S",
            description = "archive name (cadc, csc, koa, local, ...; see 'services'), TAP base URL or ivo:// "
                    + "identifier (default: $ASTROLABE_SERVICE)")
    String service;

    @Option(names = "--registry", paramLabel = "URL",
            description = "resource-caps document resolving ivo:// identifiers (default: $ASTROLABE_REGISTRY, "
                    + "else the archive's own, else CADC's)")
    String registry;

    @Option(names = "--timeout", paramLabel = "SEC", description = "connect and read time-out in seconds")
    Integer timeout;

    @Option(names = {"-v", "--verbose"}, description = "say what is being done")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "no warnings")
    boolean quiet;

    AstrolabeCommand(CliContext context) {
        this.context = context;
    }

    /** Called by subcommands before they run, once all options are parsed. */
    CliContext context() {
        context.configure(service, timeout, verbose, quiet);
        context.useRegistry(registry);
        return context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }
}
