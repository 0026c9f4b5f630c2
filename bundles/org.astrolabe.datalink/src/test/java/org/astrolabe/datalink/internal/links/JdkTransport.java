package org.astrolabe.datalink.internal.links;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * (A copy of the TAP bundle's test transport.) A small {@link HttpTransport} on the JDK's HTTP client, so that these unit tests need neither
 * OSGi nor the core bundle's internals. Follows redirects only when the request asks to, like the
 * real transport.
 */
public final class JdkTransport implements HttpTransport {

    private final TransportSettings settings;
    private final HttpClient follow;
    private final HttpClient noFollow;

    JdkTransport(TransportSettings settings) {
        this.settings = settings;
        this.follow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(settings.connectTimeout()).build();
        this.noFollow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout()).build();
    }

    public JdkTransport() {
        this(TransportSettings.defaults().withTimeout(Duration.ofSeconds(30)));
    }

    @Override
    public HttpResult send(HttpRequest request, IProgressMonitor monitor) throws AstrolabeException {
        String form = request.form().stream()
                .map(p -> URLEncoder.encode(p.name(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(p.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        boolean post = request.method().equals("POST");
        URI uri = request.uri();
        if (!post && !form.isEmpty()) {
            uri = URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + form);
        }
        var builder = java.net.http.HttpRequest.newBuilder(uri).timeout(settings.readTimeout());
        request.headers().forEach(h -> builder.header(h.name(), h.value()));
        if (post) {
            builder.header("Content-Type", "application/x-www-form-urlencoded");
            builder.POST(java.net.http.HttpRequest.BodyPublishers.ofString(form));
        } else {
            builder.method(request.method(), java.net.http.HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<InputStream> response = (request.followRedirects() ? follow : noFollow)
                    .send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            return new Result(response);
        } catch (ConnectException e) {
            throw new TransientException("Cannot connect to " + uri.getHost(), uri, null, e);
        } catch (IOException e) {
            throw new TransientException("Network failure: " + e, uri, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("Interrupted", uri, null, e);
        }
    }

    @Override
    public TransportSettings settings() {
        return settings;
    }

    @Override
    public HttpTransport withSettings(TransportSettings other) {
        return new JdkTransport(other);
    }

    private record Result(HttpResponse<InputStream> response) implements HttpResult {
        @Override
        public int status() {
            return response.statusCode();
        }

        @Override
        public URI uri() {
            return response.uri();
        }

        @Override
        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        @Override
        public String mediaType() {
            String type = response.headers().firstValue("Content-Type").orElse("");
            int semi = type.indexOf(';');
            return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        }

        @Override
        public long contentLength() {
            return response.headers().firstValueAsLong("Content-Length").orElse(-1);
        }

        @Override
        public InputStream body() {
            return response.body();
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException ignored) {
                // nothing to release
            }
        }
    }
}
