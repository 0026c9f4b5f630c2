package org.astrolabe.tap.metadata;

import java.net.URI;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.vosi.Capabilities;
import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.core.vosi.TableSet;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The metadata of one TAP service: what it can do and which tables it holds. Obtain it from
 * {@link org.astrolabe.tap.TapClient#metadata()}; it shares the client's transport settings.
 *
 * <p>Answers are cached for the life of the object (call {@link #forget()} to read them again),
 * so a table browser can ask for the listing and then for each table's columns without fetching
 * the whole tables document again. Thread-safe: concurrent callers may fetch the same document
 * twice, but always see complete results.
 *
 * <p>Every operation is synchronous and cancellable through its monitor; cancellation throws
 * {@link org.eclipse.core.runtime.OperationCanceledException}.
 */
public interface TapMetadata {

    /** @return the base URL of the service this describes */
    URI baseUri();

    /**
     * Reads the service's VOSI capabilities ({@code GET {base}/capabilities}).
     *
     * @param monitor progress and cancellation, may be {@code null}
     * @return every capability with its interfaces and security methods; {@link Capabilities#tap()}
     *         holds the TAPRegExt languages, output formats, upload methods and limits
     * @throws org.astrolabe.core.NotFoundException when the service has no capabilities endpoint
     * @throws org.astrolabe.core.AuthenticationException when the endpoint requires a login
     * @throws org.astrolabe.core.TransientException when the host is unreachable or times out
     * @throws org.astrolabe.core.InvalidInputException when the answer is not a capabilities
     *         document (message names the URL and the problem)
     * @throws org.astrolabe.core.ServiceFailureException on any other HTTP failure
     */
    Capabilities capabilities(IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Lists the service's schemas and tables. Asks VOSI tables for the short form
     * ({@code GET {base}/tables?detail=min}; services that ignore the parameter send columns too);
     * when {@code /tables} is missing, fails or is not a tables document, reads TAP_SCHEMA instead
     * ({@link #tapSchemaTables}). Tables may come without columns: use {@link #table} for them.
     *
     * @param monitor progress and cancellation, may be {@code null}
     * @return the schemas and tables
     * @throws org.astrolabe.core.AuthenticationException when the service requires a login
     * @throws org.astrolabe.core.TransientException when the host is unreachable or times out
     * @throws org.astrolabe.core.AstrolabeException the VOSI failure (with the TAP_SCHEMA failure
     *         attached as suppressed) when neither source works
     */
    TableSet tables(IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Describes one table with its columns. Uses the listing when it already has the columns;
     * otherwise fetches only that table ({@code GET {base}/tables/{name}}, VOSI 1.1), and falls
     * back to TAP_SCHEMA when the service has no per-table endpoint.
     *
     * @param name the table's name as used in ADQL, e.g. {@code ivoa.ObsCore}; matched exactly,
     *        else ignoring case
     * @param monitor progress and cancellation, may be {@code null}
     * @return the table with its columns and foreign keys
     * @throws org.astrolabe.core.NotFoundException when the service has no such table (message
     *         names the table and the service)
     * @throws IllegalArgumentException when the name is blank
     * @throws org.astrolabe.core.AuthenticationException when the service requires a login
     * @throws org.astrolabe.core.TransientException when the host is unreachable or times out
     * @throws org.astrolabe.core.AstrolabeException when no source of metadata works
     */
    TableMetadata table(String name, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Lists schemas and tables from TAP_SCHEMA ({@code TAP_SCHEMA.schemas} and {@code .tables},
     * through the synchronous query endpoint), without columns.
     *
     * @param monitor progress and cancellation, may be {@code null}
     * @return the schemas and tables
     * @throws org.astrolabe.core.QueryFailedException when the service rejects the TAP_SCHEMA query
     * @throws org.astrolabe.core.AstrolabeException as for {@link org.astrolabe.tap.TapClient#query}
     */
    TableSet tapSchemaTables(IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Describes one table from TAP_SCHEMA ({@code TAP_SCHEMA.tables}, {@code .columns} and, when
     * available, {@code .keys}/{@code .key_columns}).
     *
     * @param name the table's name, matched exactly, else ignoring case
     * @param monitor progress and cancellation, may be {@code null}
     * @return the table with its columns in {@code column_index} order when the service gives one
     * @throws org.astrolabe.core.NotFoundException when TAP_SCHEMA has no such table
     * @throws IllegalArgumentException when the name is blank
     * @throws org.astrolabe.core.QueryFailedException when the service rejects the TAP_SCHEMA query
     * @throws org.astrolabe.core.AstrolabeException as for {@link org.astrolabe.tap.TapClient#query}
     */
    TableMetadata tapSchemaTable(String name, IProgressMonitor monitor) throws AstrolabeException;

    /** Drops every cached answer, so that the next calls read the service again. Never fails. */
    void forget();
}
