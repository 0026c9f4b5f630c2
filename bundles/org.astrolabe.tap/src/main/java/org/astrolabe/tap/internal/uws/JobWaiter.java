package org.astrolabe.tap.internal.uws;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.TransientException;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.WaitOptions;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Waits for a UWS job to end: one blocking {@code WAIT} request per period with UWS 1.1, polling
 * at growing intervals otherwise, transient failures retried with back-off, and a cancel that is
 * noticed within 100 ms even while a blocking request is outstanding (that request runs on a
 * helper thread and is left to return on its own; aborting the job makes it return at once).
 * Thread-safe; one waiter serves any number of concurrent waits.
 */
final class JobWaiter {

    private static final Logger LOG = Logger.getLogger(JobWaiter.class.getName());
    private static final long TICK_MS = 100;

    /** Reads the job: plainly ({@code waitSeconds == 0}) or blocking while it is in {@code phase}. */
    interface StatusSource {
        JobInfo read(int waitSeconds, ExecutionPhase phase) throws AstrolabeException;
    }

    /** Aborts the job (used when a wait is cancelled). */
    interface Aborter {
        void abort() throws AstrolabeException;
    }

    /**
     * @param firstPoll the first polling interval (UWS 1.0, or phases a service does not block in)
     * @param growth factor applied to the interval after each poll
     * @param maxPoll the longest polling interval
     * @param maxRetries transient failures tolerated in a row
     * @param firstRetry the delay after the first transient failure (doubled after each)
     */
    record Schedule(Duration firstPoll, double growth, Duration maxPoll, int maxRetries, Duration firstRetry) {
        static Schedule standard() {
            return new Schedule(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(30), 5, Duration.ofSeconds(1));
        }
    }

    private final Schedule schedule;
    private final ExecutorService helpers;

    JobWaiter(Schedule schedule, ExecutorService helpers) {
        this.schedule = schedule;
        this.helpers = helpers;
    }

    /**
     * @param uri the job's URL
     * @param known the job as last read (must have been run), or {@code null} to read it first
     * @param source how to read it again
     * @param aborter how to abort it when cancelled
     * @param options time limit, WAIT period, keep on cancel
     * @param waitCap the longest WAIT the transport's read time-out allows
     * @return the job in a final phase, or as last seen when the time limit passed
     */
    JobInfo waitFor(URI uri, JobInfo known, StatusSource source, Aborter aborter, WaitOptions options,
            Duration waitCap, IProgressMonitor monitor) throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Waiting for job " + JobUris.idOf(uri), IProgressMonitor.UNKNOWN);
        try {
            return loop(known, source, options, waitCap, sub);
        } catch (OperationCanceledException cancelled) {
            if (!options.keepOnCancel()) {
                try {
                    aborter.abort();
                } catch (AstrolabeException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not abort job " + uri + " after a cancel: " + e.getMessage(), e);
                }
            }
            throw cancelled;
        }
    }

    /**
     * Reads a job that has just been started, retrying transient failures as a wait does: the job
     * runs, so a failed read-back must not fail it.
     *
     * @param source how to read it
     * @return the job as read
     * @throws TransientException when the read fails more often in a row than the schedule allows
     */
    JobInfo readBack(StatusSource source, IProgressMonitor monitor) throws AstrolabeException {
        int failures = 0;
        while (true) {
            checkCancelled(monitor);
            try {
                return cancellable(() -> source.read(0, null), monitor);
            } catch (TransientException e) {
                failures = retryOrThrow(e, failures, Long.MAX_VALUE, monitor);
            }
        }
    }

    private JobInfo loop(JobInfo known, StatusSource source, WaitOptions options, Duration waitCap,
            SubMonitor monitor) throws AstrolabeException {
        long deadline = options.timeout().map(t -> System.nanoTime() + t.toNanos()).orElse(Long.MAX_VALUE);
        JobInfo job = known;
        Duration poll = schedule.firstPoll();
        int failures = 0;
        while (job == null || !job.phase().isFinal()) {
            checkCancelled(monitor);
            if (job == null) {
                try {
                    job = cancellable(() -> source.read(0, null), monitor);
                    failures = 0;
                } catch (TransientException e) {
                    failures = retryOrThrow(e, failures, deadline, monitor);
                }
                continue;
            }
            if (job.phase() == ExecutionPhase.PENDING) {
                throw new InvalidInputException("Job " + job.id() + " at " + job.uri()
                        + " is PENDING: it has not been started, so waiting would never end (run it first)",
                        job.uri(), null);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining < TimeUnit.SECONDS.toNanos(1)) {
                // Less than the shortest WAIT is left: another request would overshoot the time limit.
                return job;
            }
            monitor.subTask("Job " + job.id() + " is " + job.phase());
            try {
                if (job.supportsBlockingWait() && job.phase().isRunning()) {
                    long seconds = Math.min(Math.min(options.waitPeriod().toSeconds(), waitCap.toSeconds()),
                            Math.max(1, TimeUnit.NANOSECONDS.toSeconds(remaining)));
                    int wait = (int) Math.max(1, seconds);
                    ExecutionPhase phase = job.phase();
                    long start = System.nanoTime();
                    JobInfo next = cancellable(() -> source.read(wait, phase), monitor);
                    if (next.phase() == phase && System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500)
                            && wait > 1) {
                        // The service did not block: do not hammer it.
                        sleep(min(poll, remaining), monitor);
                        poll = grow(poll);
                    }
                    job = next;
                } else {
                    sleep(min(poll, remaining), monitor);
                    poll = grow(poll);
                    job = cancellable(() -> source.read(0, null), monitor);
                }
                failures = 0;
            } catch (TransientException e) {
                failures = retryOrThrow(e, failures, deadline, monitor);
            }
        }
        return job;
    }

    /** @return the new count of failures in a row, after sleeping the back-off; throws past the limit */
    private int retryOrThrow(TransientException e, int failures, long deadline, IProgressMonitor monitor)
            throws TransientException {
        int count = failures + 1;
        if (count > schedule.maxRetries()) {
            throw e;
        }
        Duration delay = e.retryAfter().orElse(schedule.firstRetry().multipliedBy(1L << Math.min(10, count - 1)));
        LOG.info("Transient failure " + count + " while waiting (" + e.getMessage() + "); trying again in "
                + delay.toMillis() + " ms");
        sleep(min(delay, deadline - System.nanoTime()), monitor);
        return count;
    }

    private Duration grow(Duration poll) {
        Duration next = Duration.ofNanos((long) (poll.toNanos() * schedule.growth()));
        return next.compareTo(schedule.maxPoll()) > 0 ? schedule.maxPoll() : next;
    }

    private static Duration min(Duration d, long nanos) {
        return nanos < d.toNanos() ? Duration.ofNanos(Math.max(0, nanos)) : d;
    }

    private interface Read {
        JobInfo read() throws AstrolabeException;
    }

    /** Runs {@code read} on a helper thread so that a cancel is noticed while it blocks. */
    private JobInfo cancellable(Read read, IProgressMonitor monitor) throws AstrolabeException {
        Future<JobInfo> future = helpers.submit(read::read);
        try {
            while (true) {
                checkCancelled(monitor);
                try {
                    return future.get(TICK_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillBlocked) {
                    // look at the monitor again
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException("Interrupted while waiting");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AstrolabeException failure) {
                throw failure;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Reading the job failed: " + cause, cause);
        } catch (CancellationException e) {
            throw new OperationCanceledException();
        } finally {
            // On cancel the helper's request completes within one WAIT period and closes its answer.
            future.cancel(false);
        }
    }

    private static void sleep(Duration d, IProgressMonitor monitor) {
        long end = System.nanoTime() + d.toNanos();
        try {
            for (long left = d.toNanos(); left > 0; left = end - System.nanoTime()) {
                checkCancelled(monitor);
                Thread.sleep(Math.max(1, Math.min(TICK_MS, TimeUnit.NANOSECONDS.toMillis(left))));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException("Interrupted while waiting");
        }
        checkCancelled(monitor);
    }

    private static void checkCancelled(IProgressMonitor monitor) {
        if (monitor != null && monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }
}
