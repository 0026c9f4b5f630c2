package org.astrolabe.datalink;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

import org.astrolabe.core.AstrolabeException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Resolves dataset identifiers into their DataLink links and service descriptors. Published as an
 * OSGi service; get it with {@code @Reference DataLinkResolver}. Implementations are thread-safe.
 *
 * <p>Identifiers are sent in batches (several {@code ID} parameters per request, as DataLink 1.1
 * allows), GET while the URL stays short and POST beyond, several batches in parallel. Redirects
 * of the first batch are followed by the resolver itself, sending the batch's IDs again to the
 * target (DaCHS's ObsCore DataLink answers 302 to the table's own endpoint keeping only the first
 * ID); the other batches then go straight to the final endpoint. An identifier for which the
 * service returns no row at all gets an error row of its own ({@code NotFoundFault}), so that no
 * identifier is lost silently. No request carries a browser-like User-Agent (some DataLink
 * services answer HTML to those).
 */
public interface DataLinkResolver {

    /**
     * @param service the DataLink {links} endpoint, e.g. {@code .../dlmeta}; a query string it
     *        carries (such as {@code RESPONSEFORMAT}) is kept
     * @param ids the dataset identifiers; duplicates are asked once
     * @param options batch size, parallel requests, GET/POST threshold
     * @param monitor progress and cancellation, may be {@code null}
     * @return every link row (error rows included) and the descriptors, batch after batch in the
     *         order of {@code ids}
     * @throws org.astrolabe.core.AuthenticationException when the service answers 401/403
     * @throws org.astrolabe.core.NotFoundException when the endpoint does not exist (404)
     * @throws org.astrolabe.core.TransientException when the service cannot be reached or is
     *         temporarily unavailable
     * @throws org.astrolabe.core.QueryFailedException when the service answers QUERY_STATUS=ERROR
     * @throws org.astrolabe.core.InvalidInputException when an answer is not a DataLink VOTable
     *         (e.g. HTML)
     * @throws org.astrolabe.core.ServiceFailureException for any other HTTP error
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled
     * @throws IllegalArgumentException when {@code ids} is empty or holds a blank identifier
     */
    LinksDocument resolve(URI service, List<String> ids, ResolveOptions options, IProgressMonitor monitor)
            throws AstrolabeException;

    /**
     * Reads a DataLink document that is already at hand (a file, a recorded answer).
     *
     * @param in the document, read to its end, not closed
     * @param source where it came from, named in messages
     * @param monitor cancellation, may be {@code null}
     * @return its links and service descriptors
     * @throws org.astrolabe.core.InvalidInputException when it is not a DataLink VOTable
     * @throws org.astrolabe.core.QueryFailedException when it says QUERY_STATUS=ERROR
     */
    LinksDocument read(InputStream in, URI source, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * A resolver that sends its requests with other time-outs or User-Agent (e.g. a command
     * line's {@code --timeout}), over connections of its own; this one is unchanged.
     *
     * @param settings the transport settings to use
     * @return a new resolver
     * @throws UnsupportedOperationException when this implementation cannot change its transport
     *         (Astrolabe's service always can)
     */
    default DataLinkResolver withSettings(org.astrolabe.core.http.TransportSettings settings) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot change its transport settings");
    }
}
