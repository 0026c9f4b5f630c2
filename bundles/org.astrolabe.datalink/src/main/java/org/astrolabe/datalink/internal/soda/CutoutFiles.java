package org.astrolabe.datalink.internal.soda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.ServiceFailureException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpResult;

/**
 * Saves a cutout answer: streamed to a hidden temporary file in the target directory, size checked
 * against Content-Length, then moved to a name no other file has. Stateless and thread-safe
 * (concurrent saves of the same name get different numbered names: the final link is created
 * with {@code ATOMIC_MOVE} only after checking, and a clash retries with the next number).
 */
public final class CutoutFiles {

    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private CutoutFiles() {
    }

    /** @return a safe file name for the answer: Content-Disposition's, else one made from the identifier */
    static String fileName(HttpResult result, String id) {
        String name = result.header("Content-Disposition").map(FILENAME::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).orElse("");
        name = sanitize(name);
        if (name.isEmpty()) {
            String tail = id.replaceAll(".*[/?#:=]", "");
            tail = sanitize(tail.replaceAll("\\.(fits|fit|fz)(\\.gz)?$", ""));
            name = (tail.isEmpty() ? "cutout" : tail) + "-cutout" + (result.mediaType().contains("fits")
                    || result.mediaType().isEmpty() || result.mediaType().contains("octet") ? ".fits" : "");
        }
        return name;
    }

    static String sanitize(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        base = base.replaceAll("[^A-Za-z0-9._+-]", "_");
        while (base.startsWith(".")) {
            base = base.substring(1);
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    /**
     * @return the saved file
     * @throws TransientException when fewer bytes arrive than announced
     * @throws InvalidInputException when the directory or file cannot be written
     */
    public static Path save(HttpResult result, String id, Path directory) throws AstrolabeException {
        URI source = result.uri();
        String name = fileName(result, id);
        Path temp = null;
        try {
            Files.createDirectories(directory);
            temp = Files.createTempFile(directory, ".astrolabe-", ".part");
            long written = 0;
            long expected = result.contentLength();
            try (InputStream in = result.body(); OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[64 * 1024];
                while (true) {
                    int n;
                    try {
                        n = in.read(buffer);
                    } catch (IOException broken) {
                        // reading failed, not writing: the connection broke or timed out
                        throw new TransientException("The cutout from " + source + " was cut off after " + written
                                + (expected >= 0 ? " of " + expected : "") + " bytes: " + broken.getMessage(), source,
                                null, broken);
                    }
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    written += n;
                }
            }
            if (expected >= 0 && written != expected) {
                throw new TransientException("The cutout from " + source + " was cut off: " + written + " of "
                        + expected + " bytes arrived", source, null, null);
            }
            if (written == 0) {
                throw new ServiceFailureException("The cutout service at " + source
                        + " sent an empty answer for " + id + "; nothing was kept", source, null);
            }
            Path target = claim(directory, name, temp);
            temp = null;
            return target;
        } catch (IOException e) {
            throw new InvalidInputException("Cannot save the cutout from " + source + " in " + directory + ": "
                    + e.getMessage(), source, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a hidden .part file is all that can remain
                }
            }
        }
    }

    private static Path claim(Path directory, String name, Path temp) throws IOException {
        int dot = name.toLowerCase(Locale.ROOT).lastIndexOf(".fits");
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String suffix = dot > 0 ? name.substring(dot) : "";
        for (int n = 0; n < 10_000; n++) {
            Path target = directory.resolve(n == 0 ? name : stem + "-" + n + suffix);
            try {
                // createLink refuses an existing target: it reserves the name atomically.
                Files.createLink(target, temp);
                Files.delete(temp);
                return target;
            } catch (FileAlreadyExistsException taken) {
                continue;
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(target)) {
                    continue;
                }
                try {
                    return Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    return Files.move(temp, target);
                }
            }
        }
        throw new IOException("No free file name for " + name + " in " + directory);
    }
}
