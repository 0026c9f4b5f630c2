package org.astrolabe.auth.internal;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.astrolabe.auth.ArchiveSession;
import org.astrolabe.auth.ClientCertificate;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.auth.ServiceUrls;
import org.astrolabe.auth.SessionManager;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.ServiceFailureException;
import org.astrolabe.core.auth.AuthSession;
import org.astrolabe.core.auth.Origin;
import org.astrolabe.core.auth.SessionRegistry;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.vosi.Capabilities;
import org.astrolabe.core.vosi.CapabilitiesReader;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link SessionManager} over core's session registry and HTTP transport. */
@Component(service = SessionManager.class)
public final class DefaultSessionManager implements SessionManager {

    private final HttpTransport transport;
    private final SessionRegistry sessions;
    private final Clock clock;

    /**
     * @param transport the HTTP transport service (it consults {@code sessions})
     * @param sessions the session registry service
     */
    @Activate
    public DefaultSessionManager(@Reference HttpTransport transport, @Reference SessionRegistry sessions) {
        this(transport, sessions, Clock.systemUTC());
    }

    /** For tests: a fixed clock for certificate validity. */
    DefaultSessionManager(HttpTransport transport, SessionRegistry sessions, Clock clock) {
        this.transport = transport;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public AuthSession login(URI service, Credentials credentials, LoginOptions options, IProgressMonitor monitor)
            throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, 3);
        URI archive = ServiceUrls.normalise(service);
        Optional<ClientCertificate> certificate = credentials instanceof Credentials.Certificate c
                ? Optional.of(c.certificate()) : Optional.empty();
        if (certificate.isPresent()) {
            certificate.get().checkValidity(clock.instant());
        }
        Optional<SSLContext> tls = Tls.context(certificate, options.trustStore());
        // Until negotiation is done, only the TLS context (private trust, certificate) is used, for
        // the service's own origin; it goes again if the login fails.
        Optional<AuthSession> provisional = tls.map(t -> new ArchiveSession(archive, Set.of(Origin.of(archive)), "",
                List.of(), tls));
        provisional.ifPresent(sessions::register);
        AuthSession session;
        try {
            session = negotiate(archive, credentials, options, tls, sub);
        } catch (AstrolabeException | RuntimeException e) {
            provisional.ifPresent(sessions::remove);
            throw e;
        }
        sessions.register(session);
        sub.done();
        return session;
    }

    private AuthSession negotiate(URI archive, Credentials credentials, LoginOptions options,
            Optional<SSLContext> tls, SubMonitor sub) throws AstrolabeException {
        Capabilities capabilities = capabilities(archive, sub.split(1));
        Negotiator.Plan plan = Negotiator.choose(archive, capabilities, credentials, options);
        return switch (credentials) {
            case Credentials.Certificate c -> new ArchiveSession(archive, plan.origins(), plan.method(), List.of(), tls);
            case Credentials.Token t -> new ArchiveSession(archive, plan.origins(), plan.method(),
                    List.of(new HttpRequest.Parameter("Authorization", "Bearer " + t.token())), tls);
            case Credentials.Cookie k -> new ArchiveSession(archive, plan.origins(), plan.method(),
                    List.of(new HttpRequest.Parameter("Cookie", k.name() + "=" + k.value())), tls);
            case Credentials.Password p -> {
                if (plan.basicOnChallenge()) {
                    yield new PendingBasicSession(archive, plan.origins(), p, tls);
                }
                if (plan.method().equals(LoginOptions.BASIC)) {
                    yield PendingBasicSession.basicSession(archive, plan.origins(), p, tls);
                }
                String token = UmsLogin.login(transport, plan.loginUrl().orElseThrow(), p, sub.split(1));
                yield new ArchiveSession(archive, plan.origins(), plan.method(), UmsLogin.headers(token,
                        plan.bearerToo() || plan.method().equals(LoginOptions.TOKEN)), tls);
            }
        };
    }

    /** The capabilities, or none when the service has no usable VOSI capabilities. */
    private Capabilities capabilities(URI archive, IProgressMonitor monitor) throws AstrolabeException {
        URI uri = URI.create(archive + "/capabilities");
        try (HttpResult result = HttpFailures.requireSuccess(transport.send(HttpRequest.get(uri), monitor));
                InputStream in = result.body()) {
            return new CapabilitiesReader().read(in, uri);
        } catch (NotFoundException | ServiceFailureException | AuthenticationException
                | org.astrolabe.core.InvalidInputException noCapabilities) {
            return new Capabilities(List.of(), List.of());
        } catch (java.io.IOException e) {
            return new Capabilities(List.of(), List.of());
        }
    }

    @Override
    public Optional<AuthSession> session(URI service) {
        return sessions.sessionFor(service);
    }

    @Override
    public boolean logout(URI service) {
        boolean any = false;
        URI archive = ServiceUrls.normalise(service);
        for (AuthSession s : sessions.sessions()) {
            if (s.archive().equals(archive) || s.covers(service)) {
                any |= sessions.remove(s);
            }
        }
        return any;
    }

    @Override
    public void adopt(AuthSession session) {
        sessions.register(session);
    }
}
