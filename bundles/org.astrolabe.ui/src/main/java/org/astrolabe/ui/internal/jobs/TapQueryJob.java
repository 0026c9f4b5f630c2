package org.astrolabe.ui.internal.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.UwsJobManager;
import org.astrolabe.tap.uws.WaitOptions;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.internal.services.ServiceAccess;
import org.astrolabe.ui.internal.services.ServiceClients;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;

/**
 * Runs one TAP query off the UI thread, synchronously or as a UWS job, and tells a
 * {@link QueryListener} how it went. Belongs to {@link JobFamilies#TAP_QUERY}; cancelling the job
 * cancels the request through its monitor, and aborts an async query's UWS job.
 *
 * <p>Failures the user can act on (a refused query, an unreachable host) are reported to the
 * listener, which shows them in the Results view; the job's status then records them in the
 * Progress view without an error dialog and without a stack trace.
 */
public final class TapQueryJob extends Job {

    /** How long one wait for an async job lasts before its phase is reported again. */
    static final Duration PHASE_REPORT = Duration.ofSeconds(5);

    private final QueryRequest request;
    private final QueryMode mode;
    private final ServiceAccess<ServiceClients> services;
    private final TransportSettings settings;
    private final QueryListener listener;

    /**
     * @param request what to run
     * @param mode sync or async
     * @param services where the TAP client and job manager come from
     * @param settings the user's time-outs
     * @param listener told when the query starts, progresses and how it ended
     */
    public TapQueryJob(QueryRequest request, QueryMode mode, ServiceAccess<ServiceClients> services,
            TransportSettings settings, QueryListener listener) {
        super((mode == QueryMode.ASYNC ? "Async TAP query at " : "TAP query at ") + request.serviceLabel());
        this.request = request;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.services = Objects.requireNonNull(services, "services");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        setPriority(LONG);
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
    }

    /** @return what this job runs */
    public QueryRequest request() {
        return request;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.TAP_QUERY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor sub = SubMonitor.convert(monitor, getName(), 20);
        listener.started(request);
        QueryOutcome outcome;
        try {
            outcome = query(sub);
        } catch (RuntimeException bug) {
            // Not a failure the user can fix: log it with its stack trace.
            listener.finished(new QueryOutcome.Failed(request, "Astrolabe failed unexpectedly", bug.toString()));
            return new Status(IStatus.ERROR, AstrolabeUi.PLUGIN_ID, "The TAP query at " + request.service()
                    + " failed unexpectedly", bug);
        } finally {
            sub.done();
        }
        listener.finished(outcome);
        return toStatus(outcome);
    }

    private QueryOutcome query(SubMonitor sub) {
        long start = System.nanoTime();
        try {
            ServiceClients clients = services.await(ServiceAccess.SERVICE_WAIT, sub.split(1)).orElse(null);
            if (clients == null) {
                return FailureDescriptions.noTapService(request);
            }
            ResultTable table;
            if (mode == QueryMode.SYNC) {
                TapClient client;
                try {
                    client = clients.client(request.service(), settings);
                } catch (IllegalArgumentException refused) {
                    return FailureDescriptions.badUrl(request, refused);
                }
                table = client.query(request.query(), sub.split(19));
            } else {
                table = runAsync(clients.jobs(settings), sub.split(19));
            }
            if (sub.isCanceled()) {
                throw new OperationCanceledException();
            }
            return new QueryOutcome.Succeeded(request, table, Duration.ofNanos(System.nanoTime() - start));
        } catch (OperationCanceledException e) {
            return new QueryOutcome.Cancelled(request);
        } catch (AstrolabeException e) {
            return FailureDescriptions.describe(request, e);
        }
    }

    private ResultTable runAsync(UwsJobManager jobs, IProgressMonitor monitor) throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, 10);
        JobInfo job = jobs.create(request.service(), request.query(), Map.of(), sub.split(1));
        report(job);
        job = jobs.run(job.uri(), sub.split(1));
        report(job);
        WaitOptions wait = WaitOptions.defaults().withTimeout(PHASE_REPORT);
        SubMonitor waiting = sub.split(4);
        while (!job.phase().isFinal()) {
            waiting.setWorkRemaining(10);
            sub.subTask("Job " + job.id() + ": " + job.phase());
            job = jobs.waitFor(job.uri(), wait, waiting.split(1));
            report(job);
        }
        if (job.phase() == ExecutionPhase.ERROR) {
            jobs.raiseIfError(job, sub.split(1));
        }
        if (job.phase() != ExecutionPhase.COMPLETED) {
            throw new QueryFailedException("Job " + job.id() + " ended in phase " + job.phase()
                    + job.errorSummary().map(e -> e.message()).filter(m -> !m.isEmpty()).map(m -> ": " + m)
                            .orElse(" without a result."), job.uri());
        }
        listener.progressed(request, "Job " + job.id() + " completed; reading its result…");
        return jobs.result(job, sub.split(4));
    }

    private void report(JobInfo job) {
        listener.progressed(request, "Async job " + job.id() + " at " + request.serviceLabel() + ": " + job.phase());
    }

    private static IStatus toStatus(QueryOutcome outcome) {
        return switch (outcome) {
            case QueryOutcome.Succeeded s -> Status.OK_STATUS;
            case QueryOutcome.Cancelled c -> Status.CANCEL_STATUS;
            case QueryOutcome.Failed f -> new Status(IStatus.ERROR, AstrolabeUi.PLUGIN_ID,
                    f.detail().isEmpty() ? f.headline() : f.headline() + ": " + f.detail());
        };
    }
}
