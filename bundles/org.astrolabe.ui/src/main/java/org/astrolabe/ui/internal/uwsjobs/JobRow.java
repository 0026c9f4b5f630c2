package org.astrolabe.ui.internal.uwsjobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.RememberedJob;

/**
 * One line of the Jobs view: a job the user created, and what the service last said of it.
 *
 * @param job the remembered job
 * @param info the job as last read, if it could be read
 * @param problem why it could not be read (e.g. destroyed by the service), or ""
 */
record JobRow(RememberedJob job, Optional<JobInfo> info, String problem) {

    JobRow {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(info, "info");
        problem = problem == null ? "" : problem;
    }

    /** @return the phase as last read, or {@link ExecutionPhase#UNKNOWN} */
    ExecutionPhase phase() {
        return info.map(JobInfo::phase).orElse(ExecutionPhase.UNKNOWN);
    }

    /** @return when the job was created: the service's time, else the local one */
    Instant created() {
        return info.flatMap(JobInfo::creationTime).orElse(job.created());
    }

    /**
     * @param now the current time, for a job still running
     * @return how long it ran (start to end, or to now while it runs), if it started
     */
    Optional<Duration> duration(Instant now) {
        return info.flatMap(i -> i.startTime().map(start -> Duration.between(start,
                i.endTime().orElse(i.phase().isActive() ? now : start))));
    }
}
