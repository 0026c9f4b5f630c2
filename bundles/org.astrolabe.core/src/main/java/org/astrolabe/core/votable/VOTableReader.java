package org.astrolabe.core.votable;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.internal.xml.SecureXml;
import org.astrolabe.core.internal.xml.TrackedInput;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

import uk.ac.starlink.table.RowStore;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.votable.TableContentHandler;

/**
 * Reads a result VOTable (any serialization: TABLEDATA, BINARY, BINARY2, FITS) as it streams in,
 * with STIL. The first TABLE becomes a {@link ResultTable}; {@code QUERY_STATUS} INFO elements are
 * honoured wherever they stand (DaCHS puts OVERFLOW after the table). Safe against external
 * entities: a document with a DOCTYPE is refused. Instances are stateless and thread-safe.
 */
public final class VOTableReader {

    private final StoragePolicy storage;

    /** Rows are kept in memory while small and moved to a temporary file when large. */
    public VOTableReader() {
        this(StoragePolicy.ADAPTIVE);
    }

    /** @param storage where STIL keeps the rows */
    public VOTableReader(StoragePolicy storage) {
        this.storage = storage;
    }

    /**
     * @param in the document; read to its end but not closed
     * @param source where it came from, named in error messages
     * @param monitor progress and cancellation, may be {@code null}
     * @return the first table and the query status
     * @throws QueryFailedException when the document says {@code QUERY_STATUS=ERROR}; carries the
     *         service's message
     * @throws InvalidInputException when the document is not a well-formed VOTable, is truncated,
     *         declares a DOCTYPE, or holds no table
     * @throws org.astrolabe.core.TransientException when the stream breaks before the document ends
     *         (connection reset, time-out)
     * @throws OperationCanceledException when the monitor is cancelled
     */
    public ResultTable read(InputStream in, URI source, IProgressMonitor monitor) throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Reading result from " + source.getHost(), 1);
        RowStore store = storage.makeRowStore();
        FirstTableHandler tables = new FirstTableHandler(store, sub);
        TableContentHandler stil = new TableContentHandler(false);
        stil.setReadHrefTables(false);
        stil.setTableHandler(tables);
        StatusWatcher watcher = new StatusWatcher(stil);
        XMLReader reader = SecureXml.newReader(false);
        reader.setContentHandler(watcher);
        reader.setErrorHandler(null);
        TrackedInput source0 = new TrackedInput(in);
        try {
            reader.parse(new InputSource(source0));
        } catch (SAXParseException e) {
            if (watcher.status().state() == QueryStatus.State.ERROR) {
                throw new QueryFailedException(watcher.status().message(), source);
            }
            throw new InvalidInputException("The VOTable from " + source + " is malformed or truncated (line "
                    + e.getLineNumber() + "): " + e.getMessage(), source, e);
        } catch (SAXException e) {
            if (e.getException() instanceof OperationCanceledException cancelled) {
                throw cancelled;
            }
            throw new InvalidInputException("The VOTable from " + source + " could not be read: " + e.getMessage(),
                    source, e);
        } catch (IOException e) {
            if (source0.broke()) {
                // the stream broke (connection reset, time-out): a network failure, not a bad document
                throw new TransientException("The VOTable from " + source + " was cut off: " + e.getMessage(),
                        source, null, e);
            }
            throw new InvalidInputException("The VOTable from " + source + " could not be read: " + e.getMessage(),
                    source, e);
        } catch (OperationCanceledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            // STIL allocates what a BINARY/BINARY2 length prefix declares before reading it: a damaged
            // or hostile stream can ask for gigabytes in one array (found by VOTableReaderFuzzer). That
            // one allocation failed and nothing else holds the memory, so reading simply stops here.
            throw new InvalidInputException("The VOTable from " + source + " declares a value larger than the "
                    + "memory available: the document is damaged", source, null);
        } catch (RuntimeException e) {
            // STIL reports data that contradicts its FIELDs (e.g. a STREAM of an unknown datatype) unchecked
            throw new InvalidInputException("The VOTable from " + source + " could not be read: " + e.getMessage(),
                    source, e);
        }
        QueryStatus status = watcher.status();
        if (status.state() == QueryStatus.State.ERROR) {
            throw new QueryFailedException(status.message().isEmpty() ? "no reason given" : status.message(), source);
        }
        if (!tables.complete()) {
            throw new InvalidInputException("The document from " + source + " holds no complete VOTable TABLE",
                    source, null);
        }
        sub.done();
        return new ResultTable(store.getStarTable(), status);
    }
}
