package org.astrolabe.tap.uws;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A job this user created through {@link UwsJobManager}, as remembered in the local job store so
 * that it can be resumed after a restart. Immutable.
 *
 * @param service the TAP service's base URL
 * @param job the job's URL
 * @param id the job id
 * @param created when it was created (local clock)
 * @param query the ADQL it runs, or "" when unknown
 */
public record RememberedJob(URI service, URI job, String id, Instant created, String query) {

    /** @throws IllegalArgumentException if the id is blank; NullPointerException for a null component */
    public RememberedJob {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(job, "job");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A remembered job needs an id: " + job);
        }
        Objects.requireNonNull(created, "created");
        query = query == null ? "" : query;
    }
}
