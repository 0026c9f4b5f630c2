package org.astrolabe.tap.uws;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code jobref} of a UWS job list. Immutable. UWS 1.0 lists (and DaCHS's) carry only the id,
 * the URL and the phase.
 *
 * @param id the job id
 * @param uri the job's URL
 * @param phase its phase when the list was made
 * @param runId the client's label, if the list gives it
 * @param owner the owner, if the list gives it
 * @param creationTime when the job was created, if the list gives it (UWS 1.1)
 */
public record JobSummary(String id, URI uri, ExecutionPhase phase, Optional<String> runId, Optional<String> owner,
        Optional<Instant> creationTime) {

    /**
     * @throws IllegalArgumentException if the id is blank or the URI not absolute
     * @throws NullPointerException if another component is null
     */
    public JobSummary {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A job reference needs an id");
        }
        Objects.requireNonNull(uri, () -> "Job " + id + " has no URL");
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException("The URL of job " + id + " is not absolute: " + uri);
        }
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(creationTime, "creationTime");
    }
}
