package org.astrolabe.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.astrolabe.auth.ClientCertificate;
import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.CredentialStore;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.auth.RememberedLogin;
import org.astrolabe.auth.SessionManager;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.auth.AuthSession;
import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * The command line's side of logging in: credentials from {@code --user} (password from
 * {@code $ASTROLABE_PASSWORD} or the terminal), {@code --cert} (passphrase from
 * {@code $ASTROLABE_CERT_PASSWORD} or the terminal), {@code --token-file}, or a login remembered
 * in secure storage; one session per command line, logged out when the command ends.
 */
final class CliAuth {

    /** The global options of one command line. */
    record Options(String user, Path cert, Path tokenFile, Path caCerts, URI loginUrl, List<String> preference) {
        boolean anyCredentials() {
            return user != null || cert != null || tokenFile != null;
        }
    }

    private final SessionManager sessions;
    private final CredentialStore store;
    private final Secrets secrets;
    private final List<URI> loggedIn = new ArrayList<>();
    /** What was used, to remember it after {@code login --remember}. */
    private RememberedLogin lastLogin;

    CliAuth(SessionManager sessions, CredentialStore store, Secrets secrets) {
        this.sessions = sessions;
        this.store = store;
        this.secrets = secrets;
    }

    boolean available() {
        return sessions != null;
    }

    /**
     * Logs in to {@code service} with the options' credentials, or with the login remembered for
     * it; does nothing when there are neither.
     *
     * @return the session, if one was made
     */
    Optional<AuthSession> login(URI service, Options options, CliContext context) throws AstrolabeException {
        return login(service, options, java.util.Set.of(), context);
    }

    /**
     * As {@link #login(URI, Options, CliContext)}, for an archive whose other services (DataLink,
     * login endpoint) live on further origins that share the session.
     */
    Optional<AuthSession> login(URI service, Options options, java.util.Set<org.astrolabe.core.auth.Origin> alsoFor,
            CliContext context) throws AstrolabeException {
        if (sessions == null) {
            if (options.anyCredentials()) {
                throw new IllegalStateException("logins are not available in this installation");
            }
            return Optional.empty();
        }
        Optional<Credentials> credentials = explicit(options, context);
        if (credentials.isEmpty() && store != null) {
            Optional<RememberedLogin> remembered = store.load(service);
            if (remembered.isPresent()) {
                context.info("using the login remembered for " + service);
                credentials = Optional.of(fromRemembered(remembered.get(), context));
                lastLogin = remembered.get();
            }
        }
        if (credentials.isEmpty()) {
            if (options.caCerts() != null) {
                trustOnly(service, alsoFor, options.caCerts());
            }
            return Optional.empty();
        }
        LoginOptions login = loginOptions(options);
        if (!alsoFor.isEmpty()) {
            java.util.Set<org.astrolabe.core.auth.Origin> origins = new java.util.LinkedHashSet<>(login.extraOrigins());
            origins.addAll(alsoFor);
            login = new LoginOptions(login.preference(), login.trustStore(), origins, login.loginUrl());
        }
        AuthSession session = sessions.login(service, credentials.get(), login, new NullProgressMonitor());
        loggedIn.add(service);
        context.info("logged in to " + service + " (" + describe(session) + ")");
        return Optional.of(session);
    }

    /**
     * {@code --ca-certs} without credentials: the archive's origins trust the CA, and a challenge
     * answered later (a certificate asked for on the terminal) keeps that trust.
     */
    private void trustOnly(URI service, java.util.Set<org.astrolabe.core.auth.Origin> alsoFor, Path caCerts)
            throws CredentialException {
        KeyStore store = trustStore(caCerts);
        javax.net.ssl.SSLContext tls;
        try {
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            tls = org.astrolabe.core.auth.ClientTlsContext.create(null, tmf.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new CredentialException("Cannot use the CA certificates in " + caCerts + ": " + e.getMessage(),
                    caCerts.toUri());
        }
        URI archive = org.astrolabe.auth.ServiceUrls.normalise(service);
        java.util.Set<org.astrolabe.core.auth.Origin> origins = new java.util.LinkedHashSet<>(alsoFor);
        origins.add(org.astrolabe.core.auth.Origin.of(archive));
        sessions.adopt(new org.astrolabe.auth.ArchiveSession(archive, origins, "", List.of(), Optional.of(tls)));
        loggedIn.add(service);
    }

    /**
     * @param names the {@code --auth-order} names (certificate, token, cookie, basic), or {@code null}
     * @return the IVOA SSO ids in that order; empty when none are given
     * @throws IllegalArgumentException on an unknown name
     */
    static List<String> order(List<String> names) {
        List<String> order = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            order.add(switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "certificate", "cert" -> LoginOptions.CERTIFICATE;
                case "token" -> LoginOptions.TOKEN;
                case "cookie" -> LoginOptions.COOKIE;
                case "basic" -> LoginOptions.BASIC;
                default -> throw new IllegalArgumentException("unknown security method '" + name
                        + "' (certificate, token, cookie, basic)");
            });
        }
        return order;
    }

    static String describe(AuthSession session) {
        return switch (session.securityMethod()) {
            case LoginOptions.CERTIFICATE -> "client certificate";
            case LoginOptions.COOKIE -> "login cookie";
            case LoginOptions.TOKEN -> "bearer token";
            case LoginOptions.BASIC -> "HTTP Basic";
            default -> "HTTP Basic when the service asks";
        };
    }

    /** Ends every session this command line made (the process may live on, e.g. in tests). */
    void logoutAll() {
        if (sessions != null) {
            loggedIn.forEach(sessions::logout);
        }
        loggedIn.clear();
    }

    RememberedLogin lastLogin() {
        return lastLogin;
    }

    private Optional<Credentials> explicit(Options options, CliContext context) throws AstrolabeException {
        int given = (options.user() != null ? 1 : 0) + (options.cert() != null ? 1 : 0)
                + (options.tokenFile() != null ? 1 : 0);
        if (given > 1) {
            throw new IllegalArgumentException("give only one of --user, --cert and --token-file");
        }
        if (options.user() != null) {
            char[] password = secrets.secret("ASTROLABE_PASSWORD", "Password for " + options.user() + ": ")
                    .orElseThrow(() -> new CredentialException("No password for " + options.user()
                            + ": set ASTROLABE_PASSWORD or run on a terminal to be asked", null));
            Credentials.Password p = new Credentials.Password(options.user(), password);
            lastLogin = new RememberedLogin(RememberedLogin.Kind.PASSWORD, options.user(), password, Optional.empty());
            java.util.Arrays.fill(password, '\0');
            return Optional.of(p);
        }
        if (options.cert() != null) {
            Path file = options.cert().toAbsolutePath();
            char[] passphrase = certificatePassphrase(file);
            ClientCertificate cert = ClientCertificate.read(file, passphrase);
            cert.checkValidity(Instant.now()).ifPresent(context::warn);
            lastLogin = new RememberedLogin(RememberedLogin.Kind.CERTIFICATE, "", passphrase, Optional.of(file));
            return Optional.of(new Credentials.Certificate(cert));
        }
        if (options.tokenFile() != null) {
            String token;
            try {
                token = Files.readString(options.tokenFile(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new CredentialException("Cannot read the token file " + options.tokenFile(), null);
            }
            if (token.isEmpty() || token.chars().anyMatch(c -> c <= ' ')) {
                throw new CredentialException("The token file " + options.tokenFile()
                        + " must hold one token on one line", null);
            }
            lastLogin = new RememberedLogin(RememberedLogin.Kind.TOKEN, "", token.toCharArray(), Optional.empty());
            return Optional.of(new Credentials.Token(token));
        }
        return Optional.empty();
    }

    /** PEM keys are usually unencrypted: ask only when the file needs a passphrase. */
    private char[] certificatePassphrase(Path file) throws CredentialException {
        Optional<String> env = secrets.env("ASTROLABE_CERT_PASSWORD");
        if (env.isPresent()) {
            return env.get().toCharArray();
        }
        if (!needsPassphrase(file)) {
            return null;
        }
        return secrets.secret("ASTROLABE_CERT_PASSWORD", "Passphrase for " + file.getFileName() + ": ")
                .orElseThrow(() -> new CredentialException("The certificate file " + file + " needs a passphrase: "
                        + "set ASTROLABE_CERT_PASSWORD or run on a terminal to be asked", file.toUri()));
    }

    private static boolean needsPassphrase(Path file) {
        try {
            String head = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            return !head.contains("-----BEGIN ") || head.contains("ENCRYPTED");
        } catch (IOException e) {
            return false; // reading it again will report the problem
        }
    }

    private Credentials fromRemembered(RememberedLogin r, CliContext context) throws AstrolabeException {
        return switch (r.kind()) {
            case PASSWORD -> new Credentials.Password(r.user(), r.secret());
            case TOKEN -> new Credentials.Token(new String(r.secret()));
            case CERTIFICATE -> {
                char[] secret = r.secret();
                ClientCertificate cert = ClientCertificate.read(r.certificate().orElseThrow(),
                        secret.length == 0 ? null : secret);
                cert.checkValidity(Instant.now()).ifPresent(context::warn);
                yield new Credentials.Certificate(cert);
            }
        };
    }

    private static LoginOptions loginOptions(Options options) throws CredentialException {
        LoginOptions o = LoginOptions.defaults();
        List<String> order = order(options.preference());
        if (!order.isEmpty()) {
            o = o.withPreference(order);
        }
        if (options.caCerts() != null) {
            o = o.withTrustStore(trustStore(options.caCerts()));
        }
        if (options.loginUrl() != null) {
            o = new LoginOptions(o.preference(), o.trustStore(), o.extraOrigins(), Optional.of(options.loginUrl()));
        }
        return o;
    }

    /** A trust store of the CA certificates in a PEM (or DER) file. */
    static KeyStore trustStore(Path file) throws CredentialException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new CredentialException("No CA certificate in " + file, file.toUri());
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new CredentialException("Cannot read CA certificates from " + file + ": " + e.getMessage(),
                    file.toUri());
        }
    }
}
