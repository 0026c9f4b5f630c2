package org.astrolabe.core.http;

import org.astrolabe.core.AstrolabeException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Sends HTTP requests for every Astrolabe protocol client: pooled connections, connect and read
 * time-outs, Astrolabe's User-Agent, proxies from the standard Java settings or the
 * {@code http_proxy}/{@code https_proxy}/{@code no_proxy} environment, TLS verification on, and
 * redirects followed (at most 10) with credentials dropped when a redirect leaves the origin.
 * The credentials of the {@link org.astrolabe.core.auth.SessionRegistry} session of each hop's
 * origin are attached to that hop only; a 401 challenge is answered once through the
 * {@link org.astrolabe.core.auth.ChallengeResponder} service when one is registered.
 *
 * <p>Published as an OSGi service; implementations are thread-safe.
 */
public interface HttpTransport {

    /**
     * Sends {@code request} and returns the answer with its body unread, whatever its status.
     * Use {@link HttpFailures#requireSuccess(HttpResult)} to turn error statuses into typed
     * failures.
     *
     * @param request what to send
     * @param monitor progress and cancellation, may be {@code null}
     * @return the answer; the caller must close it
     * @throws org.astrolabe.core.TransientException when the host cannot be resolved or reached,
     *         the connection breaks or a time-out expires (message names the host)
     * @throws org.astrolabe.core.InvalidInputException on a redirect loop or a redirect to a
     *         non-http URL
     * @throws org.eclipse.core.runtime.OperationCanceledException when the monitor is cancelled
     */
    HttpResult send(HttpRequest request, IProgressMonitor monitor) throws AstrolabeException;

    /** @return the settings this transport was built with */
    TransportSettings settings();

    /**
     * @param settings other time-outs, User-Agent or pool size
     * @return a transport with its own connection pool using {@code settings}; it shares the
     *         session registry and challenge responder with this one, nothing else
     */
    HttpTransport withSettings(TransportSettings settings);
}
