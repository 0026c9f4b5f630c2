package org.astrolabe.tap;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.SavedResult;
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
     * Runs {@code query} synchronously ({@code POST {base}/sync}, or GET when the query prefers it
     * and is short; a multipart POST when it has uploads; redirects followed) and streams the
     * VOTable answer into a result table, in memory while small and on disk when large.
     *
     * @param query ADQL, row limit, uploads; its response format, if any, must be a VOTable
     * @param monitor progress and cancellation, may be {@code null}
     * @return the rows and the service's QUERY_STATUS; {@link ResultTable#isTruncated()} tells
     *         whether MAXREC cut the result
     * @throws org.astrolabe.core.QueryFailedException when the service rejects the query
     *         (malformed ADQL, unknown table), with the service's message
     * @throws org.astrolabe.core.NotFoundException when {@code {base}/sync} does not exist (not a
     *         TAP URL)
     * @throws org.astrolabe.core.AuthenticationException when the service requires a login
     * @throws org.astrolabe.core.TransientException when the host is unreachable or times out
     * @throws org.astrolabe.core.InvalidInputException when the answer is not a valid VOTable, or an
     *         upload is not a readable table
     * @throws IllegalArgumentException when the query asks for a RESPONSEFORMAT that is not a VOTable
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

    /**
     * Runs {@code query} synchronously and saves the answer to {@code file} exactly as the service
     * sends it, in the query's {@link TapQuery#responseFormat()} (the service's VOTable when none):
     * the bytes go from the socket to the file without being parsed or held in memory. An error
     * VOTable (which services send with HTTP 200) is still recognised, and a VOTable's OVERFLOW
     * status is read from its tail. The file is written under a temporary name beside it and
     * renamed only when complete; on any failure no file is left.
     *
     * <p>The default implementation throws {@link UnsupportedOperationException}; Astrolabe's
     * clients implement it.
     *
     * @param query ADQL, row limit, response format and uploads
     * @param file where to save the answer; replaced if it exists
     * @param monitor progress and cancellation, may be {@code null}
     * @return the file, its size and media type, and a VOTable's QUERY_STATUS
     *         ({@link SavedResult#isTruncated()} for OVERFLOW)
     * @throws org.astrolabe.core.QueryFailedException when the service rejects the query, with its
     *         message
     * @throws org.astrolabe.core.NotFoundException when {@code {base}/sync} does not exist
     * @throws org.astrolabe.core.AuthenticationException when the service requires a login
     * @throws org.astrolabe.core.TransientException when the host is unreachable, times out, or the
     *         connection breaks before the answer is complete
     * @throws org.astrolabe.core.InvalidInputException when the answer is empty, an HTML page, not a
     *         VOTable where one was asked for, or an incomplete VOTable; or when an upload is not a
     *         readable table
     * @throws IOException when the file cannot be written (disk full, no permission)
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled
     */
    default SavedResult save(TapQuery query, Path file, IProgressMonitor monitor) throws AstrolabeException,
            IOException {
        throw new UnsupportedOperationException(getClass().getName() + " cannot save results to files");
    }

    /**
     * Runs {@code query} synchronously and writes the result to {@code file} in {@code format},
     * converting the service's VOTable while it streams in (the way STILTS does): neither the
     * document nor the table is held, and the conversion runs on a second core while the service
     * is still sending. The file is written under a temporary name and renamed only when complete.
     *
     * <p>The default implementation throws {@link UnsupportedOperationException}; Astrolabe's
     * clients implement it.
     *
     * @param query ADQL, row limit and uploads (its response format is ignored: VOTable is asked for)
     * @param format a format with {@link org.astrolabe.core.votable.TableFormat#streamable()}
     * @param file where to write; replaced if it exists
     * @param monitor progress and cancellation, may be {@code null}
     * @return the file, its size, and the VOTable's QUERY_STATUS ({@link SavedResult#isTruncated()}
     *         for OVERFLOW)
     * @throws IllegalArgumentException when {@code format} cannot be written while streaming
     * @throws org.astrolabe.core.QueryFailedException when the service rejects the query
     * @throws org.astrolabe.core.AuthenticationException when the service requires a login
     * @throws org.astrolabe.core.TransientException when the host is unreachable, times out, or the
     *         connection breaks
     * @throws org.astrolabe.core.InvalidInputException when the answer is not a complete VOTable
     * @throws IOException when the file cannot be written (disk full, no permission)
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled
     */
    default SavedResult convert(TapQuery query, org.astrolabe.core.votable.TableFormat format, Path file,
            IProgressMonitor monitor) throws AstrolabeException, IOException {
        throw new UnsupportedOperationException(getClass().getName() + " cannot convert results to files");
    }
}
