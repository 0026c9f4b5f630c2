package org.astrolabe.core.internal.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

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
import org.apache.hc.core5.util.Timeout;
import org.astrolabe.core.AstrolabeException;
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

/**
 * {@link HttpTransport} on Apache HttpClient 5 (classic, pooled). Redirects are followed here
 * rather than inside HttpClient so that headers which may carry credentials are dropped when a
 * redirect leaves the original host.
 */
@Component(service = HttpTransport.class)
public final class HttpClient5Transport implements HttpTransport {

    static final int MAX_REDIRECTS = 10;
    private static final List<String> CREDENTIAL_HEADERS = List.of("authorization", "cookie", "proxy-authorization");

    private final TransportSettings settings;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient client;

    /** Creates the transport with {@link TransportSettings#defaults()}; used by OSGi. */
    @Activate
    public HttpClient5Transport() {
        this(TransportSettings.defaults());
    }

    /** @param settings time-outs, User-Agent and pool size */
    public HttpClient5Transport(TransportSettings settings) {
        this.settings = settings;
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                .build();
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connections)
                .setMaxConnPerRoute(settings.maxConnectionsPerHost())
                .setMaxConnTotal(Math.max(20, settings.maxConnectionsPerHost() * 4))
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setRoutePlanner(new SystemDefaultRoutePlanner(new EnvironmentProxySelector(System.getenv())))
                .setUserAgent(settings.userAgent())
                .disableRedirectHandling()
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

    @Override
    public TransportSettings settings() {
        return settings;
    }

    @Override
    public HttpTransport withSettings(TransportSettings other) {
        return new HttpClient5Transport(other);
    }

    @Override
    public HttpResult send(HttpRequest request, IProgressMonitor monitor) throws AstrolabeException {
        HttpRequest current = request;
        for (int hop = 0; ; hop++) {
            checkCancelled(monitor);
            HttpUriRequestBase message = toMessage(current);
            ClassicHttpResponse response = execute(current, message);
            int status = response.getCode();
            if (!current.followRedirects() || !isRedirect(status) || response.getFirstHeader("Location") == null) {
                return new HttpClient5Result(response, current.uri(), monitor, message);
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

    private ClassicHttpResponse execute(HttpRequest request, HttpUriRequestBase message) throws TransientException {
        try {
            return client.executeOpen(null, message, null);
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
            throw new TransientException("Secure connection to " + hostAndPort(request.uri()) + " failed: "
                    + e.getMessage(), request.uri(), null, e);
        } catch (IOException e) {
            throw new TransientException("Network failure talking to " + hostAndPort(request.uri()) + ": "
                    + e.getMessage(), request.uri(), null, e);
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

    private static void closeQuietly(ClassicHttpResponse response) {
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
        pool.closeIdle(org.apache.hc.core5.util.TimeValue.of(0, TimeUnit.SECONDS));
        try {
            client.close();
        } catch (IOException ignored) {
            // shutting down
        }
    }
}
