package org.astrolabe.archive.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.ResolvedArchive;

/**
 * Resolved endpoints kept on disk between runs (a command line is one process per command), keyed
 * by the archive and the registry used: {@code KEY.tap}, {@code .datalink}, {@code .login},
 * {@code .at} (epoch milliseconds). Written to a temporary file and moved into place. A cache that
 * cannot be read or written is ignored: it only saves requests. Not thread-safe (the catalogue
 * synchronises).
 */
final class ResolvedCache {

    private final Path file;

    ResolvedCache(Path file) {
        this.file = file;
    }

    /** @return the entry for this archive and registry, if there is one (fresh or not) */
    Optional<ResolvedArchive> get(Archive archive, URI registry) {
        Properties p = load();
        String k = key(archive, registry);
        String tap = p.getProperty(k + ".tap");
        String at = p.getProperty(k + ".at");
        if (tap == null || at == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ResolvedArchive(archive, URI.create(tap), uri(p.getProperty(k + ".datalink")),
                    uri(p.getProperty(k + ".login")), Instant.ofEpochMilli(Long.parseLong(at))));
        } catch (IllegalArgumentException damaged) {
            return Optional.empty();
        }
    }

    /** Stores an entry; failures to write are ignored (the next run resolves again). */
    void put(URI registry, ResolvedArchive resolved) {
        Properties p = load();
        String k = key(resolved.archive(), registry);
        p.setProperty(k + ".tap", resolved.tap().toString());
        set(p, k + ".datalink", resolved.dataLink());
        set(p, k + ".login", resolved.login());
        p.setProperty(k + ".at", Long.toString(resolved.resolvedAt().toEpochMilli()));
        try {
            PropertiesFiles.write(p, file, "Astrolabe: resolved archive endpoints (a cache; safe to delete)");
        } catch (IOException ignored) {
            // a cache only: the endpoints are resolved again next time
        }
    }

    private Properties load() {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (NoSuchFileException e) {
            // nothing cached yet
        } catch (IOException | IllegalArgumentException e) {
            // unreadable or damaged: start afresh
            p.clear();
        }
        return p;
    }

    private static String key(Archive archive, URI registry) {
        String id = archive.name() + "|" + archive.tap() + "|" + archive.dataLink() + "|" + archive.login() + "|"
                + registry;
        return archive.name() + "-" + Integer.toHexString(id.hashCode());
    }

    private static void set(Properties p, String key, URI value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        } else {
            p.remove(key);
        }
    }

    private static URI uri(String s) {
        return s == null || s.isBlank() ? null : URI.create(s);
    }
}
