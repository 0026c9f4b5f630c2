package org.astrolabe.cli.internal;

import java.io.PrintStream;
import java.io.PrintWriter;

import org.astrolabe.archive.ArchiveCatalogue;
import org.astrolabe.archive.ArchiveRecipes;
import org.astrolabe.archive.dal.DalClient;
import org.astrolabe.archive.dal.NameResolver;
import org.astrolabe.auth.CredentialStore;
import org.astrolabe.auth.SessionManager;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.datalink.DataLinkResolver;
import org.astrolabe.datalink.soda.CutoutService;
import org.astrolabe.datalink.download.DownloadManager;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.uws.UwsJobManager;
import org.eclipse.core.runtime.OperationCanceledException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import picocli.CommandLine;

/**
 * Runs one {@code astrolabe} command line against Astrolabe's services. Every failure becomes
 * one line on stderr and an {@link ExitCode}; stack traces are printed only with {@code -v}.
 */
@Component(service = CommandLineRunner.class)
public final class CommandLineRunner {

    private final TapClientFactory tap;
    private final UwsJobManager jobs;
    private final DataLinkResolver dataLinks;
    private final CutoutService cutouts;
    private final DownloadManager downloads;
    private final SessionManager sessions;
    private final CredentialStore store;
    private final ArchiveCatalogue catalogue;
    private final ArchiveRecipes recipes;
    private final DalClient dal;
    private final NameResolver names;
    /** The terminal prompt for challenges, told each command line's terminal and --auth-order; may be null. */
    private final TerminalPrompt prompt;

    /** Without async jobs (tests of the synchronous commands). */
    CommandLineRunner(TapClientFactory tap) {
        this(tap, null);
    }

    /**
     * Without DataLink, SODA and downloads (tests of the TAP commands).
     *
     * @param tap the TAP client factory service
     * @param jobs the UWS job manager service
     */
    public CommandLineRunner(TapClientFactory tap, UwsJobManager jobs) {
        this(tap, jobs, null, null, null);
    }

    /**
     * @param tap the TAP client factory service
     * @param jobs the UWS job manager service
     * @param dataLinks the DataLink resolver service
     * @param cutouts the SODA cutout service
     * @param downloads the download manager service
     */
    public CommandLineRunner(TapClientFactory tap, UwsJobManager jobs, DataLinkResolver dataLinks,
            CutoutService cutouts, DownloadManager downloads) {
        this(tap, jobs, dataLinks, cutouts, downloads, null, null);
    }

    /** Without the archive services (tests of the login commands). */
    CommandLineRunner(TapClientFactory tap, UwsJobManager jobs, DataLinkResolver dataLinks,
            CutoutService cutouts, DownloadManager downloads, SessionManager sessions, CredentialStore store) {
        this(tap, jobs, dataLinks, cutouts, downloads, sessions, store, null, null, null, null);
    }

    /**
     * @param tap the TAP client factory service
     * @param jobs the UWS job manager service
     * @param dataLinks the DataLink resolver service
     * @param cutouts the SODA cutout service
     * @param downloads the download manager service
     * @param sessions the session manager service (logins)
     * @param store the credential store service (remembered logins)
     * @param catalogue the archive catalogue service
     * @param recipes the archive recipes service
     * @param dal the cone search and SIA client service
     * @param names the name resolver service
     */
    public CommandLineRunner(TapClientFactory tap, UwsJobManager jobs, DataLinkResolver dataLinks,
            CutoutService cutouts, DownloadManager downloads, SessionManager sessions, CredentialStore store,
            ArchiveCatalogue catalogue, ArchiveRecipes recipes, DalClient dal, NameResolver names) {
        this(tap, jobs, dataLinks, cutouts, downloads, sessions, store, catalogue, recipes, dal, names, null);
    }

    /**
     * Used by OSGi: all services, and the terminal prompt that answers 401 challenges.
     *
     * @param tap the TAP client factory service
     * @param jobs the UWS job manager service
     * @param dataLinks the DataLink resolver service
     * @param cutouts the SODA cutout service
     * @param downloads the download manager service
     * @param sessions the session manager service (logins)
     * @param store the credential store service (remembered logins)
     * @param catalogue the archive catalogue service
     * @param recipes the archive recipes service
     * @param dal the cone search and SIA client service
     * @param names the name resolver service
     * @param prompt the command line's terminal prompt service
     */
    @Activate
    public CommandLineRunner(@Reference TapClientFactory tap, @Reference UwsJobManager jobs,
            @Reference DataLinkResolver dataLinks, @Reference CutoutService cutouts,
            @Reference DownloadManager downloads, @Reference SessionManager sessions,
            @Reference CredentialStore store, @Reference ArchiveCatalogue catalogue,
            @Reference ArchiveRecipes recipes, @Reference DalClient dal, @Reference NameResolver names,
            @Reference TerminalPrompt prompt) {
        this.sessions = sessions;
        this.store = store;
        this.tap = tap;
        this.jobs = jobs;
        this.dataLinks = dataLinks;
        this.cutouts = cutouts;
        this.downloads = downloads;
        this.catalogue = catalogue;
        this.recipes = recipes;
        this.dal = dal;
        this.names = names;
        this.prompt = prompt;
    }

    /**
     * @param args the command line, without the program name
     * @param out where tables and results go
     * @param err where warnings and errors go
     * @return the exit code
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), Secrets.terminal(), out, err);
    }

    /**
     * @param args the command line, without the program name
     * @param environment the environment ({@code ASTROLABE_PASSWORD}, {@code ASTROLABE_CERT_PASSWORD}...)
     * @param out where tables and results go
     * @param err where warnings and errors go
     * @return the exit code
     */
    public int run(String[] args, java.util.Map<String, String> environment, PrintStream out, PrintStream err) {
        return run(args, environment, null, out, err);
    }

    private int run(String[] args, java.util.Map<String, String> environment, java.io.Console console,
            PrintStream out, PrintStream err) {
        CliContext context = new CliContext(tap, out, err);
        Secrets secrets = new Secrets(environment, console);
        CliAuth auth = new CliAuth(sessions, store, secrets);
        AutoCloseable[] promptUse = new AutoCloseable[1];
        context.useAuth(auth);
        context.useStore(store);
        context.useJobs(jobs);
        context.useDataLink(dataLinks, cutouts);
        context.useDownloads(downloads);
        context.useArchives(catalogue, recipes, dal, names);
        CommandLine line = new CommandLine(new AstrolabeCommand(context), new CommandFactory(context));
        Subcommands.add(line, AstrolabeCommand.SUBCOMMANDS, args);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler((ex, argv) -> {
            err.println("astrolabe: " + ex.getMessage());
            err.println("Try 'astrolabe " + commandPath(ex.getCommandLine()) + "--help' for usage.");
            return ExitCode.USAGE;
        });
        line.setExecutionExceptionHandler((ex, cmd, parsed) -> report(ex, context));
        line.setExecutionStrategy(parsed -> {
            try {
                CliContext parsedContext = ((AstrolabeCommand) parsed.commandSpec().userObject()).context();
                if (prompt != null) {
                    // a challenge met by this command line asks on its terminal, in its --auth-order
                    promptUse[0] = prompt.use(secrets, CliAuth.order(parsedContext.authOptions().preference()));
                }
                if (needsLogin(parsed)) {
                    parsedContext.authenticate();
                }
            } catch (Exception e) {
                return report(e, context);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        try {
            return line.execute(args);
        } finally {
            auth.logoutAll();
            if (promptUse[0] != null) {
                try {
                    promptUse[0].close();
                } catch (Exception cannot) {
                    // restoring a field
                }
            }
        }
    }

    /** Every command but login, logout and help logs in first when credentials are given or remembered. */
    private static boolean needsLogin(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return false;
            }
            String name = p.commandSpec().name();
            if (p != parsed && (name.equals("login") || name.equals("logout"))) {
                return false;
            }
        }
        return parsed.hasSubcommand();
    }

    private static String commandPath(CommandLine cmd) {
        StringBuilder path = new StringBuilder();
        for (CommandLine c = cmd; c != null && c.getParent() != null; c = c.getParent()) {
            path.insert(0, c.getCommandName() + " ");
        }
        return path.toString();
    }

    private static int report(Exception thrown, CliContext context) {
        PrintStream err = context.err();
        Exception ex = thrown instanceof CliContext.ResolutionFailure r ? (Exception) r.getCause() : thrown;
        if (ex instanceof AstrolabeException failure) {
            err.println("astrolabe: " + failure.getMessage());
            if (context.verbose() && failure.getCause() != null) {
                failure.getCause().printStackTrace(err);
            }
            return ExitCode.of(failure);
        }
        if (ex instanceof IllegalArgumentException bad) {
            err.println("astrolabe: " + bad.getMessage());
            return ExitCode.USAGE;
        }
        if (ex instanceof OperationCanceledException) {
            err.println("astrolabe: cancelled");
            return ExitCode.FAILURE;
        }
        if (ex instanceof java.io.IOException io) {
            err.println("astrolabe: " + io.getMessage());
            return ExitCode.FAILURE;
        }
        err.println("astrolabe: internal error: " + ex);
        ex.printStackTrace(err);
        return ExitCode.FAILURE;
    }
}
