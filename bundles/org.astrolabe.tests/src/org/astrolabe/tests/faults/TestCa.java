package org.astrolabe.tests.faults;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at test time (BouncyCastle): a server certificate for 127.0.0.1 and
 * localhost, client certificates, and the TLS contexts of servers that check them.
 */
final class TestCa {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    final KeyPair keys;
    final X509Certificate certificate;
    final KeyPair serverKeys;
    final X509Certificate serverCertificate;

    TestCa(String name) throws Exception {
        keys = rsa();
        certificate = issue("CN=" + name, keys, true, false);
        serverKeys = rsa();
        serverCertificate = issue("CN=127.0.0.1", serverKeys, false, true);
    }

    static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    /** @return a certificate for {@code dn} signed by this CA (self-signed for the CA itself), valid ±10 days */
    X509Certificate issue(String dn, KeyPair subject, boolean ca, boolean server) throws Exception {
        Instant now = Instant.now();
        X500Name issuer = certificate == null ? new X500Name(dn)
                : new X500Name(certificate.getSubjectX500Principal().getName());
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(10))), new X500Name(dn), subject.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (server) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA")
                .build((certificate == null ? subject : keys).getPrivate())));
    }

    /** @return a key store holding only this CA's certificate, as trusted */
    KeyStore trustStore() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", certificate);
        return trust;
    }

    /** @return a server's TLS context: the server certificate, client certificates checked against this CA */
    SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", serverKeys.getPrivate(), "pw".toCharArray(),
                new X509Certificate[] {serverCertificate, certificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "pw".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), trustManagers().getTrustManagers(), null);
        return tls;
    }

    /** @return a client's TLS context that trusts this CA and has no key of its own */
    SSLContext trustOnlyContext() throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers().getTrustManagers(), null);
        return tls;
    }

    private TrustManagerFactory trustManagers() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore());
        return tmf;
    }
}
