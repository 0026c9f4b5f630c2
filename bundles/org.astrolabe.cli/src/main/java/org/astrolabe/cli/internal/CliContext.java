package org.astrolabe.cli.internal;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.uws.UwsJobManager;

/** What every command needs: the services, the streams, and the global options once parsed. */
final class CliContext {

    private final TapClientFactory tap;
    private final PrintStream out;
    private final PrintStream err;
    private String service;
    private Integer timeoutSeconds;
    private boolean verbose;
    private boolean quiet;

    CliContext(TapClientFactory tap, PrintStream out, PrintStream err) {
        this.tap = tap;
        this.out = out;
        this.err = err;
    }

    void configure(String service, Integer timeoutSeconds, boolean verbose, boolean quiet) {
        this.service = service;
        this.timeoutSeconds = timeoutSeconds;
        this.verbose = verbose;
        this.quiet = quiet;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    boolean verbose() {
        return verbose;
    }

    boolean quiet() {
        return quiet;
    }

    /** Prints a warning on stderr unless {@code -q} was given. */
    void warn(String message) {
        if (!quiet) {
            err.println("astrolabe: warning: " + message);
        }
    }

    /** Prints a progress note on stderr with {@code -v}. */
    void info(String message) {
        if (verbose) {
            err.println("astrolabe: " + message);
        }
    }

    /**
     * @return a TAP client for {@code --service} (or {@code $ASTROLABE_SERVICE})
     * @throws IllegalArgumentException when no service was given or it is not a URL
     */
    TapClient tapClient() {
        URI uri = serviceUri().orElseThrow(() -> new IllegalArgumentException("no service given: use --service URL "
                + "(e.g. --service https://example.org/tap) or set ASTROLABE_SERVICE"));
        if (timeoutSeconds == null) {
            return tap.create(uri);
        }
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--timeout must be a positive number of seconds: " + timeoutSeconds);
        }
        return tap.create(uri, TransportSettings.defaults().withTimeout(Duration.ofSeconds(timeoutSeconds)));
    }

    /**
     * @return {@code --service} (or {@code $ASTROLABE_SERVICE}) as a URL, if given
     * @throws IllegalArgumentException when it is not an http(s) URL
     */
    java.util.Optional<URI> serviceUri() {
        String s = service != null ? service : System.getenv("ASTROLABE_SERVICE");
        if (s == null || s.isBlank()) {
            return java.util.Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(s.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid service URL: " + s);
        }
        if (catalogue != null && (uri.getScheme() == null || "ivo".equalsIgnoreCase(uri.getScheme()))) {
            try {
                uri = archive().tap(); // a preset or saved name, or an ivo:// identifier
            } catch (org.astrolabe.core.AstrolabeException e) {
                throw new ResolutionFailure(e);
            }
        }
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException("unknown service '" + s + "': give the TAP service's base URL "
                    + "(http:// or https://)");
        }
        return java.util.Optional.of(uri);
    }

    private CliAuth auth;
    private CliAuth.Options authOptions = new CliAuth.Options(null, null, null, null, null, null);

    /** @param logins the command line's login helper */
    void useAuth(CliAuth logins) {
        this.auth = logins;
    }

    /** @param options {@code --user}, {@code --cert}, {@code --token-file} and friends */
    void configureAuth(CliAuth.Options options) {
        this.authOptions = options;
    }

    CliAuth auth() {
        return auth;
    }

    private org.astrolabe.auth.CredentialStore store;

    /** @param credentials the credential store service for login --remember and logout */
    void useStore(org.astrolabe.auth.CredentialStore credentials) {
        this.store = credentials;
    }

    /** @throws IllegalStateException when this runner was made without secure storage */
    org.astrolabe.auth.CredentialStore rememberedStore() {
        if (store == null) {
            throw new IllegalStateException("secure storage is not available in this installation");
        }
        return store;
    }

    CliAuth.Options authOptions() {
        return authOptions;
    }

    /**
     * Logs in to the service with the given or remembered credentials, before the command runs.
     *
     * @throws IllegalArgumentException when credentials are given without a service
     * @throws org.astrolabe.core.AstrolabeException when the login fails
     */
    void authenticate() throws org.astrolabe.core.AstrolabeException {
        java.util.Optional<URI> target = serviceUri();
        if (target.isEmpty()) {
            if (authOptions.anyCredentials()) {
                throw new IllegalArgumentException("--user, --cert and --token-file need --service S (the archive "
                        + "to log in to)");
            }
            return;
        }
        if (auth == null) {
            return;
        }
        if (resolved == null) {
            auth.login(target.get(), authOptions, this);
            return;
        }
        // A named archive: one session for all its services, and its own login endpoint by default.
        java.util.Set<org.astrolabe.core.auth.Origin> others = new java.util.LinkedHashSet<>();
        for (URI u : new URI[] {resolved.dataLink(), resolved.login()}) {
            if (u != null && u.getHost() != null) {
                others.add(org.astrolabe.core.auth.Origin.of(u));
            }
        }
        CliAuth.Options options = authOptions.loginUrl() != null || resolved.login() == null ? authOptions
                : new CliAuth.Options(authOptions.user(), authOptions.cert(), authOptions.tokenFile(),
                        authOptions.caCerts(), resolved.login(), authOptions.preference());
        auth.login(target.get(), options, others, this);
    }

    private UwsJobManager jobs;
    /** The job manager with the --timeout settings, made once per command line. */
    private UwsJobManager timedJobs;

    /** @param manager the UWS job manager service for {@code query --async}, {@code jobs} and {@code job} */
    void useJobs(UwsJobManager manager) {
        this.jobs = manager;
    }

    /**
     * @return the UWS job manager
     * @throws IllegalStateException when this runner was made without one
     */
    UwsJobManager jobs() {
        if (jobs == null) {
            throw new IllegalStateException("async jobs are not available in this installation");
        }
        if (timedJobs == null) {
            timedJobs = timed().map(jobs::withSettings).orElse(jobs);
        }
        return timedJobs;
    }

    /**
     * @return the transport settings of {@code --timeout} (connect and read time-outs), or empty
     *         without it: every service a command uses gets them
     * @throws IllegalArgumentException when the time-out is not positive
     */
    java.util.Optional<TransportSettings> timed() {
        if (timeoutSeconds == null) {
            return java.util.Optional.empty();
        }
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--timeout must be a positive number of seconds: " + timeoutSeconds);
        }
        return java.util.Optional.of(TransportSettings.defaults().withTimeout(Duration.ofSeconds(timeoutSeconds)));
    }

    private org.astrolabe.datalink.DataLinkResolver dataLinks;
    private org.astrolabe.datalink.soda.CutoutService cutouts;
    /** The resolver and cutout service with the --timeout settings, made once per command line. */
    private org.astrolabe.datalink.DataLinkResolver timedDataLinks;
    private org.astrolabe.datalink.soda.CutoutService timedCutouts;

    /**
     * For {@code links} and {@code cutout}.
     *
     * @param resolver the DataLink resolver service, or {@code null}
     * @param cutoutService the SODA cutout service, or {@code null}
     */
    void useDataLink(org.astrolabe.datalink.DataLinkResolver resolver,
            org.astrolabe.datalink.soda.CutoutService cutoutService) {
        this.dataLinks = resolver;
        this.cutouts = cutoutService;
    }

    /** @throws IllegalStateException when this runner was made without DataLink */
    org.astrolabe.datalink.DataLinkResolver dataLinks() {
        if (dataLinks == null) {
            throw new IllegalStateException("DataLink is not available in this installation");
        }
        if (timedDataLinks == null) {
            timedDataLinks = timed().map(dataLinks::withSettings).orElse(dataLinks);
        }
        return timedDataLinks;
    }

    /** @throws IllegalStateException when this runner was made without SODA */
    org.astrolabe.datalink.soda.CutoutService cutouts() {
        if (cutouts == null) {
            throw new IllegalStateException("SODA cutouts are not available in this installation");
        }
        if (timedCutouts == null) {
            timedCutouts = timed().map(cutouts::withSettings).orElse(cutouts);
        }
        return timedCutouts;
    }

    private org.astrolabe.datalink.download.DownloadManager downloads;
    /** The download manager with the --timeout settings, made once per command line. */
    private org.astrolabe.datalink.download.DownloadManager timedDownloads;

    /** @param manager the download manager service for {@code download} */
    void useDownloads(org.astrolabe.datalink.download.DownloadManager manager) {
        this.downloads = manager;
    }

    /**
     * @return the download manager
     * @throws IllegalStateException when this runner was made without one
     */
    org.astrolabe.datalink.download.DownloadManager downloads() {
        if (downloads == null) {
            throw new IllegalStateException("downloads are not available in this installation");
        }
        if (timedDownloads == null) {
            timedDownloads = timed().map(downloads::withSettings).orElse(downloads);
        }
        return timedDownloads;
    }

    // ---- archives (issue 6): catalogue, recipes, cone search / SIA, name resolution

    /** Carries a failure to resolve {@code --service} out of methods that throw no checked exception. */
    static final class ResolutionFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ResolutionFailure(org.astrolabe.core.AstrolabeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private org.astrolabe.archive.ArchiveCatalogue catalogue;
    private org.astrolabe.archive.ArchiveRecipes recipes;
    private org.astrolabe.archive.dal.DalClient dal;
    private org.astrolabe.archive.dal.NameResolver names;
    private String registry;
    private org.astrolabe.archive.ResolvedArchive resolved;

    /** For the archive commands; any argument may be {@code null}. */
    void useArchives(org.astrolabe.archive.ArchiveCatalogue archiveCatalogue,
            org.astrolabe.archive.ArchiveRecipes archiveRecipes, org.astrolabe.archive.dal.DalClient dalClient,
            org.astrolabe.archive.dal.NameResolver nameResolver) {
        this.catalogue = archiveCatalogue;
        this.recipes = archiveRecipes;
        this.dal = dalClient;
        this.names = nameResolver;
    }

    /** @param url {@code --registry}, or {@code null} for {@code $ASTROLABE_REGISTRY} or the archive's own */
    void useRegistry(String url) {
        this.registry = url;
    }

    /** @throws IllegalStateException when this runner was made without the archive catalogue */
    org.astrolabe.archive.ArchiveCatalogue catalogue() {
        if (catalogue == null) {
            throw new IllegalStateException("the archive catalogue is not available in this installation");
        }
        return catalogue;
    }

    private org.astrolabe.archive.ArchiveRecipes timedRecipes;
    private org.astrolabe.archive.dal.DalClient timedDal;

    /**
     * @return the archive recipes with the --timeout settings (made once per command line)
     * @throws IllegalStateException when this runner was made without the archive recipes
     */
    org.astrolabe.archive.ArchiveRecipes recipes() {
        if (recipes == null) {
            throw new IllegalStateException("the archive recipes are not available in this installation");
        }
        if (timedRecipes == null) {
            timedRecipes = timed().map(recipes::withSettings).orElse(recipes);
        }
        return timedRecipes;
    }

    /**
     * @return cone search and SIA with the --timeout settings (made once per command line)
     * @throws IllegalStateException when this runner was made without cone search and SIA
     */
    org.astrolabe.archive.dal.DalClient dal() {
        if (dal == null) {
            throw new IllegalStateException("cone search and SIA are not available in this installation");
        }
        if (timedDal == null) {
            timedDal = timed().map(dal::withSettings).orElse(dal);
        }
        return timedDal;
    }

    /** @return the Sesame resolver, or {@code null} when not installed */
    org.astrolabe.archive.dal.NameResolver names() {
        return names;
    }

    /**
     * @return the archive {@code --service} names (preset, saved, URL or ivo:// identifier), resolved
     * @throws IllegalArgumentException when no service was given or it is unknown
     */
    org.astrolabe.archive.ResolvedArchive archive() throws org.astrolabe.core.AstrolabeException {
        if (resolved != null) {
            return resolved;
        }
        String s = service != null ? service : System.getenv("ASTROLABE_SERVICE");
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("no service given: use --service NAME|URL|ivo://... (see 'astrolabe "
                    + "services') or set ASTROLABE_SERVICE");
        }
        org.astrolabe.archive.Archive a = catalogue().lookup(s);
        String reg = registry != null ? registry : System.getenv("ASTROLABE_REGISTRY");
        URI regUri = null;
        if (reg != null && !reg.isBlank()) {
            try {
                regUri = new URI(reg.strip());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a valid registry URL: " + reg);
            }
        }
        info("resolving " + a.name() + (a.tap().isIvoId() ? " (" + a.tap() + ")" : ""));
        resolved = catalogue().resolve(a, regUri, new org.eclipse.core.runtime.NullProgressMonitor());
        info("TAP " + resolved.tap() + (resolved.dataLink() == null ? "" : ", DataLink " + resolved.dataLink()));
        return resolved;
    }
}
