package org.astrolabe.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.Profile;
import org.astrolabe.core.registry.ServiceAddress;

/**
 * The user's archives in a properties file ({@code NAME.tap = ...}), written to a temporary file
 * beside it and moved into place, so a crash never leaves a half-written file. Not thread-safe
 * (the catalogue synchronises).
 */
final class ArchiveStore {

    private final Path file;

    ArchiveStore(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** @return the saved archives; entries that no longer validate are skipped */
    List<Archive> load() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the saved archives in " + file + ": " + e.getMessage(), e);
        }
        TreeSet<String> names = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".tap")) {
                names.add(key.substring(0, key.length() - 4));
            }
        }
        List<Archive> archives = new ArrayList<>();
        for (String n : names) {
            try {
                archives.add(new Archive(n, p.getProperty(n + ".title", ""),
                        Profile.parse(p.getProperty(n + ".profile", "obscore")),
                        ServiceAddress.parse(p.getProperty(n + ".tap")), address(p.getProperty(n + ".datalink")),
                        address(p.getProperty(n + ".login")), uri(p.getProperty(n + ".scs")),
                        uri(p.getProperty(n + ".sia")), uri(p.getProperty(n + ".sia2")),
                        uri(p.getProperty(n + ".registry")), p.getProperty(n + ".datalinkRequest", ""), false));
            } catch (IllegalArgumentException skipped) {
                // an entry edited by hand into something invalid: left out rather than failing every command
            }
        }
        return archives;
    }

    private static ServiceAddress address(String s) {
        return s == null || s.isBlank() ? null : ServiceAddress.parse(s);
    }

    private static URI uri(String s) {
        return s == null || s.isBlank() ? null : URI.create(s.strip());
    }

    /** Writes all archives, atomically. */
    void save(List<Archive> archives) throws IOException {
        Properties p = new Properties();
        for (Archive a : archives) {
            String n = a.name();
            p.setProperty(n + ".tap", a.tap().toString());
            p.setProperty(n + ".profile", a.profile().name().toLowerCase(java.util.Locale.ROOT));
            put(p, n + ".title", a.title());
            put(p, n + ".datalink", a.dataLink());
            put(p, n + ".login", a.login());
            put(p, n + ".scs", a.coneSearch());
            put(p, n + ".sia", a.sia());
            put(p, n + ".sia2", a.sia2());
            put(p, n + ".registry", a.registry());
            put(p, n + ".datalinkRequest", a.dataLinkRequest());
        }
        PropertiesFiles.write(p, file, "Astrolabe: archives added by the user");
    }

    private static void put(Properties p, String key, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            p.setProperty(key, value.toString());
        }
    }
}
