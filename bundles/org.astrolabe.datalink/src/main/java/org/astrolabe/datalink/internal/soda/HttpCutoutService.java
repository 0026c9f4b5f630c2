package org.astrolabe.datalink.internal.soda;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.ServiceFailureException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.datalink.ServiceDescriptor;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.astrolabe.datalink.soda.CutoutService;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.RememberedJob;
import org.astrolabe.tap.uws.UwsJobManager;
import org.astrolabe.tap.uws.WaitOptions;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link CutoutService} over the shared {@link HttpTransport}; async cutouts are UWS jobs
 * created here (SODA async takes its own parameters, not a TAP query) and then run, waited for
 * and read through the TAP bundle's {@link UwsJobManager}; the job is deleted once its result is
 * closed. Thread-safe (stateless).
 */
@Component(service = CutoutService.class)
public final class HttpCutoutService implements CutoutService {

    private final HttpTransport transport;
    private final UwsJobManager jobs;

    /**
     * @param transport the HTTP transport service
     * @param jobs the UWS job manager service
     */
    @Activate
    public HttpCutoutService(@Reference HttpTransport transport, @Reference UwsJobManager jobs) {
        this.transport = transport;
        this.jobs = jobs;
    }

    @Override
    public CutoutService withSettings(TransportSettings settings) {
        return new HttpCutoutService(transport.withSettings(settings), jobs.withSettings(settings));
    }

    @Override
    public List<Parameter> parameters(ServiceDescriptor descriptor, CutoutRequest request)
            throws InvalidInputException {
        return SodaParameters.build(descriptor, request);
    }

    @Override
    public HttpResult open(ServiceDescriptor descriptor, CutoutRequest request, Mode mode, IProgressMonitor monitor)
            throws AstrolabeException {
        URI access = descriptor.accessUrl();
        if (access == null) {
            throw new InvalidInputException("The cutout service descriptor " + descriptor.id() + " of "
                    + request.id() + " has no access URL", null, null);
        }
        boolean async = mode == Mode.ASYNC;
        if (async ? !descriptor.isSodaAsync() : descriptor.isSodaAsync()) {
            throw new InvalidInputException("Descriptor " + descriptor.id() + " (" + descriptor.standardId()
                    + ") cannot be used for a " + mode + " cutout", access, null);
        }
        List<Parameter> form = parameters(descriptor, request);
        if (!async) {
            HttpRequest http = mode == Mode.POST ? HttpRequest.post(access, form)
                    : new HttpRequest("GET", access, List.of(), form, true);
            return checked(transport.send(http, monitor));
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Cutout of " + request.id(), 5);
        URI job = create(access, form, sub.split(1));
        JobInfo created = jobs.get(job, sub.split(1));
        rememberQuietly(access, created, request);
        jobs.run(job, sub.split(1));
        JobInfo done = jobs.waitFor(job, WaitOptions.defaults(), sub.split(1));
        jobs.raiseIfError(done, null);
        if (done.phase() != ExecutionPhase.COMPLETED) {
            throw new QueryFailedException("the cutout job ended in phase " + done.phase(), job);
        }
        return new DeletingResult(checked(jobs.openResult(done, sub.split(1))), job);
    }

    /**
     * Listed with the user's jobs while it runs, so that a cutout interrupted by a crash or Ctrl-C
     * can be found and resumed or deleted; deleting it after its result is read forgets it again.
     */
    private void rememberQuietly(URI access, JobInfo created, CutoutRequest request) {
        try {
            jobs.remember(new RememberedJob(access, created.uri(), created.id(), Instant.now(),
                    "SODA cutout of " + request.id()));
        } catch (AstrolabeException | RuntimeException e) {
            // The cutout still works; only the job list would miss it.
        }
    }

    /** The result of an async cutout; closing it also deletes the job (best effort, never throws). */
    private final class DeletingResult implements HttpResult {
        private final HttpResult delegate;
        private final URI job;

        DeletingResult(HttpResult delegate, URI job) {
            this.delegate = delegate;
            this.job = job;
        }

        @Override
        public int status() {
            return delegate.status();
        }

        @Override
        public URI uri() {
            return delegate.uri();
        }

        @Override
        public java.util.Optional<String> header(String name) {
            return delegate.header(name);
        }

        @Override
        public String mediaType() {
            return delegate.mediaType();
        }

        @Override
        public long contentLength() {
            return delegate.contentLength();
        }

        @Override
        public java.io.InputStream body() {
            return delegate.body();
        }

        @Override
        public void close() {
            delegate.close();
            try {
                jobs.delete(job, null);
            } catch (AstrolabeException | RuntimeException e) {
                // The service destroys it at its destruction time anyway.
            }
        }
    }

    /** Refuses an error status, and an error VOTable sent with 200 where FITS was expected. */
    private static HttpResult checked(HttpResult result) throws AstrolabeException {
        HttpFailures.requireSuccess(result);
        String media = result.mediaType();
        if (media.contains("votable") || media.equals("text/xml") || media.equals("application/xml")
                || media.startsWith("text/html")) {
            try (result) {
                String text = new String(result.body().readNBytes(4000), java.nio.charset.StandardCharsets.UTF_8)
                        .replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
                throw new ServiceFailureException("The cutout service at " + result.uri() + " answered " + media
                        + " instead of data: " + text, result.uri(), null);
            } catch (java.io.IOException e) {
                throw new ServiceFailureException("The cutout service at " + result.uri() + " answered " + media
                        + " instead of data", result.uri(), e);
            }
        }
        return result;
    }

    private URI create(URI access, List<Parameter> form, IProgressMonitor monitor) throws AstrolabeException {
        try (HttpResult result = transport.send(HttpRequest.post(access, form).withFollowRedirects(false), monitor)) {
            var location = result.header("Location");
            if ((result.status() == 303 || result.status() == 302 || result.status() == 201) && location.isPresent()) {
                URI job = access.resolve(location.get().strip());
                return URI.create(job.getScheme() + "://" + job.getRawAuthority() + job.getRawPath());
            }
            HttpFailures.requireSuccess(result);
            if (result.status() == 404) {
                throw new NotFoundException("No SODA async service at " + access, access);
            }
            throw new ServiceFailureException("The SODA async service at " + access + " did not create a job (HTTP "
                    + result.status() + " without a job URL)", access, null);
        }
    }

    @Override
    public Path save(ServiceDescriptor descriptor, CutoutRequest request, Mode mode, Path directory,
            IProgressMonitor monitor) throws AstrolabeException {
        try (HttpResult result = open(descriptor, request, mode, monitor)) {
            return CutoutFiles.save(result, request.id(), directory);
        }
    }
}
