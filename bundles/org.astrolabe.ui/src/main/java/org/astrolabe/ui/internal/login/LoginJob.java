package org.astrolabe.ui.internal.login;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

import org.astrolabe.auth.ClientCertificate;
import org.astrolabe.auth.CredentialStore;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.astrolabe.auth.RememberedLogin;
import org.astrolabe.auth.SessionManager;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.auth.AuthSession;
import org.astrolabe.ui.ServicesViews;
import org.astrolabe.ui.internal.Services;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

/**
 * Logs in to an archive through {@link SessionManager#login} (reading a certificate file first),
 * and, when asked, remembers the login in the {@link CredentialStore}. The outcome goes to a
 * callback (on this job's thread): the session, or the failure's message, which the auth bundle
 * words for the user and which never holds a secret. The secrets are cleared when the job ends.
 */
public final class LoginJob extends Job {

    /** What the user typed. Secrets are char arrays this job clears. */
    public record Request(URI service, Optional<String> user, char[] secret, Optional<Path> certificate,
            boolean remember) {
        /** @throws IllegalArgumentException when neither a user nor a certificate is given */
        public Request {
            if (user.isEmpty() == certificate.isEmpty()) {
                throw new IllegalArgumentException("Give a user name and password, or a certificate file");
            }
            if (user.isPresent() && user.get().isBlank()) {
                throw new IllegalArgumentException("A user name is required");
            }
            if (user.isPresent() && secret.length == 0) {
                throw new IllegalArgumentException("No password given for user " + user.get());
            }
        }

        @Override
        public String toString() {
            return "Request[" + service + user.map(u -> ", user=" + u).orElse("")
                    + certificate.map(c -> ", certificate=" + c).orElse("") + ", secret=***]";
        }
    }

    /** The outcome: a session, or the message of the failure. */
    public record Outcome(Optional<AuthSession> session, String message) {
    }

    private final Request request;
    private final Services<SessionManager> sessions;
    private final Services<CredentialStore> store;
    private final Consumer<Outcome> done;

    /**
     * @param request what to log in with
     * @param sessions the session manager service
     * @param store the credential store service (used when the request asks to remember)
     * @param done receives the outcome on the job's thread
     */
    public LoginJob(Request request, Services<SessionManager> sessions, Services<CredentialStore> store,
            Consumer<Outcome> done) {
        super("Logging in to " + request.service());
        this.request = request;
        this.sessions = sessions;
        this.store = store;
        this.done = done;
        setUser(false);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == ServicesViews.SERVICES_JOB;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, getName(), 3);
        try {
            Credentials credentials;
            RememberedLogin remembered;
            if (request.certificate().isPresent()) {
                Path file = request.certificate().get();
                credentials = new Credentials.Certificate(ClientCertificate.read(file,
                        request.secret().length == 0 ? null : request.secret()));
                remembered = new RememberedLogin(RememberedLogin.Kind.CERTIFICATE, "", request.secret(),
                        Optional.of(file));
            } else {
                credentials = new Credentials.Password(request.user().get(), request.secret());
                remembered = new RememberedLogin(RememberedLogin.Kind.PASSWORD, request.user().get(),
                        request.secret(), Optional.empty());
            }
            sub.worked(1);
            AuthSession session = sessions.await(sub).login(request.service(), credentials, LoginOptions.defaults(),
                    sub.split(1));
            String message = "Logged in to " + session.archive() + " (" + describe(session) + ")";
            if (request.remember()) {
                store.await(sub).save(request.service(), remembered);
                message += "; remembered in secure storage";
            }
            done.accept(new Outcome(Optional.of(session), message));
        } catch (OperationCanceledException e) {
            done.accept(new Outcome(Optional.empty(), "Login cancelled"));
            return Status.CANCEL_STATUS;
        } catch (AstrolabeException | IllegalArgumentException e) {
            done.accept(new Outcome(Optional.empty(), e.getMessage()));
        } finally {
            Arrays.fill(request.secret(), '\0');
        }
        return Status.OK_STATUS;
    }

    /**
     * @param session a session
     * @return how it authenticates, for the user
     */
    public static String describe(AuthSession session) {
        return switch (session.securityMethod()) {
            case LoginOptions.CERTIFICATE -> "client certificate";
            case LoginOptions.COOKIE -> "login cookie";
            case LoginOptions.TOKEN -> "bearer token";
            case LoginOptions.BASIC -> "HTTP Basic";
            default -> "HTTP Basic when the archive asks";
        };
    }
}
