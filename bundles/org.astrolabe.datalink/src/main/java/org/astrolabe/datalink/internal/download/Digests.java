package org.astrolabe.datalink.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.astrolabe.core.http.HttpResult;

/**
 * Digests a server announces for a whole file ({@code Digest: sha-256=..., md5=...} of RFC 3230,
 * {@code Repr-Digest: sha-256=:...:} of RFC 9530, {@code Content-MD5}) and their check against a
 * file. Immutable.
 */
record Digests(List<Expected> expected) {

    /** One announced digest: a Java algorithm name and the bytes. */
    record Expected(String algorithm, String label, byte[] value) {
    }

    static final Digests NONE = new Digests(List.of());

    /** Reads the digests of a 200 answer; unknown algorithms and unreadable values are ignored. */
    static Digests of(HttpResult result) {
        List<Expected> found = new ArrayList<>();
        result.header("Repr-Digest").ifPresent(v -> parse(v, true, found));
        result.header("Digest").ifPresent(v -> parse(v, false, found));
        result.header("Content-MD5").ifPresent(v -> add("md5", v.trim(), found));
        return new Digests(List.copyOf(found));
    }

    private static void parse(String header, boolean structured, List<Expected> found) {
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String alg = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = item.substring(eq + 1).trim();
            if (structured || (value.startsWith(":") && value.endsWith(":") && value.length() > 1)) {
                value = value.replaceAll("^:|:$", "");
            }
            add(alg, value, found);
        }
    }

    private static void add(String alg, String value, List<Expected> found) {
        String java = switch (alg) {
            case "sha-256", "sha256" -> "SHA-256";
            case "sha-512", "sha512" -> "SHA-512";
            case "sha", "sha-1" -> "SHA-1";
            case "md5" -> "MD5";
            default -> null;
        };
        if (java == null) {
            return;
        }
        try {
            found.add(new Expected(java, alg, Base64.getDecoder().decode(value)));
        } catch (IllegalArgumentException notBase64) {
            try {
                found.add(new Expected(java, alg, HexFormat.of().parseHex(value)));
            } catch (IllegalArgumentException notHex) {
                // an unreadable digest cannot be checked; the size check still applies
            }
        }
    }

    boolean isEmpty() {
        return expected.isEmpty();
    }

    /**
     * @return {@code null} when every announced digest matches {@code file}, otherwise the label of
     *         the first one that does not
     */
    String firstMismatch(Path file) throws IOException {
        for (Expected e : expected) {
            MessageDigest md;
            try {
                md = MessageDigest.getInstance(e.algorithm());
            } catch (NoSuchAlgorithmException unavailable) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0;) {
                    md.update(buf, 0, n);
                }
            }
            if (!MessageDigest.isEqual(md.digest(), e.value())) {
                return e.label();
            }
        }
        return null;
    }
}
