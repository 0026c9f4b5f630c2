package org.astrolabe.tap.uws;

import java.util.Locale;

/**
 * The phase of a UWS job (UWS 1.1 §2.1.3; every UWS 1.0 phase is included). Immutable and
 * thread-safe.
 */
public enum ExecutionPhase {
    /** Created, parameters may still change; it does not run until asked to (POST PHASE=RUN). */
    PENDING,
    /** Accepted for execution, waiting for resources. */
    QUEUED,
    /** Running. */
    EXECUTING,
    /** Finished; results are available. */
    COMPLETED,
    /** Failed; the error summary (and the {@code /error} resource) say why. */
    ERROR,
    /** Stopped by a client or by the server before it finished. */
    ABORTED,
    /** The service does not know the phase. */
    UNKNOWN,
    /** Held by the server (UWS 1.0); may be released later. */
    HELD,
    /** Suspended by the server; may resume later. */
    SUSPENDED,
    /** Finished long ago; the results have been deleted but the job description remains (UWS 1.1). */
    ARCHIVED;

    /**
     * @return {@code true} for the phases in which a UWS 1.1 server blocks a {@code WAIT} request
     *         until the phase changes: {@link #PENDING}, {@link #QUEUED}, {@link #EXECUTING}
     */
    public boolean isActive() {
        return this == PENDING || this == QUEUED || this == EXECUTING;
    }

    /** @return {@code true} when the job has been started and has not ended: {@link #QUEUED}, {@link #EXECUTING} */
    public boolean isRunning() {
        return this == QUEUED || this == EXECUTING;
    }

    /**
     * @return {@code true} when the job will never change phase again: {@link #COMPLETED},
     *         {@link #ERROR}, {@link #ABORTED}, {@link #ARCHIVED}
     */
    public boolean isFinal() {
        return this == COMPLETED || this == ERROR || this == ABORTED || this == ARCHIVED;
    }

    /**
     * @param value a phase as a UWS document writes it, any case, surrounding blanks ignored
     * @return the phase
     * @throws IllegalArgumentException naming the value when it is not a UWS phase
     */
    public static ExecutionPhase parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A UWS phase is missing (empty value)");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown UWS phase '" + value.strip() + "'", e);
        }
    }
}
