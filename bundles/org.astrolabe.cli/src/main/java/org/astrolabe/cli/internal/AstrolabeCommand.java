package org.astrolabe.cli.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The root {@code astrolabe} command: global options, then a subcommand. */
@Command(name = "astrolabe", mixinStandardHelpOptions = true, version = "Astrolabe 0.1.0",
        description = "IVOA data access: TAP queries against any archive.",
        footer = {"", "Exit codes: 0 ok; 1 the service reported a failure; 2 usage or bad input;",
                "3 authentication required or refused; 4 not found; 5 network or transient failure."})
final class AstrolabeCommand implements Runnable {

    /**
     * The subcommands, in the order help lists them. Not in the annotation: building the model of
     * all of them costs a command a tenth of its start-up, so {@link Subcommands} adds only the one
     * that is run (all of them when help or an error needs the list).
     */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(AvailabilityCommand.class,
            QueryCommand.class, CapabilitiesCommand.class, TablesCommand.class, JobsCommand.class, JobCommand.class,
            LinksCommand.class, CutoutCommand.class, DownloadCommand.class,
            ServicesCommand.class, CollectionsCommand.class, RegionCommand.class, NameCommand.class,
            DataUrlsCommand.class, ImageUrlsCommand.class, ImagesCommand.class, ConeCommand.class, SiaCommand.class,
            LoginCommand.class, LogoutCommand.class);

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

    @Option(names = "--user", paramLabel = "U", description = "log in as U; the password comes from "
            + "$ASTROLABE_PASSWORD or is asked on the terminal, never from an argument")
    String user;

    @Option(names = "--cert", paramLabel = "FILE", description = "log in with a client certificate: PEM with its "
            + "key (e.g. cadcproxy.pem) or PKCS#12 (.p12); passphrase from $ASTROLABE_CERT_PASSWORD or the terminal")
    java.nio.file.Path cert;

    @Option(names = "--token-file", paramLabel = "FILE", description = "log in with the bearer token in FILE")
    java.nio.file.Path tokenFile;

    @Option(names = "--ca-certs", paramLabel = "FILE",
            description = "trust the CA certificates in FILE (PEM) for this service, e.g. a private test CA")
    java.nio.file.Path caCerts;

    @Option(names = "--login-url", paramLabel = "URL",
            description = "the archive's login endpoint (IVOA UMS login) when its capabilities name none")
    java.net.URI loginUrl;

    @Option(names = "--auth-order", paramLabel = "M[,M...]", split = ",",
            description = "security methods in order of preference (default certificate,token,cookie,basic)")
    java.util.List<String> authOrder;

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
        context.configureAuth(new CliAuth.Options(user, cert, tokenFile, caCerts, loginUrl, authOrder));
        context.useRegistry(registry);
        return context;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }
}
