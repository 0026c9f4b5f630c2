package org.astrolabe.core.internal.http;

import java.io.IOException;
import java.net.Socket;
import java.util.function.Supplier;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * A TLS strategy made on the first {@code https} connection rather than with the connection pool:
 * building the default one loads and parses the JDK's trust store (about a tenth of a command's
 * start-up CPU), which a session over plain {@code http} never needs. Thread-safe.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {

    private final Supplier<? extends TlsSocketStrategy> factory;
    private volatile TlsSocketStrategy strategy;

    /** @param factory makes the real strategy; called at most once */
    LazyTlsStrategy(Supplier<? extends TlsSocketStrategy> factory) {
        this.factory = factory;
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy strategy() {
        TlsSocketStrategy s = strategy;
        if (s == null) {
            synchronized (this) {
                s = strategy;
                if (s == null) {
                    s = factory.get();
                    strategy = s;
                }
            }
        }
        return s;
    }
}
