package org.astrolabe.core.auth;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyManagementException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * A client TLS context that remembers which servers asked it for a client certificate (a TLS
 * {@code CertificateRequest}) and whether it presented one. With TLS 1.3 a server that requires a
 * certificate and gets none only says so after the client's side of the handshake is over: the
 * client then sees a broken pipe, a connection reset or a {@code certificate_required} alert, which
 * look like network failures. The HTTP transport asks {@link #certificateRequest(String, int)} to
 * tell "log in with a certificate" apart from a network failure. Every TLS context Astrolabe makes
 * for its connections is one of these; hostname and chain verification are those of the JDK.
 *
 * <p>Thread-safe. The record kept per server is one small entry, replaced by the next handshake.
 */
public final class ClientTlsContext extends SSLContext {

    /**
     * What happened at the last handshake with a server that asked for a client certificate.
     *
     * @param presented whether a certificate was sent
     * @param when {@link System#nanoTime()} of the request
     * @param acceptedIssuers the CAs the server named as acceptable, for messages (may be empty)
     */
    public record CertificateRequest(boolean presented, long when, List<String> acceptedIssuers) {
        /** Copies the issuer list. */
        public CertificateRequest {
            acceptedIssuers = List.copyOf(acceptedIssuers);
        }
    }

    private final Recorder recorder;
    private final TrustManager[] trust;

    private ClientTlsContext(SSLContext inner, Recorder recorder, TrustManager[] trust) {
        super(new Forwarding(inner), inner.getProvider(), inner.getProtocol());
        this.recorder = recorder;
        this.trust = trust;
    }

    /**
     * @param keys the key managers presenting the client's certificate, or {@code null} for none
     *        (the first {@link X509KeyManager} among them is used)
     * @param trust the trust managers, or {@code null} for the JDK's default trust
     * @return a TLS context for client connections
     * @throws GeneralSecurityException if the JDK has no TLS implementation or refuses the managers
     */
    public static ClientTlsContext create(KeyManager[] keys, TrustManager[] trust) throws GeneralSecurityException {
        X509KeyManager delegate = null;
        for (KeyManager k : keys == null ? new KeyManager[0] : keys) {
            if (k instanceof X509KeyManager x) {
                delegate = x;
                break;
            }
        }
        Recorder recorder = new Recorder(delegate);
        SSLContext inner = SSLContext.getInstance("TLS");
        inner.init(new KeyManager[] {recorder}, trust, null);
        return new ClientTlsContext(inner, recorder, trust == null ? null : trust.clone());
    }

    /**
     * @return a context with the same trust as this one presenting another certificate (or none)
     * @param keys the key managers of the other certificate, or {@code null} for none
     * @throws GeneralSecurityException as {@link #create(KeyManager[], TrustManager[])}
     */
    public ClientTlsContext withKeys(KeyManager[] keys) throws GeneralSecurityException {
        return create(keys, trust);
    }

    /** @return whether this context holds a client certificate to present */
    public boolean hasCertificate() {
        return recorder.delegate != null;
    }

    /**
     * @param host the server's host name or address as connected to
     * @param port its port
     * @return what happened at the last handshake with it that asked for a client certificate, if any
     */
    public Optional<CertificateRequest> certificateRequest(String host, int port) {
        return Optional.ofNullable(recorder.requests.get(key(host, port)));
    }

    private static String key(String host, int port) {
        return String.valueOf(host).toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** Presents the delegate's certificate (or none) and notes each server's request. */
    private static final class Recorder extends X509ExtendedKeyManager {
        private static final int MAX_ENTRIES = 256;
        private final X509KeyManager delegate;
        final Map<String, CertificateRequest> requests = new ConcurrentHashMap<>();

        Recorder(X509KeyManager delegate) {
            this.delegate = delegate;
        }

        private String noted(String alias, Principal[] issuers, String host, int port) {
            if (host != null && port > 0) {
                if (requests.size() >= MAX_ENTRIES) {
                    requests.clear();
                }
                requests.put(key(host, port), new CertificateRequest(alias != null, System.nanoTime(),
                        issuers == null ? List.of() : Arrays.stream(issuers).map(Principal::getName).toList()));
            }
            return alias;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            String alias = delegate == null ? null : delegate.chooseClientAlias(keyType, issuers, socket);
            String host = null;
            int port = -1;
            if (socket instanceof SSLSocket ssl && ssl.getHandshakeSession() != null) {
                // the name the client connected to (through a proxy too), not the proxy's address
                host = ssl.getHandshakeSession().getPeerHost();
                port = ssl.getHandshakeSession().getPeerPort();
            }
            if (host == null && socket != null && socket.getInetAddress() != null) {
                host = socket.getInetAddress().getHostAddress();
                port = socket.getPort();
            }
            return noted(alias, issuers, host, port);
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
            String alias = delegate instanceof X509ExtendedKeyManager x ? x.chooseEngineClientAlias(keyType, issuers,
                    engine) : delegate == null ? null : delegate.chooseClientAlias(keyType, issuers, null);
            return noted(alias, issuers, engine == null ? null : engine.getPeerHost(),
                    engine == null ? -1 : engine.getPeerPort());
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate == null ? null : delegate.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return delegate == null ? null : delegate.getPrivateKey(alias);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null; // a client context
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    /** The JDK's context behind this one. */
    private static final class Forwarding extends SSLContextSpi {
        private final SSLContext inner;

        Forwarding(SSLContext inner) {
            this.inner = inner;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("A ClientTlsContext is initialised when it is created");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return inner.getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return inner.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return inner.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return inner.createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return inner.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return inner.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return inner.getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return inner.getSupportedSSLParameters();
        }
    }
}
