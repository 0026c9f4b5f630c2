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
        if (auth != null) {
            auth.login(target.get(), authOptions, this);
        }
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
        if (timeoutSeconds == null) {
            return jobs;
        }
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--timeout must be a positive number of seconds: " + timeoutSeconds);
        }
        if (timedJobs == null) {
            timedJobs = jobs.withSettings(TransportSettings.defaults().withTimeout(Duration.ofSeconds(timeoutSeconds)));
        }
        return timedJobs;
    }

    private org.astrolabe.datalink.DataLinkResolver dataLinks;
    private org.astrolabe.datalink.soda.CutoutService cutouts;

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
        return dataLinks;
    }

    /** @throws IllegalStateException when this runner was made without SODA */
    org.astrolabe.datalink.soda.CutoutService cutouts() {
        if (cutouts == null) {
            throw new IllegalStateException("SODA cutouts are not available in this installation");
        }
        return cutouts;
    }

    private org.astrolabe.datalink.download.DownloadManager downloads;

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
        return downloads;
    }
}
