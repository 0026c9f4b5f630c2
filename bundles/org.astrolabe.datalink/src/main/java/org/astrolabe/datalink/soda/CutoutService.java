package org.astrolabe.datalink.soda;

import java.nio.file.Path;
import java.util.List;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.datalink.ServiceDescriptor;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Builds and sends SODA cutout requests from a DataLink service descriptor: synchronously (GET
 * or POST) or as a UWS job. Published as an OSGi service; get it with
 * {@code @Reference CutoutService}. Implementations are thread-safe.
 *
 * <p>Before anything is sent, the request is checked against the descriptor: every parameter
 * must be one the descriptor declares, and a region, band or time must overlap the limits the
 * descriptor gives ({@code VALUES/MIN/MAX}): a circle that misses the image is refused with a
 * message that says so.
 */
public interface CutoutService {

    /** How the request is sent. */
    enum Mode {
        /** SODA sync, parameters in the query string. */
        GET,
        /** SODA sync, parameters in a form POST. */
        POST,
        /** SODA async: a UWS job is created, run and waited for; its result is fetched. */
        ASYNC
    }

    /**
     * @param descriptor the dataset's SODA descriptor (sync or async)
     * @param request what to cut
     * @return the parameters to send: the descriptor's fixed values ({@code ID}, {@code RUNID},
     *         ...) first, then the request's
     * @throws InvalidInputException naming the parameter when the descriptor does not declare it,
     *         or naming the value when it lies outside the descriptor's limits (e.g. a circle that
     *         misses the image)
     */
    List<HttpRequest.Parameter> parameters(ServiceDescriptor descriptor, CutoutRequest request)
            throws InvalidInputException;

    /**
     * Sends the request and opens the cutout as it streams in.
     *
     * @param descriptor a SODA sync descriptor for {@link Mode#GET} and {@link Mode#POST}, an
     *        async one for {@link Mode#ASYNC}
     * @param request what to cut
     * @param mode how to send it
     * @param monitor progress and cancellation, may be {@code null}; cancelling an async cutout
     *        aborts its job
     * @return the answer, status 2xx, body unread; the caller must close it (which, for an async
     *         cutout, also deletes the job)
     * @throws InvalidInputException as {@link #parameters}, or when the descriptor has no access
     *         URL or is not of the kind the mode needs
     * @throws org.astrolabe.core.AuthenticationException on 401/403 (e.g. an embargoed dataset)
     * @throws org.astrolabe.core.NotFoundException on 404
     * @throws org.astrolabe.core.QueryFailedException when the async job ends in ERROR or ABORTED
     * @throws org.astrolabe.core.ServiceFailureException when the service answers an error
     *         document or another HTTP error
     * @throws org.astrolabe.core.TransientException when the service cannot be reached
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled
     */
    HttpResult open(ServiceDescriptor descriptor, CutoutRequest request, Mode mode, IProgressMonitor monitor)
            throws AstrolabeException;

    /**
     * Sends the request and saves the cutout in {@code directory}, under a temporary name first
     * and renamed when complete (no partial file is ever left under the final name). The name
     * comes from the answer's Content-Disposition, else from the dataset identifier; an existing
     * file is never overwritten (a numbered name is chosen instead).
     *
     * @param directory where to save; created if missing
     * @return the saved file
     * @throws org.astrolabe.core.TransientException when the answer is shorter than its
     *         Content-Length (connection broken)
     * @throws org.astrolabe.core.ServiceFailureException when the answer is empty (no file is kept)
     * @throws AstrolabeException as {@link #open}, and {@link InvalidInputException} when the
     *         file cannot be written (naming it)
     */
    Path save(ServiceDescriptor descriptor, CutoutRequest request, Mode mode, Path directory,
            IProgressMonitor monitor) throws AstrolabeException;

    /**
     * A cutout service that sends its requests with other time-outs or User-Agent (e.g. a command
     * line's {@code --timeout}), over connections of its own; this one is unchanged. Async cutouts use a job
     * manager with the same settings.
     *
     * @param settings the transport settings to use
     * @return a new cutout service
     * @throws UnsupportedOperationException when this implementation cannot change its transport
     *         (Astrolabe's service always can)
     */
    default CutoutService withSettings(org.astrolabe.core.http.TransportSettings settings) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot change its transport settings");
    }
}
