package org.astrolabe.datalink;

/**
 * How {@link DataLinkResolver#resolve} batches identifiers. Immutable and thread-safe.
 *
 * @param batchSize the most identifiers sent in one request (one {@code ID} parameter each)
 * @param parallel the most requests in flight at once
 * @param maxGetLength the longest request URL sent as a GET; a longer batch is POSTed
 */
public record ResolveOptions(int batchSize, int parallel, int maxGetLength) {

    /** @throws IllegalArgumentException if a number is below 1 (below 256 for the URL length) */
    public ResolveOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("The DataLink batch size must be at least 1: " + batchSize);
        }
        if (parallel < 1) {
            throw new IllegalArgumentException("At least one DataLink request must be allowed at a time: " + parallel);
        }
        if (maxGetLength < 256) {
            throw new IllegalArgumentException("The longest GET URL must be at least 256 characters: " + maxGetLength);
        }
    }

    /** @return 50 identifiers per request, 4 requests at a time, GET up to 2000 characters */
    public static ResolveOptions defaults() {
        return new ResolveOptions(50, 4, 2000);
    }

    /** @return a copy with another batch size */
    public ResolveOptions withBatchSize(int size) {
        return new ResolveOptions(size, parallel, maxGetLength);
    }

    /** @return a copy with another number of parallel requests */
    public ResolveOptions withParallel(int n) {
        return new ResolveOptions(batchSize, n, maxGetLength);
    }
}
