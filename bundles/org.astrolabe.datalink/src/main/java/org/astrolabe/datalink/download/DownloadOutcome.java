package org.astrolabe.datalink.download;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

import org.astrolabe.core.AstrolabeException;

/**
 * What happened to one URL of a {@link DownloadManager#download} call. Immutable.
 *
 * @param url the URL as given
 * @param status what happened
 * @param file the downloaded file ({@link Status#DOWNLOADED}), the file that is in the way
 *        ({@link Status#EXISTS}), or {@code null}
 * @param size bytes written, or -1 when nothing was written
 * @param failure the typed failure for any status but DOWNLOADED and EXISTS, else {@code null};
 *        its message is a sentence naming the URL
 */
public record DownloadOutcome(URI url, Status status, Path file, long size, AstrolabeException failure) {

    /** What happened to one URL. */
    public enum Status {
        /** Complete and verified, at {@link DownloadOutcome#file()}. */
        DOWNLOADED,
        /** Not downloaded: a file of that name exists and overwriting was not asked for. */
        EXISTS,
        /** HTTP 401: credentials are needed. */
        AUTHENTICATION_REQUIRED,
        /** HTTP 403: the credentials given do not allow it. */
        ACCESS_DENIED,
        /** HTTP 404 or 410. */
        NOT_FOUND,
        /** The host could not be reached, the connection kept breaking, or 503 outlasted the retries. */
        NETWORK_FAILURE,
        /** Fewer bytes than announced, an empty answer, or a digest that does not match: nothing kept. */
        INVALID_CONTENT,
        /** Any other error answer of the server. */
        SERVICE_FAILURE;

        /** @return whether the file is on disk (downloaded now or already there) */
        public boolean isSuccess() {
            return this == DOWNLOADED || this == EXISTS;
        }
    }

    /**
     * @throws NullPointerException if the URL or status is missing
     * @throws IllegalArgumentException if a failed status has no failure, or a successful one has one
     */
    public DownloadOutcome {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        if (status.isSuccess() != (failure == null)) {
            throw new IllegalArgumentException("Outcome " + status + " for " + url
                    + (failure == null ? " needs a failure" : " cannot carry a failure"));
        }
    }

    /** @return a one-line description for a user: the path and size, or the failure's message */
    public String describe() {
        return switch (status) {
            case DOWNLOADED -> file + " (" + size + " bytes)";
            case EXISTS -> file + " exists, not overwritten (" + url + ")";
            default -> failure.getMessage();
        };
    }
}
