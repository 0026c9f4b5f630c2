package org.astrolabe.tap.internal.uws;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.VOTableReader;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.internal.SyncRequests;
import org.astrolabe.tap.internal.UploadParts;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobFilter;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.JobSummary;
import org.astrolabe.tap.uws.RememberedJob;
import org.astrolabe.tap.uws.UwsJobManager;
import org.astrolabe.tap.uws.WaitOptions;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link UwsJobManager} over the shared {@link HttpTransport}. Remembers created jobs in a
 * {@link JobStore} in the bundle's data area (the OSGi component) or in a directory given to the
 * constructor (tests, other hosts). Thread-safe: the store serialises its writes, and each wait
 * runs in its caller's thread (a blocking request on a helper thread so that a cancel is seen).
 */
@Component(service = UwsJobManager.class)
public final class HttpUwsJobManager implements UwsJobManager {

    private static final Logger LOG = Logger.getLogger(HttpUwsJobManager.class.getName());
    /** Kept below the transport's read time-out, so that a blocking WAIT never looks like a dead server. */
    private static final Duration WAIT_MARGIN = Duration.ofSeconds(5);
    private static final int MESSAGE_LIMIT = 4000;
    private static final Duration ABORT_CONFIRMATION = Duration.ofSeconds(5);

    private final HttpTransport transport;
    private final JobStore store;
    private final UwsDocumentReader documents = new UwsDocumentReader();
    private final VOTableReader votables = new VOTableReader();
    private final ExecutorService helpers;
    private final JobWaiter waiter;
    private final JobLists lists;
    private final Path storeDirectory;
    private final JobWaiter.Schedule schedule;

    /**
     * The OSGi component: jobs are remembered under the bundle's data area.
     *
     * @param transport the HTTP transport service
     * @param context this bundle's context
     */
    @Activate
    public HttpUwsJobManager(@Reference HttpTransport transport, BundleContext context) {
        this(transport, storeDirectory(context), JobWaiter.Schedule.standard());
    }

    /**
     * @param transport how to send requests
     * @param storeDirectory where the remembered jobs are kept (created when first needed)
     */
    public HttpUwsJobManager(HttpTransport transport, Path storeDirectory) {
        this(transport, storeDirectory, JobWaiter.Schedule.standard());
    }

    HttpUwsJobManager(HttpTransport transport, Path storeDirectory, JobWaiter.Schedule schedule) {
        this.transport = transport;
        this.storeDirectory = storeDirectory;
        this.schedule = schedule;
        this.store = new JobStore(storeDirectory);
        AtomicInteger threads = new AtomicInteger();
        this.helpers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "astrolabe-uws-wait-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.waiter = new JobWaiter(schedule, helpers);
        this.lists = new JobLists(transport, documents);
    }

    @Override
    public UwsJobManager withSettings(TransportSettings settings) {
        return new HttpUwsJobManager(transport.withSettings(settings), storeDirectory, schedule);
    }

    private static Path storeDirectory(BundleContext context) {
        File data = context == null ? null : context.getDataFile("uws");
        if (data != null) {
            return data.toPath();
        }
        return Path.of(System.getProperty("user.home"), ".astrolabe", "uws");
    }

    /** Stops the helper threads of outstanding blocking requests. */
    @Deactivate
    public void close() {
        helpers.shutdownNow();
    }

    /** @return the file the remembered jobs are kept in */
    public Path storeFile() {
        return store.file();
    }

    @Override
    public JobInfo create(URI service, TapQuery query, Map<String, String> parameters, IProgressMonitor monitor)
            throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Creating a job at " + service.getHost(), 2);
        URI base = JobUris.service(service);
        URI async = JobUris.async(base);
        List<Parameter> form = new ArrayList<>();
        form.add(new Parameter("REQUEST", "doQuery"));
        form.add(new Parameter("LANG", "ADQL"));
        form.add(new Parameter("QUERY", query.adql()));
        query.maxrec().ifPresent(m -> form.add(new Parameter("MAXREC", Long.toString(m))));
        query.responseFormat().ifPresent(f -> form.add(new Parameter("RESPONSEFORMAT", f)));
        parameters.forEach((k, v) -> form.add(new Parameter(k, v)));
        URI job;
        try (UploadParts uploads = SyncRequests.uploads(query, base)) {
            form.addAll(uploads.parameters());
            HttpRequest request = uploads.parts().isEmpty() ? HttpRequest.post(async, form)
                    : HttpRequest.multipart(async, form, uploads.parts());
            job = submit(request.withFollowRedirects(false), base, sub.split(1));
        }
        JobInfo created = get(job, sub.split(1));
        rememberQuietly(new RememberedJob(base, created.uri(), created.id(), Instant.now(), query.adql()));
        return created;
    }

    /**
     * Sends the creating POST and reads the new job's URL from the redirect or the job document. A
     * 307/308 means the creation itself moved: the same POST goes to the new place (any other
     * redirect is the service's answer, pointing at the new job).
     */
    private URI submit(HttpRequest creation, URI base, IProgressMonitor monitor) throws AstrolabeException {
        URI job = null;
        HttpRequest request = creation;
        for (int hop = 0; job == null; hop++) {
            URI target = request.uri();
            try (HttpResult result = transport.send(request, monitor)) {
                Optional<String> location = result.header("Location");
                if ((result.status() == 307 || result.status() == 308) && location.isPresent() && hop < 5) {
                    request = request.redirectedTo(target.resolve(location.get().strip()), "POST", true);
                } else if (result.status() >= 300 && result.status() < 400 && location.isPresent()
                        || result.status() == 201 && location.isPresent()) {
                    job = JobUris.withoutQuery(target.resolve(location.get().strip()));
                } else if (result.status() == 404 || result.status() == 410) {
                    throw new NotFoundException("No async endpoint at " + target + " (HTTP " + result.status()
                            + "): is " + base + " a TAP service?", target);
                } else {
                    UwsAnswers.failIfErrorDocument(result);
                    HttpFailures.requireSuccess(result);
                    try (InputStream body = result.body()) {
                        JobInfo created = documents.readJob(body, target);
                        job = JobUris.child(target, created.id());
                    } catch (IOException e) {
                        throw UwsAnswers.cutOff(target, e);
                    }
                }
            }
        }
        return job;
    }

    private void rememberQuietly(RememberedJob job) {
        try {
            store.add(job);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Job " + job.job() + " was created but cannot be remembered in "
                    + store.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void remember(RememberedJob job) throws AstrolabeException {
        try {
            store.add(job);
        } catch (IOException e) {
            throw new InvalidInputException("Job " + job.job() + " cannot be remembered in " + store.file() + ": "
                    + e.getMessage(), job.job(), e);
        }
    }

    @Override
    public JobInfo setParameters(URI job, Map<String, String> parameters, IProgressMonitor monitor)
            throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Setting parameters of " + job, 2);
        List<Parameter> form = new ArrayList<>();
        parameters.forEach((k, v) -> form.add(new Parameter(k, v)));
        post(job, JobUris.child(job, "parameters"), form, sub.split(1));
        return get(job, sub.split(1));
    }

    @Override
    public JobInfo run(URI job, IProgressMonitor monitor) throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Starting job " + job, 2);
        post(job, JobUris.child(job, "phase"), List.of(new Parameter("PHASE", "RUN")), sub.split(1));
        // Started: a transient failure reading it back is retried (a SODA async cutout failed on one).
        return waiter.readBack((wait, phase) -> read(job, wait, phase, null), sub.split(1));
    }

    @Override
    public JobInfo abort(URI job, IProgressMonitor monitor) throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Aborting job " + job, 3);
        post(job, JobUris.child(job, "phase"), List.of(new Parameter("PHASE", "ABORT")), sub.split(1));
        JobInfo after = get(job, sub.split(1));
        if (after.phase().isRunning() && after.supportsBlockingWait()) {
            // DaCHS takes a moment to stop a running query: give it a few seconds to confirm.
            after = read(job, (int) ABORT_CONFIRMATION.toSeconds(), after.phase(), sub.split(1));
        }
        return after;
    }

    /** POSTs without following the service's redirect (back to the job, which is read separately). */
    private void post(URI job, URI target, List<Parameter> form, IProgressMonitor monitor) throws AstrolabeException {
        try (HttpResult result = transport.send(HttpRequest.post(target, form).withFollowRedirects(false), monitor)) {
            checkJobAnswer(result, job);
        }
    }

    private static void checkJobAnswer(HttpResult result, URI job) throws AstrolabeException {
        int status = result.status();
        if (status == 404 || status == 410) {
            throw UwsAnswers.unknownJob(job, status);
        }
        if (status >= 300 && status < 400) {
            return;
        }
        HttpFailures.requireSuccess(result);
    }

    @Override
    public JobInfo get(URI job, IProgressMonitor monitor) throws AstrolabeException {
        return read(job, 0, null, monitor);
    }

    /** GET {job}, with {@code ?WAIT=n&PHASE=p} when {@code waitSeconds > 0}. */
    JobInfo read(URI job, int waitSeconds, ExecutionPhase phase, IProgressMonitor monitor) throws AstrolabeException {
        List<Parameter> query = new ArrayList<>();
        if (waitSeconds > 0) {
            query.add(new Parameter("WAIT", Integer.toString(waitSeconds)));
            if (phase != null) {
                query.add(new Parameter("PHASE", phase.name()));
            }
        }
        HttpRequest request = new HttpRequest("GET", job, List.of(), query, true);
        try (HttpResult result = transport.send(request, monitor)) {
            if (result.status() == 404 || result.status() == 410) {
                throw UwsAnswers.unknownJob(job, result.status());
            }
            HttpFailures.requireSuccess(result);
            try (InputStream body = result.body()) {
                return documents.readJob(body, job);
            } catch (IOException e) {
                throw UwsAnswers.cutOff(job, e);
            }
        }
    }

    @Override
    public JobInfo load(URI service, String idOrUrl, IProgressMonitor monitor) throws AstrolabeException {
        return get(jobUri(service, idOrUrl), monitor);
    }

    @Override
    public URI jobUri(URI service, String idOrUrl) {
        return JobUris.job(service, idOrUrl);
    }

    @Override
    public JobInfo waitFor(URI job, WaitOptions options, IProgressMonitor monitor) throws AstrolabeException {
        return waitFor(job, null, options, monitor);
    }

    private JobInfo waitFor(URI job, JobInfo known, WaitOptions options, IProgressMonitor monitor)
            throws AstrolabeException {
        Duration cap = transport.settings().readTimeout().minus(WAIT_MARGIN);
        if (cap.compareTo(Duration.ofSeconds(1)) < 0) {
            cap = Duration.ofSeconds(1);
        }
        return waiter.waitFor(job, known, (wait, phase) -> read(job, wait, phase, null), () -> abortQuickly(job),
                options, cap, monitor);
    }

    /** Abort on cancel: one POST, no waiting for the service to confirm. */
    private void abortQuickly(URI job) throws AstrolabeException {
        post(job, JobUris.child(job, "phase"), List.of(new Parameter("PHASE", "ABORT")), null);
    }

    @Override
    public boolean delete(URI job, IProgressMonitor monitor) throws AstrolabeException {
        boolean deleted = JobDeletion.delete(transport, job, monitor);
        forgetQuietly(job);
        return deleted;
    }

    private void forgetQuietly(URI job) {
        try {
            store.remove(job);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot update the job store " + store.file() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void raiseIfError(JobInfo job, IProgressMonitor monitor) throws AstrolabeException {
        if (job.phase() != ExecutionPhase.ERROR) {
            return;
        }
        String message = errorDocumentMessage(job, monitor);
        if (message.isBlank()) {
            message = job.errorSummary().map(e -> e.message()).orElse("");
        }
        if (message.isBlank()) {
            message = "job " + job.id() + " ended in phase ERROR without saying why";
        }
        throw new QueryFailedException(message, job.uri());
    }

    /** @return the message of {@code {job}/error}, or "" when there is none to be had */
    private String errorDocumentMessage(JobInfo job, IProgressMonitor monitor) throws AstrolabeException {
        URI error = JobUris.child(job.uri(), "error");
        try (HttpResult result = transport.send(HttpRequest.get(error), monitor)) {
            if (result.status() < 200 || result.status() >= 300) {
                return "";
            }
            String type = result.mediaType();
            try (InputStream body = result.body()) {
                if (type.contains("xml") || type.contains("votable")) {
                    try {
                        votables.read(body, error, null);
                    } catch (QueryFailedException e) {
                        return e.serverMessage();
                    } catch (InvalidInputException notAVOTable) {
                        return "";
                    }
                    return "";
                }
                if (type.startsWith("text/plain")) {
                    return new String(body.readNBytes(MESSAGE_LIMIT), StandardCharsets.UTF_8).strip();
                }
                return "";
            } catch (IOException e) {
                return "";
            }
        } catch (TransientException e) {
            LOG.info("Cannot read " + error + ": " + e.getMessage());
            return "";
        }
    }

    @Override
    public HttpResult openResult(JobInfo job, IProgressMonitor monitor) throws AstrolabeException {
        raiseIfError(job, monitor);
        if (job.phase() != ExecutionPhase.COMPLETED) {
            throw new InvalidInputException("Job " + job.id() + " at " + job.uri() + " is " + job.phase()
                    + ": it has no result" + (job.phase().isActive() ? " yet" : ""), job.uri(), null);
        }
        URI href = job.resultUri();
        URI fallback = JobUris.child(job.uri(), "results/result");
        // Compressed when the service can (results are large; the body is inflated as it is read).
        HttpResult result = transport.send(HttpRequest.get(href).withHeader("Accept-Encoding", "gzip"), monitor);
        int status = result.status();
        if ((status == 403 || status == 404 || status == 410) && !href.equals(fallback)) {
            // Some services list a result href that they then refuse; the TAP path works.
            result.close();
            result = transport.send(HttpRequest.get(fallback).withHeader("Accept-Encoding", "gzip"), monitor);
            status = result.status();
        }
        if (status == 404 || status == 410) {
            result.close();
            throw new NotFoundException("The result of job " + job.id() + " is gone from " + href + " (HTTP "
                    + status + "): it may have expired", href);
        }
        return HttpFailures.requireSuccess(result);
    }

    @Override
    public ResultTable result(JobInfo job, IProgressMonitor monitor) throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Fetching the result of job " + job.id(), 2);
        try (HttpResult result = openResult(job, sub.split(1)); InputStream body = result.body()) {
            return votables.read(body, result.uri(), sub.split(1));
        } catch (IOException e) {
            throw UwsAnswers.cutOff(job.resultUri(), e);
        }
    }

    @Override
    public ResultTable query(URI service, TapQuery query, Map<String, String> parameters, WaitOptions options,
            IProgressMonitor monitor) throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Running an async query at " + service.getHost(), 10);
        JobInfo job = create(service, query, parameters, sub.split(1));
        post(job.uri(), JobUris.child(job.uri(), "phase"), List.of(new Parameter("PHASE", "RUN")), sub.split(1));
        // The job runs: reading it back is the first step of waiting, whose transient failures are
        // retried (a failed read right after the start would otherwise fail a running query).
        job = waitFor(job.uri(), null, options, sub.split(6));
        return finished(job, sub.split(2));
    }

    /** The result of a job that {@link #waitFor} returned, or the failure that explains its absence. */
    ResultTable finished(JobInfo job, IProgressMonitor monitor) throws AstrolabeException {
        raiseIfError(job, monitor);
        if (job.phase() == ExecutionPhase.ABORTED) {
            throw new QueryFailedException("job " + job.id() + " was aborted", job.uri());
        }
        if (!job.phase().isFinal()) {
            throw new TransientException("Job " + job.id() + " is still " + job.phase()
                    + " after the time allowed; it keeps running at " + job.uri(), job.uri(), null, null);
        }
        return result(job, monitor);
    }

    @Override
    public List<JobSummary> list(URI service, JobFilter filter, IProgressMonitor monitor) throws AstrolabeException {
        return lists.list(service, filter, monitor);
    }

    @Override
    public List<RememberedJob> remembered(URI service) {
        List<RememberedJob> all = store.all();
        if (service == null) {
            return all;
        }
        URI base = JobUris.service(service);
        return all.stream().filter(j -> j.service().equals(base)).toList();
    }

    @Override
    public boolean forget(URI job) {
        try {
            return store.remove(job);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot update the job store " + store.file() + ": " + e.getMessage(), e);
            return false;
        }
    }

    @Override
    public String toString() {
        return "UWS job manager (jobs remembered in " + store.file() + ")";
    }
}
