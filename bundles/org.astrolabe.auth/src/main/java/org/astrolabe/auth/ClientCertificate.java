package org.astrolabe.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * A client certificate chain with its private key, read from a PEM file (certificates and a
 * PKCS#1 or PKCS#8 RSA or EC key, in any order, the key optionally encrypted) or a PKCS#12 file
 * with a passphrase, as CADC's proxy certificates ({@code cadcproxy.pem}) are. Immutable and
 * thread-safe; {@code toString} shows the subject and dates, never the key.
 */
public final class ClientCertificate {

    /** A certificate expiring within this period gets a warning. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(7);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path source;
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    /**
     * @param source the file it was read from (for messages)
     * @param key the private key of the first certificate
     * @param chain the certificate chain, the client's own certificate first
     * @throws IllegalArgumentException if the chain is empty
     */
    public ClientCertificate(Path source, PrivateKey key, List<X509Certificate> chain) {
        if (chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("A client certificate needs at least one certificate");
        }
        this.source = source;
        this.key = java.util.Objects.requireNonNull(key, "key");
        this.chain = List.copyOf(chain);
    }

    /**
     * Reads a PEM or PKCS#12 file (PKCS#12 when the name ends in {@code .p12} or {@code .pfx} or
     * the file is not text).
     *
     * @param file the certificate file
     * @param passphrase the passphrase of an encrypted key or a PKCS#12 file, or {@code null}
     * @return the certificate chain and key
     * @throws CredentialException when the file cannot be read, holds no certificate or no key
     *         matching it, or the passphrase is missing or wrong (the message says which)
     */
    public static ClientCertificate read(Path file, char[] passphrase) throws CredentialException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CredentialException("Cannot read the certificate file " + file, file.toUri());
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".p12") || name.endsWith(".pfx") || !looksLikePem(file)) {
                return readPkcs12(file, passphrase);
            }
            return readPem(file, passphrase);
        } catch (IOException e) {
            throw new CredentialException("Cannot read the certificate file " + file + ": " + e.getMessage(),
                    file.toUri());
        } catch (RuntimeException e) {
            // BouncyCastle reports damaged base64 or DER unchecked (found by PemFuzzer)
            throw new CredentialException("Malformed certificate file " + file + ": " + e.getMessage(), file.toUri());
        }
    }

    /**
     * @param file a certificate file
     * @return whether reading it needs a passphrase: a PKCS#12 file, or a PEM file with an encrypted
     *         key; {@code false} when the file cannot be read (reading it will say why)
     */
    public static boolean needsPassphrase(Path file) {
        try {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".p12") || name.endsWith(".pfx") || !looksLikePem(file)) {
                return true;
            }
            return Files.readString(file, StandardCharsets.ISO_8859_1).contains("ENCRYPTED");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean looksLikePem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
            return head.contains("-----BEGIN ");
        }
    }

    private static ClientCertificate readPkcs12(Path file, char[] passphrase) throws CredentialException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try {
                store.load(in, passphrase);
            } catch (IOException e) {
                if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage())
                        .toLowerCase(Locale.ROOT).contains("password")) {
                    throw new CredentialException((passphrase == null || passphrase.length == 0
                            ? "The PKCS#12 file " + file + " needs a passphrase"
                            : "Wrong passphrase for the PKCS#12 file " + file), file.toUri());
                }
                throw new CredentialException("Not a PEM or PKCS#12 certificate file: " + file, file.toUri());
            }
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key;
                    try {
                        key = store.getKey(alias, passphrase);
                    } catch (UnrecoverableKeyException e) {
                        throw new CredentialException("Wrong passphrase for the key in " + file, file.toUri());
                    }
                    List<X509Certificate> chain = new ArrayList<>();
                    Certificate[] certs = store.getCertificateChain(alias);
                    for (Certificate c : certs == null ? new Certificate[0] : certs) {
                        chain.add((X509Certificate) c);
                    }
                    if (key instanceof PrivateKey pk && !chain.isEmpty()) {
                        return new ClientCertificate(file, pk, chain);
                    }
                }
            }
            throw new CredentialException("The PKCS#12 file " + file + " holds no private key with a certificate",
                    file.toUri());
        } catch (GeneralSecurityException e) {
            throw new CredentialException("Cannot read the PKCS#12 file " + file + ": " + e.getMessage(), file.toUri());
        }
    }

    private static ClientCertificate readPem(Path file, char[] passphrase) throws CredentialException, IOException {
        List<X509Certificate> chain = new ArrayList<>();
        PrivateKey key = null;
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser pem = new PEMParser(reader)) {
            Object o;
            while ((o = pem.readObject()) != null) {
                if (o instanceof X509CertificateHolder holder) {
                    chain.add(certs.getCertificate(holder));
                } else if (o instanceof PEMKeyPair pair) {
                    // SEC1 EC keys may omit the public key: convert the private part alone.
                    key = keys.getPrivateKey(pair.getPrivateKeyInfo());
                } else if (o instanceof PrivateKeyInfo info) {
                    key = keys.getPrivateKey(info);
                } else if (o instanceof PEMEncryptedKeyPair encrypted) {
                    requirePassphrase(file, passphrase);
                    try {
                        key = keys.getPrivateKey(encrypted.decryptKeyPair(
                                new JcePEMDecryptorProviderBuilder().build(passphrase)).getPrivateKeyInfo());
                    } catch (PEMException e) {
                        throw new CredentialException("Wrong passphrase for the key in " + file, file.toUri());
                    }
                } else if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    requirePassphrase(file, passphrase);
                    try {
                        key = keys.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder()
                                        .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                                        .build(passphrase)));
                    } catch (PKCSException | OperatorCreationException e) {
                        throw new CredentialException("Wrong passphrase for the key in " + file, file.toUri());
                    }
                }
            }
        } catch (PEMException e) {
            throw new CredentialException("Malformed PEM in " + file + ": " + e.getMessage(), file.toUri());
        } catch (java.security.cert.CertificateException e) {
            throw new CredentialException("Unreadable certificate in " + file + ": " + e.getMessage(), file.toUri());
        }
        if (chain.isEmpty()) {
            throw new CredentialException("No certificate in " + file, file.toUri());
        }
        if (key == null) {
            throw new CredentialException("No private key in " + file + " (it must hold the certificate and its key)",
                    file.toUri());
        }
        return new ClientCertificate(file, key, ordered(file, chain, key));
    }

    private static void requirePassphrase(Path file, char[] passphrase) throws CredentialException {
        if (passphrase == null || passphrase.length == 0) {
            throw new CredentialException("The key in " + file + " is encrypted: a passphrase is needed", file.toUri());
        }
    }

    /** The certificate whose public key matches the key goes first. */
    private static List<X509Certificate> ordered(Path file, List<X509Certificate> chain, PrivateKey key)
            throws CredentialException {
        List<X509Certificate> out = new ArrayList<>(chain);
        for (X509Certificate c : chain) {
            if (matches(c, key)) {
                out.remove(c);
                out.add(0, c);
                return out;
            }
        }
        throw new CredentialException("The private key in " + file + " does not belong to any of its certificates", file.toUri());
    }

    private static boolean matches(X509Certificate cert, PrivateKey key) {
        var pub = cert.getPublicKey();
        if (pub instanceof java.security.interfaces.RSAPublicKey rsa
                && key instanceof java.security.interfaces.RSAPrivateKey priv) {
            return rsa.getModulus().equals(priv.getModulus());
        }
        if (pub instanceof java.security.interfaces.ECPublicKey ec
                && key instanceof java.security.interfaces.ECPrivateKey priv) {
            var params = ec.getParams();
            var g = params.getGenerator();
            // Q = d·G, compared through a signature round trip rather than curve arithmetic.
            try {
                var sig = java.security.Signature.getInstance("SHA256withECDSA");
                sig.initSign(priv);
                byte[] data = g.getAffineX().toByteArray();
                sig.update(data);
                byte[] s = sig.sign();
                sig.initVerify(ec);
                sig.update(data);
                return sig.verify(s);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * Checks the validity period of the client's certificate.
     *
     * @param now the current time
     * @return a warning when it expires within {@link #EXPIRY_WARNING}, otherwise empty
     * @throws CredentialException when it has expired or is not valid yet (the message gives its dates)
     */
    public Optional<String> checkValidity(Instant now) throws CredentialException {
        X509Certificate c = chain.get(0);
        Instant from = c.getNotBefore().toInstant();
        Instant to = c.getNotAfter().toInstant();
        String period = " (valid from " + DATE.format(from) + " to " + DATE.format(to) + ")";
        if (now.isAfter(to)) {
            throw new CredentialException("The certificate in " + source + " expired on " + DATE.format(to) + period
                    + ": get a new one", source == null ? null : source.toUri());
        }
        if (now.isBefore(from)) {
            throw new CredentialException("The certificate in " + source + " is not valid before " + DATE.format(from)
                    + period, source == null ? null : source.toUri());
        }
        Duration left = Duration.between(now, to);
        if (left.compareTo(EXPIRY_WARNING) < 0) {
            return Optional.of("the certificate in " + source + " expires on " + DATE.format(to) + " (in "
                    + Math.max(0, left.toHours()) + " hours): renew it soon");
        }
        return Optional.empty();
    }

    /** @return key managers presenting this certificate, for an {@code SSLContext} */
    public KeyManager[] keyManagers() {
        try {
            char[] transient_ = "astrolabe".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, transient_, chain.toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, transient_);
            return kmf.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build key managers for " + subject() + ": " + e.getMessage(), e);
        }
    }

    /** @return the file it was read from, or {@code null} */
    public Path source() {
        return source;
    }

    /** @return the chain, the client's certificate first */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** @return the subject of the client's certificate */
    public String subject() {
        return chain.get(0).getSubjectX500Principal().getName();
    }

    /** @return the end of the validity period of the client's certificate */
    public Instant notAfter() {
        return chain.get(0).getNotAfter().toInstant();
    }

    @Override
    public String toString() {
        X509Certificate c = chain.get(0);
        return "ClientCertificate[" + subject() + ", " + DATE.format(c.getNotBefore().toInstant()) + " – "
                + DATE.format(c.getNotAfter().toInstant()) + ", key " + key.getAlgorithm() + "]";
    }
}
