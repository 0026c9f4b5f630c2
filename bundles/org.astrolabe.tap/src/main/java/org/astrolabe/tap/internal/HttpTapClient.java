package org.astrolabe.tap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.votable.ResultStreamer;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.SavedResult;
import org.astrolabe.core.votable.VOTableReader;
import org.astrolabe.core.vosi.Availability;
import org.astrolabe.core.vosi.AvailabilityReader;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/** {@link TapClient} speaking TAP 1.1 over the shared HTTP transport. */
final class HttpTapClient implements TapClient {

    private final URI base;
    private final HttpTransport transport;
    private final VOTableReader votables = new VOTableReader();
    private final ResultStreamer streamer = new ResultStreamer();
    private final AvailabilityReader availabilities = new AvailabilityReader();

    HttpTapClient(URI base, HttpTransport transport) {
        this.base = base;
        this.transport = transport;
    }

    @Override
    public URI baseUri() {
        return base;
    }

    @Override
    public ResultTable query(TapQuery query, IProgressMonitor monitor) throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Querying " + base.getHost(), 2);
        if (query.responseFormat().isPresent() && !SyncRequests.isVOTableFormat(query.responseFormat().get())) {
            throw new IllegalArgumentException("A result table is read from a VOTable, not from RESPONSEFORMAT="
                    + query.responseFormat().get() + "; use save() to keep other formats");
        }
        try (UploadParts uploads = SyncRequests.uploads(query, base);
                HttpResult result = transport.send(SyncRequests.sync(base, query, uploads), sub.split(1))) {
            failOnError(result, sub);
            try (InputStream body = result.body()) {
                return votables.read(body, result.uri(), sub.split(1));
            } catch (IOException e) {
                throw new TransientException("The result from " + result.uri()
                        + " was cut off: " + e.getMessage(), result.uri(), null, e);
            }
        }
    }

    /** Turns an HTTP error status, or an error VOTable sent with one, into a typed failure. */
    private void failOnError(HttpResult result, SubMonitor sub) throws AstrolabeException {
        if (result.status() >= 400 && isVOTable(result)) {
            // TAP services may report errors as a VOTable with an HTTP error status.
            try (InputStream body = result.body()) {
                votables.read(body, result.uri(), sub.split(1));
            } catch (QueryFailedException e) {
                throw e;
            } catch (AstrolabeException | IOException notAnErrorDocument) {
                // not a TAP error document: the status decides below
            }
        }
        HttpFailures.requireSuccess(result);
    }

    private static boolean isVOTable(HttpResult result) {
        String type = result.mediaType();
        return type.contains("xml") || type.contains("votable");
    }

    @Override
    public Availability availability(IProgressMonitor monitor) throws AstrolabeException {
        URI uri = URI.create(base + "/availability");
        try (HttpResult result = HttpFailures.requireSuccess(transport.send(HttpRequest.get(uri), monitor));
                InputStream body = result.body()) {
            return availabilities.read(body, result.uri());
        } catch (IOException e) {
            throw new TransientException("The availability of " + base + " could not be read: "
                    + e.getMessage(), uri, null, e);
        }
    }

    @Override
    public SavedResult save(TapQuery query, Path file, IProgressMonitor monitor) throws AstrolabeException,
            IOException {
        SubMonitor sub = SubMonitor.convert(monitor, "Querying " + base.getHost(), 3);
        boolean expectVOTable = query.responseFormat().map(SyncRequests::isVOTableFormat).orElse(true);
        try (UploadParts uploads = SyncRequests.uploads(query, base);
                HttpResult result = transport.send(SyncRequests.sync(base, query, uploads), sub.split(1))) {
            failOnError(result, sub);
            return streamer.save(result.body(), result.mediaType(), result.contentLength(), expectVOTable,
                    result.uri(), file, sub.split(2));
        }
    }

    @Override
    public SavedResult convert(TapQuery query, org.astrolabe.core.votable.TableFormat format, Path file,
            IProgressMonitor monitor) throws AstrolabeException, IOException {
        if (!format.streamable()) {
            throw new IllegalArgumentException(format.id() + " cannot be written while the result streams in");
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Querying " + base.getHost(), 3);
        try (UploadParts uploads = SyncRequests.uploads(query, base);
                HttpResult result = transport.send(SyncRequests.sync(base, query.withoutResponseFormat(), uploads),
                        sub.split(1))) {
            failOnError(result, sub);
            return streamer.convert(result.body(), result.uri(), format, file, sub.split(2));
        }
    }

    @Override
    public String toString() {
        return "TAP client for " + base;
    }

    private volatile org.astrolabe.tap.metadata.TapMetadata metadata;

    @Override
    public org.astrolabe.tap.metadata.TapMetadata metadata() {
        org.astrolabe.tap.metadata.TapMetadata m = metadata;
        if (m == null) {
            synchronized (this) {
                m = metadata;
                if (m == null) {
                    m = new org.astrolabe.tap.internal.metadata.HttpTapMetadata(this, transport);
                    metadata = m;
                }
            }
        }
        return m;
    }
}
