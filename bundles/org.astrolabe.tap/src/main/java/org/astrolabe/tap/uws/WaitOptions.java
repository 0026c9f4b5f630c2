package org.astrolabe.tap.uws;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link UwsJobManager#waitFor} waits. Immutable.
 *
 * @param timeout give up waiting (and return the job as last seen) after this long, or as soon as
 *        less than a second of it is left; empty means wait until the job ends
 * @param waitPeriod the longest single blocking {@code WAIT} request (UWS 1.1); the manager sends
 *        less when the transport's read time-out is shorter. One status request is made per period.
 * @param keepOnCancel {@code true} to leave the job running when the wait is cancelled; by default
 *        a cancelled wait aborts the job
 */
public record WaitOptions(Optional<Duration> timeout, Duration waitPeriod, boolean keepOnCancel) {

    /** The default longest blocking request: 60 s. */
    public static final Duration DEFAULT_WAIT_PERIOD = Duration.ofSeconds(60);

    /** @throws IllegalArgumentException if a duration is negative, or the wait period below 1 s */
    public WaitOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isPresent() && timeout.get().isNegative()) {
            throw new IllegalArgumentException("A wait time-out cannot be negative: " + timeout.get());
        }
        Objects.requireNonNull(waitPeriod, "waitPeriod");
        if (waitPeriod.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("The WAIT period must be at least 1 s: " + waitPeriod);
        }
    }

    /** @return wait until the job ends, 60 s per blocking request, abort the job on cancel */
    public static WaitOptions defaults() {
        return new WaitOptions(Optional.empty(), DEFAULT_WAIT_PERIOD, false);
    }

    /** @return a copy that gives up after {@code limit} */
    public WaitOptions withTimeout(Duration limit) {
        return new WaitOptions(Optional.of(limit), waitPeriod, keepOnCancel);
    }

    /** @return a copy whose blocking requests last at most {@code period} */
    public WaitOptions withWaitPeriod(Duration period) {
        return new WaitOptions(timeout, period, keepOnCancel);
    }

    /** @return a copy that leaves the job alone (or not) when the wait is cancelled */
    public WaitOptions withKeepOnCancel(boolean keep) {
        return new WaitOptions(timeout, waitPeriod, keep);
    }
}
