package org.astrolabe.auth.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.astrolabe.auth.ClientCertificate;
import org.astrolabe.auth.CredentialException;
import org.astrolabe.auth.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Certificate files as users hand them over ({@code --cert FILE}): {@link ClientCertificate#read}
 * on PEM (PKCS#1, SEC1, PKCS#8, encrypted PKCS#8; key before or after the chain) and PKCS#12
 * bytes. The only documented failure is a {@link CredentialException} with a one-line message;
 * anything else is a crash. Seeds: valid files of every kind made at start-up by {@link TestPki}.
 * Counts go to {@code target/fuzz/pem.properties} like the other bundles' fuzz targets.
 */
class PemFuzzer {

    private static final char[] PASSPHRASE = "fuzz-pass".toCharArray();
    private static final AtomicLong RUNS = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static Path scratch;
    private static long seeds;

    @BeforeAll
    static void seed() throws Exception {
        Path base = Path.of(System.getProperty("jazzer.internal.basedir", System.getProperty("user.dir")));
        Path corpus = Files.createDirectories(base.resolve(".cifuzz-corpus").resolve(PemFuzzer.class.getName())
                .resolve("read"));
        scratch = Files.createTempDirectory("astrolabe-pem-fuzz");
        TestPki pki = new TestPki();
        for (var keys : new java.security.KeyPair[] {TestPki.rsa(), TestPki.ec()}) {
            TestPki.Issued client = pki.client("fuzz", keys, 30);
            for (TestPki.KeyFormat format : TestPki.KeyFormat.values()) {
                for (boolean keyFirst : new boolean[] {true, false}) {
                    Path pem = pki.pem(scratch, client, format, keyFirst, PASSPHRASE);
                    Files.move(pem, corpus.resolve("seed-" + keys.getPrivate().getAlgorithm() + "-" + format + "-"
                            + keyFirst + ".pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    seeds++;
                }
            }
            Files.move(pki.p12(scratch, client, PASSPHRASE), corpus.resolve("seed-" + keys.getPrivate().getAlgorithm()
                    + ".p12"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            seeds++;
        }
    }

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) throws Exception {
        RUNS.incrementAndGet();
        // The file name decides nothing: the reader looks at the content (PEM text or PKCS#12).
        Path file = scratch.resolve("cert.pem");
        Files.write(file, data);
        try {
            ClientCertificate.read(file, PASSPHRASE);
        } catch (CredentialException e) {
            String m = e.getMessage();
            if (m == null || m.isBlank() || m.contains("\n")) {
                throw new AssertionError("the message must be one non-empty line: " + m, e);
            }
            REFUSED.incrementAndGet();
        }
    }

    @AfterAll
    static void report() throws IOException {
        Path out = Path.of("target", "fuzz", "pem.properties");
        Files.createDirectories(out.getParent());
        String text = "target=pem\nseeds=" + seeds + "\nexecutions=" + RUNS.get() + "\nrefused=" + REFUSED.get() + "\n";
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("FUZZ " + text.replace('\n', ' '));
    }
}
