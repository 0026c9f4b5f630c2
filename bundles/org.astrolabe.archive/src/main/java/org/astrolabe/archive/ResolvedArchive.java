package org.astrolabe.archive;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An archive with every identifier resolved to a URL. Immutable and thread-safe.
 *
 * @param archive the archive
 * @param tap the TAP base URL
 * @param dataLink the DataLink {links} endpoint, or {@code null} when the archive has none
 * @param login the login endpoint, or {@code null}
 * @param resolvedAt when the registry and capabilities were read (the time of construction for
 *        archives given by URLs only)
 */
public record ResolvedArchive(Archive archive, URI tap, URI dataLink, URI login, Instant resolvedAt) {

    /** @throws NullPointerException if the archive, TAP URL or time is missing */
    public ResolvedArchive {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(tap, "tap");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
    }

    /** @return the archive's profile */
    public Profile profile() {
        return archive.profile();
    }
}
