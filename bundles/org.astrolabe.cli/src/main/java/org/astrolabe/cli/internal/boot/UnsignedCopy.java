package org.astrolabe.cli.internal.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Run by the {@code astrolabe} launcher script, outside OSGi, when it prepares the configuration of
 * the headless commands: copies the Equinox launcher and framework jars without their signature
 * files. The JDK checks the digest of every class it loads from a signed jar on the class path and
 * never puts such classes in a class-data archive, which together cost a command about a fifth of
 * its start-up CPU; the installation's own, signed jars are left untouched (p2 and the workbench
 * use them).
 *
 * <p>Usage: {@code java -cp org.astrolabe.cli.jar org.astrolabe.cli.internal.boot.UnsignedCopy
 * SOURCE TARGET [SOURCE TARGET ...]}. Each target is written to a temporary file and renamed
 * when complete; the exit code is 0 when every copy was made, 1 otherwise (the launcher then keeps
 * using the signed jars).
 */
public final class UnsignedCopy {

    private UnsignedCopy() {
    }

    /**
     * @param args pairs of source and target paths
     */
    public static void main(String[] args) {
        if (args.length == 0 || args.length % 2 != 0) {
            System.err.println("usage: UnsignedCopy SOURCE TARGET [SOURCE TARGET ...]");
            System.exit(2);
        }
        int status = 0;
        for (int i = 0; i < args.length; i += 2) {
            try {
                copy(Path.of(args[i]), Path.of(args[i + 1]));
            } catch (IOException | RuntimeException e) {
                System.err.println("astrolabe: cannot copy " + args[i] + ": " + e.getMessage());
                status = 1;
            }
        }
        System.exit(status);
    }

    /**
     * Copies the jar {@code source} to {@code target} without its signature files.
     *
     * @param source a jar file
     * @param target the copy; replaced if it exists, never left incomplete
     * @throws IOException when the source cannot be read or the target written
     */
    static void copy(Path source, Path target) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (ZipFile in = new ZipFile(source.toFile());
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temp))) {
                Enumeration<? extends ZipEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (isSignature(entry.getName())) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    try (InputStream data = in.getInputStream(entry)) {
                        data.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Whether a jar entry is part of a signature (META-INF/*.SF, *.RSA, *.DSA, *.EC, SIG-*). */
    static boolean isSignature(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        return file.endsWith(".SF") || file.endsWith(".RSA") || file.endsWith(".DSA") || file.endsWith(".EC")
                || file.startsWith("SIG-");
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
