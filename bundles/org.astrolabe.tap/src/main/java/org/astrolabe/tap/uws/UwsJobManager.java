package org.astrolabe.tap.uws;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapQuery;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Creates and controls asynchronous TAP queries as UWS jobs (UWS 1.1, and 1.0 services too), and
 * remembers the jobs this user created, per service, across restarts. Published as an OSGi
 * service; get it with {@code @Reference UwsJobManager}. Implementations are thread-safe.
 *
 * <p>A job is addressed by its URL ({@link JobInfo#uri()}); {@link #jobUri(URI, String)} turns a
 * job id into the URL under a TAP service's {@code /async}. Every operation is synchronous, takes a
 * progress monitor (may be {@code null}) and throws
 * {@link org.eclipse.core.runtime.OperationCanceledException} when it is cancelled.
 *
 * <p>Failures common to every method: {@link org.astrolabe.core.TransientException} when the
 * service cannot be reached, times out or answers 502/503/504;
 * {@link org.astrolabe.core.AuthenticationException} when the job belongs to someone else or the
 * service requires a login; {@link org.astrolabe.core.InvalidInputException} when the service
 * answers something that is not a UWS document; {@link org.astrolabe.core.ServiceFailureException}
 * for any other HTTP error. Messages name the job id or URL.
 */
public interface UwsJobManager {

    /**
     * Creates an async TAP query job ({@code POST {service}/async} with {@code REQUEST=doQuery},
     * {@code LANG=ADQL}, {@code QUERY}, {@code MAXREC}, {@code RESPONSEFORMAT}) in phase PENDING,
     * and remembers it. The query's uploads go with it as {@code UPLOAD} (a multipart POST when a
     * local file or table is uploaded, converted to VOTable as for a sync query). It does not run
     * the job: call {@link #run}.
     *
     * @param service the TAP service's base URL (a trailing {@code /async} or {@code /sync} is ignored)
     * @param query the ADQL, row limit, output format and uploads
     * @param parameters further parameters sent as they are, e.g. {@code RESPONSEFORMAT}, {@code RUNID};
     *        may be empty
     * @param monitor progress and cancellation, may be {@code null}
     * @return the new job as the service describes it
     * @throws org.astrolabe.core.NotFoundException when the service has no {@code /async} endpoint
     * @throws org.astrolabe.core.QueryFailedException when the service refuses to create the job
     *         (an error document), with its message
     * @throws org.astrolabe.core.InvalidInputException when an upload file is missing or not a table
     * @throws AstrolabeException for the failures listed on this interface
     */
    JobInfo create(URI service, TapQuery query, Map<String, String> parameters, IProgressMonitor monitor)
            throws AstrolabeException;

    /**
     * Sets parameters of a PENDING job ({@code POST {job}/parameters}).
     *
     * @param job the job's URL
     * @param parameters names and values
     * @param monitor progress and cancellation, may be {@code null}
     * @return the job as it is afterwards
     * @throws org.astrolabe.core.NotFoundException when the service does not know the job
     * @throws AstrolabeException for the failures listed on this interface, including a service
     *         that refuses to change a job that is no longer PENDING
     */
    JobInfo setParameters(URI job, Map<String, String> parameters, IProgressMonitor monitor)
            throws AstrolabeException;

    /**
     * Starts a job: always {@code POST PHASE=RUN} to {@code {job}/phase} (some services ignore
     * {@code PHASE=RUN} sent with the creation request). Reading the job back afterwards retries
     * transient failures with back-off, as {@link #waitFor} does: the job runs by then.
     *
     * @param job the job's URL
     * @param monitor progress and cancellation, may be {@code null}
     * @return the job as it is afterwards (usually QUEUED or EXECUTING)
     * @throws org.astrolabe.core.NotFoundException when the service does not know the job
     * @throws AstrolabeException for the failures listed on this interface
     */
    JobInfo run(URI job, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Reads the job document ({@code GET {job}}).
     *
     * @param job the job's URL
     * @param monitor progress and cancellation, may be {@code null}
     * @return the job as it is now
     * @throws org.astrolabe.core.NotFoundException naming the job when the service does not know it
     *         (never created, deleted, or destroyed after its destruction time)
     * @throws AstrolabeException for the failures listed on this interface
     */
    JobInfo get(URI job, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Loads a job given as a job id or a job URL, the way a user types it.
     *
     * @param service the TAP service a bare id belongs to; ignored when {@code idOrUrl} is a URL
     * @param idOrUrl a job id, or an absolute http(s) job URL
     * @param monitor progress and cancellation, may be {@code null}
     * @return the job as it is now
     * @throws org.astrolabe.core.NotFoundException naming the job when the service does not know it
     * @throws IllegalArgumentException when {@code idOrUrl} is blank, or is an id and
     *         {@code service} is {@code null}
     * @throws AstrolabeException for the failures listed on this interface
     */
    JobInfo load(URI service, String idOrUrl, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * @param service the TAP service's base URL, or {@code null} when {@code idOrUrl} is a URL
     * @param idOrUrl a job id or an absolute http(s) job URL
     * @return the job's URL: {@code idOrUrl} itself if it is a URL, else {@code {service}/async/{id}};
     *         no request is made
     * @throws IllegalArgumentException when {@code idOrUrl} is blank or not a usable id, or is an id
     *         and {@code service} is {@code null}
     */
    URI jobUri(URI service, String idOrUrl);

    /**
     * Waits until the job reaches a final phase (COMPLETED, ERROR, ABORTED, ARCHIVED). With a UWS
     * 1.1 service it sends one blocking request ({@code ?WAIT=n&PHASE=current}) per wait period and
     * learns of a phase change as soon as the service does; with a UWS 1.0 service it polls at
     * growing intervals (1 s, then ×1.5 up to 30 s). Transient network failures are retried (at
     * most 5 in a row, honouring Retry-After). Neither an ERROR nor an ABORTED job is a failure
     * here: inspect the returned phase, or call {@link #raiseIfError}.
     *
     * @param job the job's URL; the job must have been run
     * @param options time limit, wait period, and what to do on cancel
     * @param monitor progress and cancellation, may be {@code null}; cancelling aborts the job
     *        (unless {@link WaitOptions#keepOnCancel()}) and then throws
     * @return the job as last seen: in a final phase, or still running if the time-out passed
     * @throws org.astrolabe.core.InvalidInputException naming the job when it is PENDING (never run)
     * @throws org.astrolabe.core.NotFoundException when the job disappears
     * @throws org.astrolabe.core.TransientException after more than 5 transient failures in a row
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled
     * @throws AstrolabeException for the failures listed on this interface
     */
    JobInfo waitFor(URI job, WaitOptions options, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Aborts a job ({@code POST PHASE=ABORT} to {@code {job}/phase}). Aborting a job that has
     * already ended changes nothing. When a UWS 1.1 service still reports the job running right
     * after the request, waits (one blocking request, at most 5 s) for it to confirm.
     *
     * @param job the job's URL
     * @param monitor progress and cancellation, may be {@code null}
     * @return the job as it is afterwards
     * @throws org.astrolabe.core.NotFoundException when the service does not know the job
     * @throws AstrolabeException for the failures listed on this interface
     */
    JobInfo abort(URI job, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Deletes a job ({@code DELETE {job}}, or {@code POST ACTION=DELETE} where DELETE is refused),
     * without following the redirect the service answers with, and forgets it locally.
     * Idempotent: deleting a job the service does not know is not an error.
     *
     * @param job the job's URL
     * @param monitor progress and cancellation, may be {@code null}
     * @return {@code true} if the service deleted the job, {@code false} if it did not know it
     * @throws AstrolabeException for the failures listed on this interface
     */
    boolean delete(URI job, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Throws the job's failure if it is in phase ERROR: the message of its {@code /error} document
     * when it has one, else its error summary. Does nothing for a job in any other phase.
     *
     * @param job a job as read
     * @param monitor progress and cancellation, may be {@code null}
     * @throws org.astrolabe.core.QueryFailedException naming the job, with the service's message
     * @throws AstrolabeException for the failures listed on this interface
     */
    void raiseIfError(JobInfo job, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Opens the job's result as the service sends it (its result {@code href}, falling back to
     * {@code {job}/results/result} when that answers 403/404), for streaming it elsewhere unparsed.
     *
     * @param job a COMPLETED job as read
     * @param monitor progress and cancellation, may be {@code null}
     * @return the answer, status 2xx, body unread; the caller must close it
     * @throws org.astrolabe.core.QueryFailedException when the job is in phase ERROR, with the
     *         service's message
     * @throws org.astrolabe.core.InvalidInputException naming the job and its phase when it has not
     *         completed
     * @throws org.astrolabe.core.NotFoundException when neither URL has the result (e.g. it expired)
     * @throws AstrolabeException for the failures listed on this interface
     */
    HttpResult openResult(JobInfo job, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Fetches the job's result (as {@link #openResult}) and streams it into a result table, in
     * memory while small and on disk when large.
     *
     * @param job a COMPLETED job as read
     * @param monitor progress and cancellation, may be {@code null}
     * @return the rows and the QUERY_STATUS the result carried
     * @throws org.astrolabe.core.QueryFailedException when the job is in phase ERROR or the result
     *         says {@code QUERY_STATUS=ERROR}, with the service's message
     * @throws org.astrolabe.core.InvalidInputException when the job has not completed, or its
     *         result is not a valid VOTable
     * @throws AstrolabeException for the failures listed on this interface
     */
    ResultTable result(JobInfo job, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Runs {@code query} as a job from start to finish: create, run, wait, fetch the result. The
     * job is left on the service (and remembered) afterwards.
     *
     * @param service the TAP service's base URL
     * @param query the ADQL, row limit, output format and uploads
     * @param parameters further parameters (see {@link #create}); may be empty
     * @param options how to wait; on cancel the job is aborted unless told to keep it
     * @param monitor progress and cancellation, may be {@code null}
     * @return the result table
     * @throws org.astrolabe.core.QueryFailedException when the job ends in ERROR (malformed ADQL,
     *         unknown table), with the service's message, or is ABORTED by the service
     * @throws org.astrolabe.core.TransientException when the time-out of {@code options} passes
     *         before the job ends (the job is left running), or for network failures
     * @throws AstrolabeException as for {@link #create}, {@link #waitFor} and {@link #result}
     */
    ResultTable query(URI service, TapQuery query, Map<String, String> parameters, WaitOptions options,
            IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Lists the service's jobs ({@code GET {service}/async} with {@code PHASE}, {@code AFTER},
     * {@code LAST}). The filters are applied again to what comes back, so a UWS 1.0 service that
     * ignores them still gives a filtered list (AFTER and LAST only where the list carries creation
     * times). Several phases are asked for one at a time, as some services honour only one.
     *
     * @param service the TAP service's base URL
     * @param filter which jobs to list
     * @param monitor progress and cancellation, may be {@code null}
     * @return the job references, in the service's order
     * @throws org.astrolabe.core.NotFoundException when the service has no job list
     * @throws AstrolabeException for the failures listed on this interface
     */
    List<JobSummary> list(URI service, JobFilter filter, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * The jobs this user created through this manager on {@code service}, oldest first, as
     * remembered locally (across restarts). Makes no request: a remembered job may since have been
     * destroyed by the service.
     *
     * @param service the TAP service's base URL, or {@code null} for every service
     * @return the remembered jobs
     */
    List<RememberedJob> remembered(URI service);

    /**
     * Forgets a job locally without touching the service.
     *
     * @param job the job's URL
     * @return {@code true} if it was remembered
     */
    boolean forget(URI job);

    /**
     * Remembers a job created by other means than {@link #create} (a SODA async cutout, another
     * plugin's UWS job), so that it is listed with the user's jobs and can be resumed after a
     * restart. Remembering a job twice keeps one entry.
     *
     * @param job the job, its service and when it was created
     * @throws AstrolabeException when the local store cannot be written (the job itself is unaffected)
     */
    void remember(RememberedJob job) throws AstrolabeException;

    /**
     * A manager that sends its requests with other time-outs or User-Agent, over connections of
     * its own, and shares this one's remembered jobs (the store is one file, written under a lock).
     * A blocking {@code WAIT} is kept below the new read time-out.
     *
     * @param settings the transport settings to use
     * @return a new manager; this one is unchanged
     * @throws UnsupportedOperationException when this implementation cannot change its transport
     *         (Astrolabe's service always can)
     */
    default UwsJobManager withSettings(org.astrolabe.core.http.TransportSettings settings) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot change its transport settings");
    }
}
