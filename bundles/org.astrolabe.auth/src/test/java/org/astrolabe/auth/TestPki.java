package org.astrolabe.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A test PKI made at test time with BouncyCastle: a CA, a server certificate for 127.0.0.1 and
 * localhost, client certificates (RSA or EC) with chosen validity, and the PEM / PKCS#12 files
 * users get from archives.
 */
public final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A key and its certificate. */
    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    public final Issued ca;
    public final Issued server;

    public TestPki() throws Exception {
        ca = issue("CN=Astrolabe Test CA", rsa(), null, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), true, false);
        server = issue("CN=127.0.0.1", rsa(), ca, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)), false, true);
    }

    public static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    public static KeyPair ec() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** A client certificate signed by the CA. */
    public Issued client(String cn, KeyPair keys, Instant from, Instant to) throws Exception {
        return issue("CN=" + cn + ",OU=astrolabe,O=test", keys, ca, from, to, false, false);
    }

    /** A client certificate valid from yesterday for {@code days}. */
    public Issued client(String cn, KeyPair keys, int days) throws Exception {
        return client(cn, keys, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(days)));
    }

    private static Issued issue(String dn, KeyPair keys, Issued issuer, Instant from, Instant to, boolean isCa,
            boolean isServer) throws Exception {
        X500Name subject = new X500Name(dn);
        X500Name issuerName = issuer == null ? subject
                : new X500Name(issuer.certificate().getSubjectX500Principal().getName());
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), subject, keys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (isCa) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        if (isServer) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName,
                            "localhost")}));
        }
        PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
        String alg = signer.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder(alg).build(signer)));
        return new Issued(keys, cert);
    }

    /** How the private key is written into a PEM file. */
    public enum KeyFormat {
        /** "BEGIN RSA PRIVATE KEY" / "BEGIN EC PRIVATE KEY" */
        TRADITIONAL,
        /** "BEGIN PRIVATE KEY" */
        PKCS8,
        /** "BEGIN ENCRYPTED PRIVATE KEY" */
        PKCS8_ENCRYPTED
    }

    /** Writes the client's certificate, the CA, and the key (before or after the certificates). */
    public Path pem(Path dir, Issued client, KeyFormat format, boolean keyFirst, char[] passphrase) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            List<Object> objects = new ArrayList<>();
            Object key = switch (format) {
                case TRADITIONAL -> traditional(client.keys());
                case PKCS8 -> new JcaPKCS8Generator(client.keys().getPrivate(), null).generate();
                case PKCS8_ENCRYPTED -> new JcaPKCS8Generator(client.keys().getPrivate(),
                        new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                                .setPassword(passphrase).build()).generate();
            };
            if (keyFirst) {
                objects.add(key);
            }
            objects.add(client.certificate());
            objects.add(ca.certificate());
            if (!keyFirst) {
                objects.add(key);
            }
            for (Object o : objects) {
                if (o instanceof PemObject p) {
                    w.writeObject(p);
                } else {
                    w.writeObject(o);
                }
            }
        }
        Path file = Files.createTempFile(dir, "client", ".pem");
        Files.writeString(file, text.toString());
        return file;
    }

    /** RSA as BC writes it (PKCS#1); EC as openssl writes it (SEC1 with curve and public key). */
    private static Object traditional(KeyPair keys) throws IOException {
        if (!keys.getPrivate().getAlgorithm().equals("EC")) {
            return keys;
        }
        org.bouncycastle.asn1.pkcs.PrivateKeyInfo info = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(
                keys.getPrivate().getEncoded());
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo pub = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
                .getInstance(keys.getPublic().getEncoded());
        var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256,
                ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS(), pub.getPublicKeyData(),
                info.getPrivateKeyAlgorithm().getParameters());
        return new PemObject("EC PRIVATE KEY", sec1.getEncoded());
    }

    /** A PKCS#12 file with the client's key and chain. */
    public Path p12(Path dir, Issued client, char[] passphrase) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", client.keys().getPrivate(), passphrase,
                new X509Certificate[] {client.certificate(), ca.certificate()});
        Path file = Files.createTempFile(dir, "client", ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, passphrase);
        }
        return file;
    }

    /** @return a trust store holding only the test CA */
    public KeyStore trustStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("test-ca", ca.certificate());
        return store;
    }

    /** @return the CA certificate as a PEM file */
    public Path caPem(Path dir) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(text)) {
            w.writeObject(ca.certificate());
        }
        Path file = Files.createTempFile(dir, "ca", ".pem");
        Files.writeString(file, text.toString());
        return file;
    }

    /** @return the server's TLS context: its certificate, trusting the test CA for client certificates */
    public SSLContext serverContext() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", server.keys().getPrivate(), "pw".toCharArray(),
                new X509Certificate[] {server.certificate(), ca.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "pw".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    static InetAddress loopback() throws IOException {
        return InetAddress.getByName("127.0.0.1");
    }
}
