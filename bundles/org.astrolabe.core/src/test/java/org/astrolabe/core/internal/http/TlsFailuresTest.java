package org.astrolabe.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;

import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.auth.ClientTlsContext;
import org.junit.jupiter.api.Test;

/** The TLS alerts a server sends about client certificates, as the JDK reports them. */
class TlsFailuresTest {

    static final URI URL = URI.create("https://archive.example:8443/tap/sync");

    static Optional<AuthenticationException> classify(IOException e, boolean withCertificate) throws Exception {
        ClientTlsContext tls = withCertificate
                ? ClientTlsContext.create(new javax.net.ssl.KeyManager[] {new NoKeys()}, null)
                : ClientTlsContext.create(null, null);
        return TlsFailures.classify(URL, Optional.of(tls), System.nanoTime(), e);
    }

    static SSLHandshakeException alert(String name) {
        return new SSLHandshakeException("(" + name + ") Received fatal alert: " + name);
    }

    @Test
    void certificateRequiredWithoutACertificateSaysToLogIn() throws Exception {
        AuthenticationException e = classify(alert("certificate_required"), false).orElseThrow();
        assertFalse(e.isDenied());
        assertEquals("https://archive.example:8443 requires a client certificate: log in with --cert FILE "
                + "(TLS alert certificate_required).", e.getMessage());
    }

    @Test
    void anExpiredOrRevokedCertificateIsRefusedWithTheReason() throws Exception {
        AuthenticationException expired = classify(alert("certificate_expired"), true).orElseThrow();
        assertTrue(expired.isDenied());
        assertEquals("https://archive.example:8443 refused the client certificate: it has expired (TLS alert "
                + "certificate_expired).", expired.getMessage());
        assertTrue(classify(alert("certificate_revoked"), true).orElseThrow().getMessage()
                .contains("it has been revoked"));
        assertTrue(classify(alert("bad_certificate"), true).orElseThrow().getMessage()
                .contains("the server does not accept it"));
    }

    @Test
    void otherFailuresStayNetworkFailures() throws Exception {
        assertTrue(classify(alert("protocol_version"), false).isEmpty());
        assertTrue(classify(alert("handshake_failure"), false).isEmpty(), "no certificate request was seen");
        assertTrue(classify(new SocketException("Connection reset"), false).isEmpty());
        assertTrue(classify(new SSLHandshakeException("PKIX path building failed"), false).isEmpty(),
                "our own refusal of the server's certificate is not the server asking for ours");
        assertTrue(TlsFailures.classify(URI.create("http://archive.example/tap"), Optional.empty(), 0,
                alert("certificate_required")).isEmpty());
    }

    /** A key manager with no key, enough for "holds a certificate". */
    static final class NoKeys extends javax.net.ssl.X509ExtendedKeyManager {
        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket s) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket s) {
            return null;
        }

        @Override
        public java.security.cert.X509Certificate[] getCertificateChain(String alias) {
            return null;
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return null;
        }
    }
}
