package org.astrolabe.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

import org.astrolabe.auth.TestPki.KeyFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** PEM and PKCS#12 files made at test time with BouncyCastle, in every layout users meet. */
class ClientCertificateTest {

    private static TestPki pki;
    private static KeyPair rsa;
    private static KeyPair ec;
    @TempDir
    Path dir;

    @BeforeAll
    static void pki() throws Exception {
        pki = new TestPki();
        rsa = TestPki.rsa();
        ec = TestPki.ec();
    }

    @ParameterizedTest(name = "{0} key, {1}, key first: {2}")
    @CsvSource({"RSA, TRADITIONAL, true", "RSA, TRADITIONAL, false", "RSA, PKCS8, true", "RSA, PKCS8, false",
            "RSA, PKCS8_ENCRYPTED, false", "EC, TRADITIONAL, true", "EC, TRADITIONAL, false", "EC, PKCS8, false",
            "EC, PKCS8_ENCRYPTED, true"})
    void readsPemInEveryLayout(String alg, KeyFormat format, boolean keyFirst) throws Exception {
        KeyPair keys = alg.equals("RSA") ? rsa : ec;
        TestPki.Issued client = pki.client("alice", keys, 30);
        char[] pass = format == KeyFormat.PKCS8_ENCRYPTED ? "s3cret pass".toCharArray() : null;
        Path pem = pki.pem(dir, client, format, keyFirst, pass);
        ClientCertificate c = ClientCertificate.read(pem, pass);
        assertEquals(client.certificate(), c.chain().get(0), "the client's certificate comes first");
        assertEquals(2, c.chain().size());
        assertTrue(c.subject().contains("CN=alice"), c.subject());
        assertFalse(c.checkValidity(Instant.now()).isPresent());
        assertTrue(c.keyManagers().length > 0);
        assertFalse(c.toString().contains("PRIVATE"), c.toString());
    }


    @Test
    void encryptedPemWithoutOrWithWrongPassphraseSaysSo() throws Exception {
        Path pem = pki.pem(dir, pki.client("alice", rsa, 30), KeyFormat.PKCS8_ENCRYPTED, false, "right".toCharArray());
        CredentialException none = assertThrows(CredentialException.class, () -> ClientCertificate.read(pem, null));
        assertTrue(none.getMessage().contains("passphrase is needed"), none.getMessage());
        CredentialException wrong = assertThrows(CredentialException.class,
                () -> ClientCertificate.read(pem, "wrong".toCharArray()));
        assertTrue(wrong.getMessage().startsWith("Wrong passphrase"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("wrong\""));
    }

    @Test
    void pkcs12RightAndWrongPassphrase() throws Exception {
        TestPki.Issued client = pki.client("bob", ec, 30);
        Path p12 = pki.p12(dir, client, "p12pass".toCharArray());
        assertEquals(client.certificate(), ClientCertificate.read(p12, "p12pass".toCharArray()).chain().get(0));
        CredentialException wrong = assertThrows(CredentialException.class,
                () -> ClientCertificate.read(p12, "nope".toCharArray()));
        assertTrue(wrong.getMessage().contains("Wrong passphrase"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("nope"));
    }

    @Test
    void validityExpiredNotYetValidAndExpiringSoon() throws Exception {
        Instant now = Instant.now();
        Path expired = pki.pem(dir, pki.client("old", rsa, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1))),
                KeyFormat.PKCS8, false, null);
        CredentialException e = assertThrows(CredentialException.class,
                () -> ClientCertificate.read(expired, null).checkValidity(now));
        assertTrue(e.getMessage().contains("expired on") && e.getMessage().contains("valid from"), e.getMessage());
        Path future = pki.pem(dir, pki.client("new", rsa, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(30))),
                KeyFormat.PKCS8, false, null);
        e = assertThrows(CredentialException.class, () -> ClientCertificate.read(future, null).checkValidity(now));
        assertTrue(e.getMessage().contains("not valid before"), e.getMessage());
        Path soon = pki.pem(dir, pki.client("soon", rsa, now.minus(Duration.ofDays(9)), now.plus(Duration.ofDays(3))),
                KeyFormat.PKCS8, false, null);
        String warning = ClientCertificate.read(soon, null).checkValidity(now).orElseThrow();
        assertTrue(warning.contains("expires on") && warning.contains("renew"), warning);
    }

    @Test
    void filesWithoutKeyOrCertificateOrGarbageAreRefused() throws Exception {
        Path pem = pki.pem(dir, pki.client("x", rsa, 30), KeyFormat.PKCS8, false, null);
        String text = Files.readString(pem);
        Path certsOnly = Files.writeString(dir.resolve("certs.pem"),
                text.substring(0, text.indexOf("-----BEGIN PRIVATE KEY")));
        assertTrue(assertThrows(CredentialException.class, () -> ClientCertificate.read(certsOnly, null))
                .getMessage().contains("No private key"));
        Path keyOnly = Files.writeString(dir.resolve("key.pem"), text.substring(text.indexOf("-----BEGIN PRIVATE KEY")));
        assertTrue(assertThrows(CredentialException.class, () -> ClientCertificate.read(keyOnly, null))
                .getMessage().contains("No certificate"));
        // Found by PemFuzzer: damaged base64 inside a PEM block escaped as BouncyCastle's DecoderException.
        Path badBase64 = Files.writeString(dir.resolve("bad64.pem"),
                "-----BEGIN CERTIFICATE-----\nMII*&^%$\n-----END CERTIFICATE-----\n");
        assertTrue(assertThrows(CredentialException.class, () -> ClientCertificate.read(badBase64, null))
                .getMessage().contains("Malformed"));
        Path garbage = Files.write(dir.resolve("garbage.p12"), new byte[] {1, 2, 3, 4});
        assertThrows(CredentialException.class, () -> ClientCertificate.read(garbage, "x".toCharArray()));
        assertTrue(assertThrows(CredentialException.class, () -> ClientCertificate.read(dir.resolve("missing.pem"), null))
                .getMessage().contains("Cannot read"));
        // A key that belongs to none of the certificates.
        Path other = pki.pem(dir, pki.client("y", TestPki.rsa(), 30), KeyFormat.PKCS8, false, null);
        String otherText = Files.readString(other);
        Path mismatched = Files.writeString(dir.resolve("mismatch.pem"),
                text.substring(0, text.indexOf("-----BEGIN PRIVATE KEY"))
                        + otherText.substring(otherText.indexOf("-----BEGIN PRIVATE KEY")));
        assertTrue(assertThrows(CredentialException.class, () -> ClientCertificate.read(mismatched, null))
                .getMessage().contains("does not belong"));
    }
}
