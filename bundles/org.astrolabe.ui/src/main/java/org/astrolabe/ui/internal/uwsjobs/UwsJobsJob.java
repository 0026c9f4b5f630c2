package org.astrolabe.ui.internal.uwsjobs;

import java.util.Objects;
import java.util.function.Consumer;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.tap.uws.UwsJobManager;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.internal.services.ServiceAccess;
import org.astrolabe.ui.internal.services.ServiceClients;
import org.astrolabe.core.http.TransportSettings;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;

/**
 * One operation of the Jobs view on the UWS job manager (refresh, run, abort, delete, fetch),
 * off the UI thread in family {@link JobFamilies#UWS_JOBS}. A failure is reported to the view as
 * one line (never a dialog); cancellation stops the request. Then the view is told it may
 * refresh.
 */
final class UwsJobsJob extends Job {

    /** The work, given the manager with the user's time-outs. */
    interface Operation {
        void run(UwsJobManager manager, IProgressMonitor monitor) throws AstrolabeException;
    }

    private final ServiceAccess<ServiceClients> services;
    private final TransportSettings settings;
    private final Operation operation;
    private final Consumer<String> done;

    /**
     * @param name what it does, for the Progress view
     * @param services where the job manager comes from
     * @param settings the user's time-outs
     * @param operation the work
     * @param done told "" on success, else the failure's one line; on the job's thread
     */
    UwsJobsJob(String name, ServiceAccess<ServiceClients> services, TransportSettings settings, Operation operation,
            Consumer<String> done) {
        super(name);
        this.services = Objects.requireNonNull(services, "services");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.operation = Objects.requireNonNull(operation, "operation");
        this.done = Objects.requireNonNull(done, "done");
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == JobFamilies.UWS_JOBS;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            ServiceClients clients = services.await(ServiceAccess.SERVICE_WAIT, monitor).orElse(null);
            if (clients == null) {
                done.accept("Astrolabe's UWS job manager service is not available");
                return Status.warning("The UWS job manager service did not start");
            }
            operation.run(clients.jobs(settings), monitor);
            done.accept("");
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            done.accept("");
            return Status.CANCEL_STATUS;
        } catch (AstrolabeException e) {
            done.accept(getName() + ": " + e.getMessage());
            return new Status(IStatus.WARNING, AstrolabeUi.PLUGIN_ID, getName() + ": " + e.getMessage());
        }
    }
}
