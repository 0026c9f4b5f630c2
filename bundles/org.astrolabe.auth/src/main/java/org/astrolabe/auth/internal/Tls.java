package org.astrolabe.auth.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.astrolabe.auth.ClientCertificate;

/** TLS contexts for sessions: the client's key and, when configured, a private trust store. */
final class Tls {

    private Tls() {
    }

    /**
     * @return a context with the certificate's key managers and the trust store's trust managers,
     *         or empty when neither is given (default TLS)
     */
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
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trustManagers, null);
            return Optional.of(context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
