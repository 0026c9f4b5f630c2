package org.astrolabe.tap.internal.uws;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobFilter;
import org.astrolabe.tap.uws.JobSummary;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Reads a service's job list with the UWS 1.1 filters, and applies them again to what comes back
 * for services that ignore them. Thread-safe.
 */
final class JobLists {

    private final HttpTransport transport;
    private final UwsDocumentReader documents;

    JobLists(HttpTransport transport, UwsDocumentReader documents) {
        this.transport = transport;
        this.documents = documents;
    }

    List<JobSummary> list(URI service, JobFilter filter, IProgressMonitor monitor) throws AstrolabeException {
        URI async = JobUris.async(service);
        List<ExecutionPhase> phases = new ArrayList<>(filter.phases());
        phases.sort(null);
        SubMonitor sub = SubMonitor.convert(monitor, "Listing jobs at " + async.getHost(), Math.max(1, phases.size()));
        Map<String, JobSummary> jobs = new LinkedHashMap<>();
        // One request per phase: DaCHS 2.7 honours only the last PHASE of a request.
        for (int i = 0; i < Math.max(1, phases.size()); i++) {
            List<Parameter> query = new ArrayList<>();
            if (!phases.isEmpty()) {
                query.add(new Parameter("PHASE", phases.get(i).name()));
            }
            filter.after().ifPresent(a -> query.add(new Parameter("AFTER", a.toString())));
            filter.last().ifPresent(n -> query.add(new Parameter("LAST", Integer.toString(n))));
            for (JobSummary j : listOnce(async, query, sub.split(1))) {
                if (filter.accepts(j)) {
                    jobs.putIfAbsent(j.uri().toString(), j);
                }
            }
        }
        List<JobSummary> result = new ArrayList<>(jobs.values());
        if (filter.last().isPresent() && result.size() > filter.last().getAsInt()) {
            // Several phases, or a service that ignores LAST: keep the most recent where the list says
            // when jobs were created, else the last ones in the service's order.
            if (result.stream().allMatch(j -> j.creationTime().isPresent())) {
                result.sort((a, b) -> a.creationTime().get().compareTo(b.creationTime().get()));
            }
            result = result.subList(result.size() - filter.last().getAsInt(), result.size());
        }
        return List.copyOf(result);
    }

    private List<JobSummary> listOnce(URI async, List<Parameter> query, IProgressMonitor monitor)
            throws AstrolabeException {
        try (HttpResult result = transport.send(new HttpRequest("GET", async, List.of(), query, true), monitor)) {
            if (result.status() == 404 || result.status() == 410) {
                throw new NotFoundException("No job list at " + async + " (HTTP " + result.status()
                        + "): is this a TAP service?", async);
            }
            UwsAnswers.failIfErrorDocument(result);
            HttpFailures.requireSuccess(result);
            try (InputStream body = result.body()) {
                return documents.readJobList(body, async);
            } catch (IOException e) {
                throw UwsAnswers.cutOff(async, e);
            }
        }
    }
}
