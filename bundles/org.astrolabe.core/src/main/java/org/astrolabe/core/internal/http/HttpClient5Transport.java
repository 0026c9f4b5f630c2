package org.astrolabe.core.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.auth.AuthChallenge;
import org.astrolabe.core.auth.AuthSession;
import org.astrolabe.core.auth.ChallengeResponder;
import org.astrolabe.core.auth.ClientTlsContext;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.auth.SessionRegistry;
import org.astrolabe.core.internal.auth.MemorySessionRegistry;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@link HttpTransport} on Apache HttpClient 5 (classic, pooled). Redirects are followed here
 * rather than inside HttpClient so that headers which may carry credentials are dropped when a
 * redirect leaves the original origin.
 *
 * <p>Authentication: for every hop the {@link SessionRegistry} is asked for the session of that
 * hop's origin; its headers are added to that hop only, and a session with its own TLS context
 * (client certificate, private trust store) gets its own connection pool, closed (with its TLS
 * sessions invalidated) when the session leaves the registry. A 401 with {@code WWW-Authenticate}
 * is answered once through the optional {@link ChallengeResponder}. Transports made with
 * {@link #withSettings(TransportSettings)} share the registry and the responder.
 */
@Component(service = HttpTransport.class)
public final class HttpClient5Transport implements HttpTransport {

    static final int MAX_REDIRECTS = 10;
    private static final List<String> CREDENTIAL_HEADERS = List.of("authorization", "cookie", "proxy-authorization");

    /** What transports made from one another share: the sessions and the challenge responder. */
    private record Auth(SessionRegistry sessions, AtomicReference<ChallengeResponder> responder) {
    }

    /** The pool and client of one session with its own TLS context. */
    private record SessionClient(PoolingHttpClientConnectionManager pool, CloseableHttpClient client) {
    }

    /**
     * The client for one hop and its TLS context when it is one that records certificate requests;
     * {@code null} for the anonymous client, whose context is made only on its first https connection.
     */
    private record Route(CloseableHttpClient client, Optional<ClientTlsContext> tls) {
    }

    private final TransportSettings settings;
    private final Auth auth;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;
    /** Anonymous TLS: no certificate, default trust; notes servers that ask for a certificate. */
    private volatile ClientTlsContext anonymousTls;
    private final Map<AuthSession, SessionClient> sessionClients = Collections.synchronizedMap(new IdentityHashMap<>());
    private final SessionRegistry.Listener onRemoved;

    /**
     * Holds its transport weakly: transports made by {@link #withSettings(TransportSettings)} for
     * one command or query must not be kept alive by the registry they listen to.
     */
    private static final class WeakListener implements SessionRegistry.Listener {
        private final java.lang.ref.WeakReference<HttpClient5Transport> transport;
        private final SessionRegistry registry;

        WeakListener(HttpClient5Transport transport, SessionRegistry registry) {
            this.transport = new java.lang.ref.WeakReference<>(transport);
            this.registry = registry;
        }

        @Override
        public void sessionRemoved(AuthSession session) {
            HttpClient5Transport t = transport.get();
            if (t == null) {
                registry.removeListener(this);
            } else {
                t.dropSessionClient(session);
            }
        }
    }

    /** Default settings and a registry of its own (plain Java use; OSGi uses the other constructor). */
    public HttpClient5Transport() {
        this(TransportSettings.defaults(), new MemorySessionRegistry(), null);
    }

    /**
     * Used by OSGi: default settings, the framework's session registry.
     *
     * @param sessions the session registry service
     */
    @Activate
    public HttpClient5Transport(@Reference SessionRegistry sessions) {
        this(TransportSettings.defaults(), sessions, null);
    }

    // No other public one-argument constructor: Declarative Services would try it and log an error.

    /**
     * @param settings time-outs, User-Agent and pool size
     * @param sessions where sessions are looked up per hop
     * @param responder answers 401 challenges, or {@code null}
     */
    public HttpClient5Transport(TransportSettings settings, SessionRegistry sessions, ChallengeResponder responder) {
        this(settings, new Auth(sessions, new AtomicReference<>(responder)));
    }

    private HttpClient5Transport(TransportSettings settings, Auth auth) {
        this.settings = settings;
        this.auth = auth;
        this.pool = newPool(null);
        this.client = newClient(pool, false);
        this.onRemoved = new WeakListener(this, auth.sessions());
        auth.sessions().addListener(onRemoved);
    }

    private PoolingHttpClientConnectionManager newPool(SSLContext tls) {
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                .build();
        PoolingHttpClientConnectionManagerBuilder builder = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connections)
                .setMaxConnPerRoute(settings.maxConnectionsPerHost())
                .setMaxConnTotal(Math.max(20, settings.maxConnectionsPerHost() * 4));
        if (tls != null) {
            // The session's own key and trust managers; hostname verification stays on (default verifier).
            builder.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls).buildClassic());
        } else {
            // No certificate, the JDK's trust store (loaded on the first https connection) and
            // HttpClient's default verifier; the context notes servers that ask for a certificate.
            builder.setTlsSocketStrategy(new LazyTlsStrategy(
                    () -> ClientTlsStrategyBuilder.create().setSslContext(anonymousTls()).buildClassic()));
        }
        return builder.build();
    }

    /** @return the anonymous TLS context, made on the first https connection (it loads the trust store) */
    private ClientTlsContext anonymousTls() {
        ClientTlsContext tls = anonymousTls;
        if (tls == null) {
            synchronized (this) {
                tls = anonymousTls;
                if (tls == null) {
                    try {
                        tls = ClientTlsContext.create(null, null);
                    } catch (java.security.GeneralSecurityException e) {
                        throw new IllegalStateException("This Java runtime cannot make TLS connections: "
                                + e.getMessage(), e);
                    }
                    anonymousTls = tls;
                }
            }
        }
        return tls;
    }

    private CloseableHttpClient newClient(PoolingHttpClientConnectionManager connections, boolean stateless) {
        var builder = HttpClients.custom();
        if (stateless) {
            builder.disableConnectionState();
        }
        return builder
                .setConnectionManager(connections)
                .setRoutePlanner(new SystemDefaultRoutePlanner(new EnvironmentProxySelector(System.getenv())))
                .setUserAgent(settings.userAgent())
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                // HttpClient's own retries would wait out any Retry-After (even an hour) on 503 and 429;
                // callers decide about retries, bounded (TransientException.retryAfter()).
                .disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .build();
    }

    /** @param responder the challenge responder service, when one is registered */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setChallengeResponder(ChallengeResponder responder) {
        auth.responder().set(responder);
    }

    /** @param responder the challenge responder that went away */
    void unsetChallengeResponder(ChallengeResponder responder) {
        auth.responder().compareAndSet(responder, null);
    }

    @Override
    public TransportSettings settings() {
        return settings;
    }

    @Override
    public HttpTransport withSettings(TransportSettings other) {
        return new HttpClient5Transport(other, auth);
    }

    /** @return the session registry this transport consults */
    public SessionRegistry sessions() {
        return auth.sessions();
    }

    @Override
    public HttpResult send(HttpRequest request, IProgressMonitor monitor) throws AstrolabeException {
        HttpRequest current = request;
        boolean challenged = false;
        for (int hop = 0; ; hop++) {
            checkCancelled(monitor);
            Optional<AuthSession> session = auth.sessions().sessionFor(current.uri());
            HttpUriRequestBase message = toMessage(current);
            session.ifPresent(s -> s.credentialHeaders().forEach(h -> message.addHeader(h.name(), h.value())));
            ClassicHttpResponse response = execute(current, message, routeFor(session));
            int status = response.getCode();
            if (status == 401 && !challenged) {
                Optional<AuthSession> answer = answerChallenge(current.uri(), response, session, monitor);
                if (answer.isPresent()) {
                    closeQuietly(response);
                    challenged = true;
                    hop--;
                    continue;
                }
            }
            if (!current.followRedirects() || !isRedirect(status) || response.getFirstHeader("Location") == null) {
                boolean sent = session.isPresent() && (!session.get().credentialHeaders().isEmpty()
                        || !session.get().securityMethod().isEmpty())
                        || message.containsHeader("Authorization") || message.containsHeader("Cookie");
                return new HttpClient5Result(response, current.uri(), monitor, message, sent);
            }
            URI target = redirectTarget(current.uri(), response.getFirstHeader("Location").getValue());
            closeQuietly(response);
            if (hop >= MAX_REDIRECTS) {
                throw new InvalidInputException("Too many redirects (more than " + MAX_REDIRECTS + ") starting at "
                        + request.uri(), request.uri(), null);
            }
            current = redirect(current, status, target);
        }
    }

    private Optional<AuthSession> answerChallenge(URI uri, ClassicHttpResponse response, Optional<AuthSession> used,
            IProgressMonitor monitor) throws AstrolabeException {
        ChallengeResponder responder = auth.responder().get();
        Header[] headers = response.getHeaders("WWW-Authenticate");
        if (responder == null || headers.length == 0) {
            return Optional.empty();
        }
        List<AuthChallenge> challenges = AuthChallenge.parse(Arrays.stream(headers).map(Header::getValue).toList());
        try {
            return responder.respond(uri, challenges, used, this, monitor);
        } catch (AstrolabeException | RuntimeException e) {
            closeQuietly(response);
            throw e;
        }
    }

    private Route routeFor(Optional<AuthSession> session) {
        if (session.isEmpty() || session.get().sslContext().isEmpty()) {
            return new Route(client, null);
        }
        SSLContext tls = session.get().sslContext().get();
        return new Route(clientFor(session.get()),
                tls instanceof ClientTlsContext recording ? Optional.of(recording) : Optional.empty());
    }

    private CloseableHttpClient clientFor(AuthSession s) {
        synchronized (sessionClients) {
            SessionClient c = sessionClients.get(s);
            if (c == null) {
                PoolingHttpClientConnectionManager p = newPool(s.sslContext().get());
                // One pool per session: connections need no per-user state, and without this a
                // connection authenticated by a certificate is never leased again.
                c = new SessionClient(p, newClient(p, true));
                sessionClients.put(s, c);
            }
            return c.client();
        }
    }

    /** Logout: the connections (and TLS sessions) that carried the session's certificate go. */
    private void dropSessionClient(AuthSession session) {
        SessionClient c = sessionClients.remove(session);
        if (c != null) {
            c.pool().close(CloseMode.IMMEDIATE);
            closeQuietly(c.client());
        }
        session.sslContext().ifPresent(HttpClient5Transport::invalidateTlsSessions);
    }

    private static void invalidateTlsSessions(SSLContext tls) {
        var cache = tls.getClientSessionContext();
        for (var ids = cache.getIds(); ids.hasMoreElements();) {
            var tlsSession = cache.getSession(ids.nextElement());
            if (tlsSession != null) {
                tlsSession.invalidate();
            }
        }
    }

    /** @return the number of connection pools kept for sessions with their own TLS context; for tests */
    public int sessionPools() {
        return sessionClients.size();
    }

    private ClassicHttpResponse execute(HttpRequest request, HttpUriRequestBase message, Route via)
            throws AstrolabeException {
        long started = System.nanoTime();
        try {
            return via.client().executeOpen(null, message, null);
        } catch (UnknownHostException e) {
            throw new TransientException("Unknown host " + request.uri().getHost()
                    + ": check the URL and your network connection.", request.uri(), null, e);
        } catch (ConnectException | NoRouteToHostException e) {
            throw new TransientException("Cannot connect to " + hostAndPort(request.uri())
                    + ": the server is down or unreachable.", request.uri(), null, e);
        } catch (InterruptedIOException e) {
            throw new TransientException("No answer from " + hostAndPort(request.uri()) + " within the time-out.",
                    request.uri(), null, e);
        } catch (SSLException e) {
            refusedCertificate(request, via, started, e);
            throw new TransientException("Secure connection to " + hostAndPort(request.uri()) + " failed: "
                    + e.getMessage(), request.uri(), null, e);
        } catch (IOException e) {
            refusedCertificate(request, via, started, e);
            throw new TransientException("Network failure talking to " + hostAndPort(request.uri()) + ": "
                    + e.getMessage(), request.uri(), null, e);
        }
    }

    /** A TLS connection refused for want of (or because of) a client certificate is an authentication failure. */
    private void refusedCertificate(HttpRequest request, Route via, long started, IOException failure)
            throws AuthenticationException {
        Optional<ClientTlsContext> tls = via.tls() != null ? via.tls() : Optional.ofNullable(anonymousTls);
        Optional<AuthenticationException> auth = TlsFailures.classify(request.uri(), tls, started, failure);
        if (auth.isPresent()) {
            throw auth.get();
        }
    }

    private static HttpUriRequestBase toMessage(HttpRequest request) {
        URI uri = request.uri();
        boolean bodyForm = request.method().equals("POST");
        List<NameValuePair> pairs = request.form().stream()
                .map(p -> (NameValuePair) new BasicNameValuePair(p.name(), p.value())).toList();
        if (!bodyForm && !pairs.isEmpty()) {
            try {
                uri = new URIBuilder(uri).addParameters(pairs).build();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("Cannot add parameters to " + uri, e);
            }
        }
        HttpUriRequestBase message = new HttpUriRequestBase(request.method(), uri);
        request.headers().forEach(h -> message.addHeader(h.name(), h.value()));
        if (!message.containsHeader("Accept-Encoding")) {
            // Bodies arrive as sent unless a client asks for gzip (HttpResult.body() then inflates it):
            // downloads, ranges and digests refer to the bytes of the file itself.
            message.addHeader("Accept-Encoding", "identity");
        }
        if (bodyForm && !request.parts().isEmpty()) {
            message.setEntity(multipart(request));
        } else if (bodyForm) {
            message.setEntity(new UrlEncodedFormEntity(pairs, java.nio.charset.StandardCharsets.UTF_8));
        }
        return message;
    }

    /** Form parameters as UTF-8 text parts, then the files, streamed from disk when sent. */
    private static org.apache.hc.core5.http.HttpEntity multipart(HttpRequest request) {
        MultipartEntityBuilder builder = MultipartEntityBuilder.create()
                .setMode(HttpMultipartMode.STRICT)
                .setContentType(ContentType.create("multipart/form-data"));
        ContentType text = ContentType.TEXT_PLAIN.withCharset(java.nio.charset.StandardCharsets.UTF_8);
        request.form().forEach(p -> builder.addTextBody(p.name(), p.value(), text));
        request.parts().forEach(p -> builder.addBinaryBody(p.name(), p.file().toFile(),
                ContentType.parse(p.mediaType()), p.fileName()));
        return builder.build();
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static URI redirectTarget(URI base, String location) throws InvalidInputException {
        try {
            URI target = base.resolve(location.trim());
            return HttpRequest.requireHttpUri(target);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The server at " + base.getHost() + " redirected to an unusable URL: "
                    + location, base, e);
        }
    }

    /** The request to send after a redirect: 303 (and 301/302 of a POST) become GET. */
    static HttpRequest redirect(HttpRequest from, int status, URI target) {
        boolean toGet = status == 303 || ((status == 301 || status == 302) && from.method().equals("POST"));
        // Only a POST carries its form in the body; a GET's form is already in the query string of
        // the URL the server redirected from, and its Location says what to ask next: sending the
        // form again would repeat every parameter (SODA then refuses a second CIRCLE with 422).
        boolean keepForm = !toGet && from.method().equals("POST");
        HttpRequest next = from.redirectedTo(target, toGet ? "GET" : from.method(), keepForm);
        if (!sameOrigin(from.uri(), target)) {
            List<HttpRequest.Parameter> kept = next.headers().stream()
                    .filter(h -> !CREDENTIAL_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))).toList();
            next = new HttpRequest(next.method(), target, kept, next.form(), next.followRedirects(), next.parts());
        }
        return next;
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String hostAndPort(URI uri) {
        return uri.getHost() + ":" + effectivePort(uri);
    }

    static void checkCancelled(IProgressMonitor monitor) {
        if (monitor != null && monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    private static void closeQuietly(java.io.Closeable response) {
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }

    /** Number of pooled connections currently leased; for leak checks in tests. */
    public int leasedConnections() {
        return pool.getTotalStats().getLeased();
    }

    /** Closes idle connections and the pool. */
    @Deactivate
    public void close() {
        auth.sessions().removeListener(onRemoved);
        List<SessionClient> clients;
        synchronized (sessionClients) {
            clients = List.copyOf(sessionClients.values());
            sessionClients.clear();
        }
        clients.forEach(c -> {
            c.pool().close(CloseMode.IMMEDIATE);
            closeQuietly(c.client());
        });
        pool.closeIdle(org.apache.hc.core5.util.TimeValue.of(0, TimeUnit.SECONDS));
        try {
            client.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }
}
