package org.astrolabe.tap;

import java.net.URI;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.vosi.Availability;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A client for one TAP service. Obtain one from {@link TapClientFactory}. Thread-safe: one client
 * may run several queries at once.
 */
public interface TapClient {

    /** @return the service's base URL (the one {@code /sync} and {@code /availability} hang off) */
    URI baseUri();

    /**
     * Runs {@code query} synchronously ({@code POST {base}/sync}, redirects followed) and streams
     * the VOTable answer into a result table, in memory while small and on disk when large.
     *
     * @param query ADQL and row limit
     * @param monitor progress and cancellation, may be {@code null}
     * @return the rows and the service's QUERY_STATUS; {@link ResultTable#isTruncated()} tells
     *         whether MAXREC cut the result
     * @throws org.astrolabe.core.QueryFailedException when the service rejects the query
     *         (malformed ADQL, unknown table), with the service's message
     * @throws org.astrolabe.core.NotFoundException when {@code {base}/sync} does not exist (not a
     *         TAP URL)
     * @throws org.astrolabe.core.AuthenticationException when the service requires a login
     * @throws org.astrolabe.core.TransientException when the host is unreachable or times out
     * @throws org.astrolabe.core.InvalidInputException when the answer is not a valid VOTable
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled
     */
    ResultTable query(TapQuery query, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Reads the service's VOSI availability ({@code GET {base}/availability}).
     *
     * @param monitor progress and cancellation, may be {@code null}
     * @return what the service says of itself
     * @throws org.astrolabe.core.NotFoundException when the service has no availability endpoint
     * @throws org.astrolabe.core.TransientException when the host is unreachable
     * @throws org.astrolabe.core.InvalidInputException when the answer is not an availability
     *         document
     */
    Availability availability(IProgressMonitor monitor) throws AstrolabeException;

    /**
     * The service's metadata: VOSI capabilities, its tables (VOSI tables or TAP_SCHEMA) and each
     * table's columns, cached per client. Uses this client's transport settings and, for
     * TAP_SCHEMA, its {@link #query} path.
     *
     * @return the metadata of this client's service; the same object on every call
     * @throws UnsupportedOperationException when this client implementation offers no metadata
     *         (clients from {@link TapClientFactory} always do)
     */
    default org.astrolabe.tap.metadata.TapMetadata metadata() {
        throw new UnsupportedOperationException("This TAP client (" + getClass().getName() + ") offers no metadata");
    }
}
