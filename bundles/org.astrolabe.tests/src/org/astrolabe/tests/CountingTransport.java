package org.astrolabe.tests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.eclipse.core.runtime.IProgressMonitor;

/** The registered transport, with every request it is asked to send recorded (for counting them). */
final class CountingTransport implements HttpTransport {

    /** One request and when it was sent. */
    record Sent(HttpRequest request, long atNanos) {
    }

    private final HttpTransport delegate;
    final List<Sent> sent = new CopyOnWriteArrayList<>();

    CountingTransport(HttpTransport delegate) {
        this.delegate = delegate;
    }

    @Override
    public HttpResult send(HttpRequest request, IProgressMonitor monitor) throws AstrolabeException {
        sent.add(new Sent(request, System.nanoTime()));
        return delegate.send(request, monitor);
    }

    @Override
    public TransportSettings settings() {
        return delegate.settings();
    }

    @Override
    public HttpTransport withSettings(TransportSettings settings) {
        return new CountingTransport(delegate.withSettings(settings));
    }

    /** @return the GETs of the job document itself (plain or blocking), the status requests */
    List<Sent> statusRequests(java.net.URI job) {
        return sent.stream().filter(s -> s.request().method().equals("GET") && s.request().uri().equals(job)).toList();
    }
}
