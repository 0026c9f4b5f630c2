package org.astrolabe.auth.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.astrolabe.auth.ArchiveSession;
import org.astrolabe.auth.CredentialPrompt;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.core.AstrolabeException;
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
 * the command line's terminal prompt) is asked for a user name and password, which go to the
 * login endpoint named by an {@code ivoa_bearer}/{@code ivoa_cookie} challenge's
 * {@code access_url}, or as HTTP Basic. Credentials that were sent and refused are not retried.
 */
@Component(service = ChallengeResponder.class)
public final class PromptingChallengeResponder implements ChallengeResponder {

    private final SessionRegistry sessions;
    private record Ranked(CredentialPrompt prompt, int ranking) {
    }

    private final List<Ranked> prompts = new CopyOnWriteArrayList<>();

    /** @param sessions the session registry service */
    @Activate
    public PromptingChallengeResponder(@Reference SessionRegistry sessions) {
        this.sessions = sessions;
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
        if (current.isPresent() && !current.get().credentialHeaders().isEmpty()) {
            return Optional.empty(); // refused: asking again would only loop
        }
        Optional<AuthChallenge> login = challenges.stream()
                .filter(c -> c.scheme().equals(AuthChallenge.IVOA_BEARER) || c.scheme().equals(AuthChallenge.IVOA_COOKIE))
                .filter(c -> c.param("standard_id").map(LoginOptions.UMS_LOGIN::equalsIgnoreCase).orElse(false)
                        && c.param("access_url").isPresent())
                .findFirst();
        Optional<CredentialPrompt> prompt = bestPrompt();
        if ((basic.isEmpty() && login.isEmpty()) || prompt.isEmpty()) {
            return Optional.empty();
        }
        String realm = basic.flatMap(b -> b.param("realm")).orElse(login.isPresent() ? "login" : "");
        Optional<Credentials.Password> answer = prompt.get().askPassword(uri, realm);
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        Set<Origin> origins = Set.of(Origin.of(uri));
        URI archive = URI.create(Origin.of(uri).toString());
        Optional<javax.net.ssl.SSLContext> tls = current.flatMap(AuthSession::sslContext);
        AuthSession session;
        if (login.isPresent()) {
            URI loginUrl = URI.create(login.get().param("access_url").orElseThrow());
            String token = UmsLogin.login(transport, loginUrl, answer.get(), monitor);
            session = new ArchiveSession(archive, origins, LoginOptions.COOKIE,
                    UmsLogin.headers(token, login.get().scheme().equals(AuthChallenge.IVOA_BEARER)), tls);
        } else {
            session = PendingBasicSession.basicSession(archive, origins, answer.get(), tls);
        }
        sessions.register(session);
        return Optional.of(session);
    }
}
