package org.astrolabe.tests.faults;

import java.net.URI;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A transport that attaches an archive session's credentials ({@code Authorization} and
 * {@code Cookie}) to every request for one origin, the way a per-archive session does, and
 * nothing to any other origin. Redirects are followed by the real transport underneath, which
 * must drop them when the redirect leaves the origin.
 */
final class CredentialTransport implements HttpTransport {

    static final String AUTHORIZATION = "Bearer fault-test-secret-token";
    static final String COOKIE = "session=fault-test-secret-cookie";

    private final HttpTransport delegate;
    private final URI archive;

    CredentialTransport(HttpTransport delegate, URI archive) {
        this.delegate = delegate;
        this.archive = archive;
    }

    @Override
    public HttpResult send(HttpRequest request, IProgressMonitor monitor) throws AstrolabeException {
        URI u = request.uri();
        boolean ours = u.getHost().equalsIgnoreCase(archive.getHost()) && u.getPort() == archive.getPort();
        HttpRequest sent = ours ? request.withHeader("Authorization", AUTHORIZATION).withHeader("Cookie", COOKIE)
                : request;
        return delegate.send(sent, monitor);
    }

    @Override
    public TransportSettings settings() {
        return delegate.settings();
    }

    @Override
    public HttpTransport withSettings(TransportSettings settings) {
        return new CredentialTransport(delegate.withSettings(settings), archive);
    }

    HttpTransport delegate() {
        return delegate;
    }
}
