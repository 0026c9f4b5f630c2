package org.astrolabe.ui.internal.jobs;

import java.time.Duration;
import java.util.Objects;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.internal.TapClientFactoryTracker;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;

/**
 * Runs one TAP query off the UI thread and tells a {@link QueryListener} how it went. Belongs to
 * {@link JobFamilies#TAP_QUERY}; cancelling the job cancels the query through its monitor.
 *
 * <p>Failures the user can act on (a refused query, an unreachable host) are reported to the
 * listener, which shows them in the Results view; the job's status then records them in the
 * Progress view without an error dialog and without a stack trace.
 */
public final class TapQueryJob extends Job {

    /** How long to wait for Declarative Services to publish the TAP client factory. */
    static final Duration SERVICE_WAIT = Duration.ofSeconds(10);

    private final QueryRequest request;
    private final TapClientFactoryTracker factories;
    private final QueryListener listener;

    /**
     * @param request what to run
     * @param factories where the TAP client factory service comes from
     * @param listener told when the query starts and how it ended
     */
    public TapQueryJob(QueryRequest request, TapClientFactoryTracker factories, QueryListener listener) {
        super("TAP query at " + request.serviceLabel());
        this.request = request;
        this.factories = Objects.requireNonNull(factories, "factories");
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
            TapClientFactory factory = factories.await(SERVICE_WAIT, sub.split(1)).orElse(null);
            if (factory == null) {
                return FailureDescriptions.noTapService(request);
            }
            TapClient client;
            try {
                client = factory.create(request.service());
            } catch (IllegalArgumentException refused) {
                return FailureDescriptions.badUrl(request, refused);
            }
            ResultTable table = client.query(request.query(), sub.split(19));
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

    private static IStatus toStatus(QueryOutcome outcome) {
        return switch (outcome) {
            case QueryOutcome.Succeeded s -> Status.OK_STATUS;
            case QueryOutcome.Cancelled c -> Status.CANCEL_STATUS;
            case QueryOutcome.Failed f -> new Status(IStatus.ERROR, AstrolabeUi.PLUGIN_ID,
                    f.detail().isEmpty() ? f.headline() : f.headline() + ": " + f.detail());
        };
    }
}
