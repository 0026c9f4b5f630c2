package org.astrolabe.archive.internal;

import java.net.URI;
import java.util.OptionalLong;

import org.astrolabe.archive.dal.DalClient;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.VOTableReader;
import org.astrolabe.datalink.soda.Interval;
import org.eclipse.core.runtime.IProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Cone search and SIA over the HTTP transport. Thread-safe. */
@Component(service = DalClient.class)
public final class HttpDalClient implements DalClient {

    private final HttpTransport transport;
    private final VOTableReader reader = new VOTableReader();

    /** @param transport the HTTP transport */
    @Activate
    public HttpDalClient(@Reference HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public org.astrolabe.archive.dal.DalClient withSettings(org.astrolabe.core.http.TransportSettings settings) {
        return new HttpDalClient(transport.withSettings(settings));
    }

    @Override
    public ResultTable coneSearch(URI service, SkyPosition position, Angle radius, int verb, IProgressMonitor monitor)
            throws AstrolabeException {
        return get(DalUrls.cone(service, position, radius, verb), monitor);
    }

    @Override
    public ResultTable sia1(URI service, SkyPosition position, Angle size, String format, IProgressMonitor monitor)
            throws AstrolabeException {
        return get(DalUrls.sia1(service, position, size, format), monitor);
    }

    @Override
    public ResultTable sia2(URI service, SkyPosition position, Angle radius, Interval band, Interval time,
            OptionalLong maxrec, IProgressMonitor monitor) throws AstrolabeException {
        return get(DalUrls.sia2(service, position, radius, band, time, maxrec), monitor);
    }

    private ResultTable get(URI url, IProgressMonitor monitor) throws AstrolabeException {
        try (HttpResult result = HttpFailures.requireSuccess(transport.send(HttpRequest.get(url), monitor))) {
            if (result.mediaType().contains("html")) {
                throw new InvalidInputException("The answer of " + url + " is an HTML page, not a VOTable", url, null);
            }
            try {
                return reader.read(result.body(), result.uri(), monitor);
            } catch (InvalidInputException e) {
                if (e.getMessage().contains("no table") || e.getMessage().contains("holds no")) {
                    throw new QueryFailedException("The service answered no table for " + url, url);
                }
                throw e;
            }
        }
    }
}
