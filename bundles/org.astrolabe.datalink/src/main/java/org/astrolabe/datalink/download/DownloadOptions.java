package org.astrolabe.datalink.download;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.astrolabe.core.http.HttpRequest.Parameter;

/**
 * How a {@link DownloadManager} downloads. Immutable and thread-safe; the {@code with...} methods
 * return copies.
 *
 * @param directory where the files go (created if missing)
 * @param parallelPerHost transfers at once to one host (default 4)
 * @param overwrite replace existing files; otherwise an existing file gives
 *        {@link DownloadOutcome.Status#EXISTS}
 * @param maxAttempts requests per URL at most, first one included (resumes and retries count)
 * @param initialBackoff delay before the first retry without {@code Retry-After}; doubled each time
 * @param maxRetryDelay cap on any wait between attempts, {@code Retry-After} included
 * @param headers extra headers sent with every request (e.g. an archive session's
 *        {@code Authorization}); the transport drops them on redirects to another host
 */
public record DownloadOptions(Path directory, int parallelPerHost, boolean overwrite, int maxAttempts,
        Duration initialBackoff, Duration maxRetryDelay, List<Parameter> headers) {

    /** The default number of transfers at once per host. */
    public static final int DEFAULT_PARALLEL_PER_HOST = 4;

    /**
     * @throws IllegalArgumentException naming the bad value: no directory, parallelism or
     *         attempts below 1, a negative delay
     */
    public DownloadOptions {
        Objects.requireNonNull(directory, "No download directory given");
        if (parallelPerHost < 1) {
            throw new IllegalArgumentException("Parallel transfers per host must be at least 1: " + parallelPerHost);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("Attempts must be at least 1: " + maxAttempts);
        }
        if (initialBackoff == null || initialBackoff.isNegative()) {
            throw new IllegalArgumentException("Back-off must not be negative: " + initialBackoff);
        }
        if (maxRetryDelay == null || maxRetryDelay.isNegative()) {
            throw new IllegalArgumentException("Maximum retry delay must not be negative: " + maxRetryDelay);
        }
        headers = headers == null ? List.of() : List.copyOf(headers);
    }

    /**
     * @param directory where the files go
     * @return 4 per host, no overwrite, 6 attempts, 1 s back-off doubling, waits capped at 60 s
     */
    public static DownloadOptions into(Path directory) {
        return new DownloadOptions(directory, DEFAULT_PARALLEL_PER_HOST, false, 6, Duration.ofSeconds(1),
                Duration.ofSeconds(60), List.of());
    }

    /** @return a copy with {@code n} transfers at once per host */
    public DownloadOptions withParallelPerHost(int n) {
        return new DownloadOptions(directory, n, overwrite, maxAttempts, initialBackoff, maxRetryDelay, headers);
    }

    /** @return a copy that replaces (or not) existing files */
    public DownloadOptions withOverwrite(boolean replace) {
        return new DownloadOptions(directory, parallelPerHost, replace, maxAttempts, initialBackoff, maxRetryDelay,
                headers);
    }

    /** @return a copy with other retry settings */
    public DownloadOptions withRetries(int attempts, Duration backoff, Duration maxDelay) {
        return new DownloadOptions(directory, parallelPerHost, overwrite, attempts, backoff, maxDelay, headers);
    }

    /** @return a copy that sends one more header with every request */
    public DownloadOptions withHeader(String name, String value) {
        var h = new java.util.ArrayList<>(headers);
        h.add(new Parameter(name, value));
        return new DownloadOptions(directory, parallelPerHost, overwrite, maxAttempts, initialBackoff, maxRetryDelay,
                h);
    }
}
