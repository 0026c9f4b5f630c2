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
        QueryStatus status = parse(in, source, store, sub);
        sub.done();
        return new ResultTable(store.getStarTable(), status);
    }

    /**
     * Writes the first table of a result VOTable to {@code out} in {@code format} while it is
     * still arriving: rows go from the parser to the writer (on a thread of its own) through a
     * short queue, so neither the document nor the table is ever held, and a large result costs
     * the time of the slower of the two. Only formats written in one pass can be streamed (see
     * {@link TableFormat#streamable()}).
     *
     * @param in the document; read to its end but not closed
     * @param source where it came from, named in error messages
     * @param format a streamable output format
     * @param out where the table goes; flushed, not closed. It holds a partial table when this
     *        method fails: write to a temporary file and keep it only on success
     * @param monitor progress and cancellation, may be {@code null}
     * @return the query status (OVERFLOW when the service cut the result at MAXREC)
     * @throws QueryFailedException, InvalidInputException, TransientException as {@link #read}
     * @throws IOException when {@code out} cannot be written (disk full)
     * @throws IllegalArgumentException when {@code format} cannot be streamed
     */
    public QueryStatus convert(InputStream in, URI source, TableFormat format, java.io.OutputStream out,
            IProgressMonitor monitor) throws AstrolabeException, IOException {
        if (!format.streamable()) {
            throw new IllegalArgumentException(format.id() + " cannot be written while the result streams in");
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Converting result from " + source.getHost(), 1);
        StreamingRows pipe = new StreamingRows();
        java.util.concurrent.atomic.AtomicReference<Throwable> written = new java.util.concurrent.atomic.AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                format.newWriter().writeStarTable(pipe.table(), out);
                out.flush();
            } catch (IOException | RuntimeException e) {
                written.set(e);
                pipe.abandon(); // the parser's next row that finds the queue full then fails
            }
        }, "Astrolabe result writer");
        writer.setDaemon(true);
        writer.start();
        QueryStatus status;
        try {
            status = parse(in, source, pipe, sub);
        } catch (AstrolabeException | RuntimeException e) {
            Throwable writerFirst = written.get();
            pipe.fail(new IOException("reading the result stopped: " + e.getMessage()));
            join(writer);
            if (writerFirst instanceof IOException io) {
                throw io; // the writer failed first (disk full) and stopped the parse
            }
            throw e;
        }
        join(writer);
        Throwable failure = written.get();
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure != null) {
            throw new InvalidInputException("The result from " + source + " could not be written as " + format.id()
                    + ": " + failure.getMessage(), source, failure);
        }
        sub.done();
        return status;
    }

    private static void join(Thread writer) {
        try {
            writer.join();
        } catch (InterruptedException e) {
            writer.interrupt();
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
    }

    /** Parses {@code in}, sending the first table to {@code sink}; returns the query status. */
    private QueryStatus parse(InputStream in, URI source, uk.ac.starlink.table.TableSink sink, SubMonitor sub)
            throws AstrolabeException {
        FirstTableHandler tables = new FirstTableHandler(sink, sub);
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
        return status;
    }
}
