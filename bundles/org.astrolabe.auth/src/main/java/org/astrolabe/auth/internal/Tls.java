package org.astrolabe.auth.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.astrolabe.auth.ClientCertificate;
import org.astrolabe.core.auth.ClientTlsContext;

/** TLS contexts for sessions: the client's key and, when configured, a private trust store. */
final class Tls {

    private Tls() {
    }

    /**
     * @return a context with the certificate's key managers and the trust store's trust managers,
     *         or empty when neither is given (default TLS)
     */
    /**
     * @param certificate the certificate to present
     * @param current the TLS context in use so far (its trust is kept when it is one of ours), if any
     * @return a context presenting {@code certificate} with the trust of {@code current}
     */
    static SSLContext withCertificate(ClientCertificate certificate, Optional<SSLContext> current) {
        try {
            if (current.isPresent() && current.get() instanceof ClientTlsContext ours) {
                return ours.withKeys(certificate.keyManagers());
            }
            return ClientTlsContext.create(certificate.keyManagers(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }

    static Optional<SSLContext> context(Optional<ClientCertificate> certificate, Optional<KeyStore> trust) {
        if (certificate.isEmpty() && trust.isEmpty()) {
            return Optional.empty();
        }
        try {
            KeyManager[] keys = certificate.map(ClientCertificate::keyManagers).orElse(null);
            TrustManager[] trustManagers = null;
            if (trust.isPresent()) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust.get());
                trustManagers = tmf.getTrustManagers();
            }
            // Records the servers that ask for a certificate, so that a TLS 1.3 server closing the
            // connection for want of one is reported as "log in with a certificate", not a network failure.
            return Optional.of(ClientTlsContext.create(keys, trustManagers));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
