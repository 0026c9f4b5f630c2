package org.astrolabe.cli.internal;

import java.net.URI;
import java.util.Map;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.UwsJobManager;
import org.astrolabe.tap.uws.WaitOptions;
import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * {@code query --async}: submit the query as a UWS job, always run it, then either print the job
 * URL ({@code --no-wait}) or wait for it and return its result. Interrupting the command (Ctrl-C)
 * while it waits aborts the job it created.
 */
final class AsyncQuery {

    private static final long ABORT_GRACE_SECONDS = 3;

    private final CliContext context;

    AsyncQuery(CliContext context) {
        this.context = context;
    }

    /** @return the result table, or {@code null} with {@code noWait} (the job URL has been printed) */
    ResultTable run(URI service, TapQuery query, boolean noWait) throws AstrolabeException {
        UwsJobManager jobs = context.jobs();
        context.info("POST " + service + "/async");
        JobInfo job = jobs.create(service, query, Map.of(), new NullProgressMonitor());
        context.info("created job " + job.id() + " at " + job.uri() + "; POST PHASE=RUN");
        job = jobs.run(job.uri(), new NullProgressMonitor());
        if (noWait) {
            context.out().println(job.uri());
            context.out().flush();
            return null;
        }
        long start = System.nanoTime();
        JobInfo done = waitFor(jobs, job, false);
        context.info("job " + done.id() + " is " + done.phase() + " after " + (System.nanoTime() - start) / 1_000_000
                + " ms; fetching " + done.resultUri());
        if (done.phase() == org.astrolabe.tap.uws.ExecutionPhase.ABORTED) {
            throw new org.astrolabe.core.QueryFailedException("job " + done.id() + " was aborted", done.uri());
        }
        jobs.raiseIfError(done, new NullProgressMonitor());
        return jobs.result(done, new NullProgressMonitor());
    }

    /**
     * Waits for the job to end. A shutdown (Ctrl-C) cancels the wait, which aborts the job before
     * the JVM exits unless {@code keep}.
     */
    static JobInfo waitFor(UwsJobManager jobs, JobInfo job, boolean keep) throws AstrolabeException {
        NullProgressMonitor monitor = new NullProgressMonitor();
        try (CancelOnExit exit = new CancelOnExit(monitor, ABORT_GRACE_SECONDS)) {
            return jobs.waitFor(job.uri(), WaitOptions.defaults().withKeepOnCancel(keep), monitor);
        }
    }
}
