package org.astrolabe.tap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.votable.ResultTable;
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
        List<Parameter> form = new ArrayList<>();
        form.add(new Parameter("REQUEST", "doQuery"));
        form.add(new Parameter("LANG", "ADQL"));
        form.add(new Parameter("QUERY", query.adql()));
        query.maxrec().ifPresent(m -> form.add(new Parameter("MAXREC", Long.toString(m))));
        URI sync = URI.create(base + "/sync");
        try (HttpResult result = transport.send(HttpRequest.post(sync, form), sub.split(1))) {
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
            try (InputStream body = result.body()) {
                return votables.read(body, result.uri(), sub.split(1));
            } catch (IOException e) {
                throw new TransientException("The result from " + result.uri()
                        + " was cut off: " + e.getMessage(), result.uri(), null, e);
            }
        }
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
