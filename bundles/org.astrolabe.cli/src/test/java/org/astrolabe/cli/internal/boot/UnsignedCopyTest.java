package org.astrolabe.cli.internal.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsignedCopyTest {

    @TempDir
    Path dir;

    @Test
    void dropsOnlyTheSignatureFiles() throws IOException {
        Path jar = dir.resolve("signed.jar");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String name : List.of("META-INF/MANIFEST.MF", "META-INF/ECLIPSE_.SF", "META-INF/ECLIPSE_.RSA",
                    "META-INF/OTHER.EC", "META-INF/a.dsa", "META-INF/SIG-X", "META-INF/services/x.SF",
                    "org/example/Main.class", "plugin.properties")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(("content of " + name).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Path copy = dir.resolve("copy.jar");
        Files.writeString(copy, "an older copy");
        UnsignedCopy.copy(jar, copy);
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            zip.stream().forEach(e -> names.add(e.getName()));
            assertArrayEquals("content of org/example/Main.class".getBytes(StandardCharsets.UTF_8),
                    zip.getInputStream(zip.getEntry("org/example/Main.class")).readAllBytes());
        }
        assertEquals(List.of("META-INF/MANIFEST.MF", "META-INF/services/x.SF", "org/example/Main.class",
                "plugin.properties"), names);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void aMissingSourceLeavesTheTargetAlone() throws IOException {
        Path copy = dir.resolve("copy.jar");
        Files.writeString(copy, "kept");
        assertThrows(IOException.class, () -> UnsignedCopy.copy(dir.resolve("missing.jar"), copy));
        assertEquals("kept", Files.readString(copy));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void recognisesSignatureNames() {
        assertTrue(UnsignedCopy.isSignature("META-INF/ECLIPSE_.SF"));
        assertTrue(UnsignedCopy.isSignature("meta-inf/x.rsa"));
        assertFalse(UnsignedCopy.isSignature("META-INF/MANIFEST.MF"));
        assertFalse(UnsignedCopy.isSignature("META-INF/maven/x.SF"));
        assertFalse(UnsignedCopy.isSignature("x.SF"));
    }
}
