package org.astrolabe.core.votable;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A result saved to a file exactly as the service sent it (see {@link ResultStreamer}). Immutable.
 *
 * @param file the finished file
 * @param bytes its size
 * @param mediaType the media type the service declared, lower case without parameters, or ""
 * @param votable whether the body was a VOTable (only then can {@link #status()} report OVERFLOW)
 * @param status the QUERY_STATUS read from a VOTable; {@link QueryStatus#unspecified()} for other
 *        formats, which carry none
 */
public record SavedResult(Path file, long bytes, String mediaType, boolean votable, QueryStatus status) {

    /** @throws NullPointerException if the file or status is missing */
    public SavedResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(status, "status");
        mediaType = Objects.requireNonNullElse(mediaType, "");
    }

    /** @return {@code true} if the service reported OVERFLOW: more rows matched than were returned */
    public boolean isTruncated() {
        return status.state() == QueryStatus.State.OVERFLOW;
    }
}
