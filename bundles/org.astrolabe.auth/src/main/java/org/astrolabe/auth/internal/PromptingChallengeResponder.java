package org.astrolabe.auth.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;

import org.astrolabe.auth.ArchiveSession;
import org.astrolabe.auth.ClientCertificate;
import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.CredentialPrompt;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.auth.AuthChallenge;
import org.astrolabe.core.auth.AuthSession;
import org.astrolabe.core.auth.ChallengeResponder;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.auth.SessionRegistry;
import org.astrolabe.core.http.HttpTransport;
import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Answers 401 challenges. A password held for HTTP Basic ({@link PendingBasicSession}) answers a
 * Basic challenge without asking anyone. Otherwise the {@link CredentialPrompt} (the UI's dialog,
 * the command line's terminal prompt) is asked, for the first of its
 * {@link CredentialPrompt#preference() preferred methods} that a challenge offers: a client
 * certificate file for {@code ivoa_x509} (https only), or a user name and password, which go to
 * the login endpoint named by an {@code ivoa_bearer}/{@code ivoa_cookie} challenge's
 * {@code access_url}, or as HTTP Basic. Credentials that were sent and refused are not retried.
 */
@Component(service = ChallengeResponder.class)
public final class PromptingChallengeResponder implements ChallengeResponder {

    private final SessionRegistry sessions;
    private final Clock clock;
    private record Ranked(CredentialPrompt prompt, int ranking) {
    }

    private final List<Ranked> prompts = new CopyOnWriteArrayList<>();

    /** @param sessions the session registry service */
    @Activate
    public PromptingChallengeResponder(@Reference SessionRegistry sessions) {
        this(sessions, Clock.systemUTC());
    }

    /** For tests: a fixed clock for certificate validity. */
    PromptingChallengeResponder(SessionRegistry sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * @param prompt a prompt service; the one with the highest {@code service.ranking} is asked
     *        (the UI's dialog before the terminal)
     * @param properties its service properties
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addPrompt(CredentialPrompt prompt, java.util.Map<String, Object> properties) {
        Object rank = properties.get("service.ranking");
        prompts.add(new Ranked(prompt, rank instanceof Integer i ? i : 0));
    }

    /** @param prompt a prompt for tests, ranked 0 */
    public void addUnrankedPrompt(CredentialPrompt prompt) {
        addPrompt(prompt, java.util.Map.of());
    }

    /** @param prompt a prompt service that went away */
    public void removePrompt(CredentialPrompt prompt) {
        prompts.removeIf(r -> r.prompt() == prompt);
    }

    private Optional<CredentialPrompt> bestPrompt() {
        return prompts.stream().max(java.util.Comparator.comparingInt(Ranked::ranking)).map(Ranked::prompt);
    }

    @Override
    public Optional<AuthSession> respond(URI uri, List<AuthChallenge> challenges, Optional<AuthSession> current,
            HttpTransport transport, IProgressMonitor monitor) throws AstrolabeException {
        Optional<AuthChallenge> basic = challenges.stream().filter(c -> c.scheme().equals(AuthChallenge.BASIC))
                .findFirst();
        if (current.isPresent() && current.get() instanceof PendingBasicSession pending) {
            if (basic.isEmpty()) {
                return Optional.empty();
            }
            AuthSession session = pending.basic();
            sessions.register(session);
            return Optional.of(session);
        }
        if (current.isPresent() && (!current.get().credentialHeaders().isEmpty()
                || current.get().securityMethod().equals(LoginOptions.CERTIFICATE))) {
            return Optional.empty(); // refused: asking again would only loop
        }
        Optional<CredentialPrompt> prompt = bestPrompt();
        if (prompt.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AuthChallenge> offered = offered(challenges);
        Optional<String> method = prompt.get().preference().stream().filter(offered::containsKey).findFirst();
        if (method.isEmpty()) {
            return Optional.empty();
        }
        if (method.get().equals(LoginOptions.CERTIFICATE)) {
            return Optional.of(certificate(uri, offered.get(LoginOptions.CERTIFICATE), current, prompt.get()));
        }
        AuthChallenge chosen = offered.get(method.get());
        boolean login = !chosen.scheme().equals(AuthChallenge.BASIC);
        String realm = login ? "login" : chosen.param("realm").orElse("");
        Optional<Credentials.Password> answer = prompt.get().askPassword(uri, realm);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        Set<Origin> origins = Set.of(Origin.of(uri));
        URI archive = URI.create(Origin.of(uri).toString());
        Optional<javax.net.ssl.SSLContext> tls = current.flatMap(AuthSession::sslContext);
        AuthSession session;
        if (login) {
            URI loginUrl = URI.create(chosen.param("access_url").orElseThrow());
            String token = UmsLogin.login(transport, loginUrl, answer.get(), monitor);
            session = new ArchiveSession(archive, origins, LoginOptions.COOKIE,
                    UmsLogin.headers(token, chosen.scheme().equals(AuthChallenge.IVOA_BEARER)), tls);
        } else {
            session = PendingBasicSession.basicSession(archive, origins, answer.get(), tls);
        }
        sessions.register(session);
        return Optional.of(session);
    }

    /** The security methods the challenges allow, each with the first challenge that offers it. */
    static Map<String, AuthChallenge> offered(List<AuthChallenge> challenges) {
        Map<String, AuthChallenge> offered = new LinkedHashMap<>();
        for (AuthChallenge c : challenges) {
            String method = switch (c.scheme()) {
                case AuthChallenge.BASIC -> LoginOptions.BASIC;
                case AuthChallenge.IVOA_X509 -> LoginOptions.CERTIFICATE;
                case AuthChallenge.IVOA_BEARER, AuthChallenge.IVOA_COOKIE -> isUmsLogin(c)
                        ? c.scheme().equals(AuthChallenge.IVOA_BEARER) ? LoginOptions.TOKEN : LoginOptions.COOKIE
                        : null;
                default -> null;
            };
            if (method != null) {
                offered.putIfAbsent(method, c);
            }
        }
        // A login endpoint gives one token, usable as a cookie and as a bearer token: either challenge serves both.
        if (offered.containsKey(LoginOptions.TOKEN) != offered.containsKey(LoginOptions.COOKIE)) {
            AuthChallenge any = offered.getOrDefault(LoginOptions.TOKEN, offered.get(LoginOptions.COOKIE));
            offered.putIfAbsent(LoginOptions.TOKEN, any);
            offered.putIfAbsent(LoginOptions.COOKIE, any);
        }
        return offered;
    }

    private static boolean isUmsLogin(AuthChallenge c) {
        return c.param("standard_id").map(LoginOptions.UMS_LOGIN::equalsIgnoreCase).orElse(false)
                && c.param("access_url").isPresent();
    }

    /**
     * Answers {@code ivoa_x509}: the prompt names a certificate file (and its passphrase when it
     * needs one), which becomes the TLS client certificate of the origin's session (keeping the
     * trust of the session in use). Only over https: a certificate cannot travel over plain HTTP.
     */
    private AuthSession certificate(URI uri, AuthChallenge challenge, Optional<AuthSession> current,
            CredentialPrompt prompt) throws AstrolabeException {
        Origin origin = Origin.of(uri);
        // IVOA SSO 2 (AuthVO): access_url with standard_id says where a suitable certificate can be had.
        String source = challenge.param("access_url").map(u -> "the service says a certificate can be had from " + u
                + challenge.param("standard_id").map(s -> " (" + s + ")").orElse("")).orElse("");
        if (!origin.scheme().equals("https")) {
            throw new AuthenticationException(origin + " asks for a client certificate (ivoa_x509), but a certificate "
                    + "can only be sent over https: use the service's https URL" + (source.isEmpty() ? "" : "; "
                    + source) + ".", uri, false);
        }
        CredentialPrompt.CertificateFile answer = prompt.askCertificate(uri, source).orElseThrow(
                () -> new AuthenticationException(origin + " requires a client certificate, and none was given.", uri,
                        false));
        Path file = answer.file();
        char[] passphrase = answer.passphrase();
        ClientCertificate certificate;
        try {
            if (passphrase == null && ClientCertificate.needsPassphrase(file)) {
                throw new CredentialException("The certificate file " + file + " needs a passphrase, and none was "
                        + "given.", file.toUri());
            }
            certificate = ClientCertificate.read(file, passphrase);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
        certificate.checkValidity(clock.instant());
        SSLContext tls = Tls.withCertificate(certificate, current.flatMap(AuthSession::sslContext));
        URI archive = current.map(AuthSession::archive).orElse(URI.create(origin.toString()));
        Set<Origin> origins = current.map(AuthSession::origins).orElse(Set.of(origin));
        AuthSession session = new ArchiveSession(archive, origins, LoginOptions.CERTIFICATE, List.of(),
                Optional.of(tls));
        sessions.register(session);
        return session;
    }
}
