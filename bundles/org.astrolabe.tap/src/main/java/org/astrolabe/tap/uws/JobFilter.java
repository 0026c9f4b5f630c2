package org.astrolabe.tap.uws;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The filters of a UWS 1.1 job list request ({@code PHASE}, {@code AFTER}, {@code LAST}).
 * Immutable.
 *
 * @param phases only jobs in one of these phases; empty means any phase
 * @param after only jobs created after this instant
 * @param last only the most recently created {@code last} jobs
 */
public record JobFilter(Set<ExecutionPhase> phases, Optional<Instant> after, OptionalInt last) {

    /** @throws IllegalArgumentException if {@code last} is present and not positive */
    public JobFilter {
        phases = phases.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(phases));
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(last, "last");
        if (last.isPresent() && last.getAsInt() < 1) {
            throw new IllegalArgumentException("LAST must be at least 1: " + last.getAsInt());
        }
    }

    /** @return a filter that keeps every job */
    public static JobFilter all() {
        return new JobFilter(Set.of(), Optional.empty(), OptionalInt.empty());
    }

    /** @return a copy that keeps only jobs in one of {@code phase} */
    public JobFilter withPhases(ExecutionPhase... phase) {
        return new JobFilter(Set.of(phase), after, last);
    }

    /** @return a copy that keeps only jobs created after {@code instant} */
    public JobFilter withAfter(Instant instant) {
        return new JobFilter(phases, Optional.of(instant), last);
    }

    /** @return a copy that keeps only the {@code n} most recent jobs */
    public JobFilter withLast(int n) {
        return new JobFilter(phases, after, OptionalInt.of(n));
    }

    /**
     * @param job a job reference
     * @return {@code true} if it passes the phase filter and, when its creation time is known, the
     *         {@code AFTER} filter
     */
    public boolean accepts(JobSummary job) {
        if (!phases.isEmpty() && !phases.contains(job.phase())) {
            return false;
        }
        return after.isEmpty() || job.creationTime().isEmpty() || job.creationTime().get().isAfter(after.get());
    }
}
