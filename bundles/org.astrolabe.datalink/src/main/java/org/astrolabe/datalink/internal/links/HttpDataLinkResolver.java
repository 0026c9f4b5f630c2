package org.astrolabe.datalink.internal.links;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.DataLinkResolver;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ResolveOptions;
import org.astrolabe.datalink.ServiceDescriptor;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link DataLinkResolver} over the shared {@link HttpTransport}. The first batch is sent alone,
 * following redirects itself (at most 5) with the batch's IDs sent again to each target; the
 * others then go to the final endpoint, at most
 * {@link ResolveOptions#parallel()} at a time, on this component's daemon threads. Thread-safe.
 */
@Component(service = DataLinkResolver.class)
public final class HttpDataLinkResolver implements DataLinkResolver {

    private static final int MAX_REDIRECTS = 5;

    private final HttpTransport transport;
    private final LinksDocumentReader reader = new LinksDocumentReader();
    private final ExecutorService threads;

    /** @param transport the HTTP transport service */
    @Activate
    public HttpDataLinkResolver(@Reference HttpTransport transport) {
        this.transport = transport;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "astrolabe-datalink-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops the worker threads. */
    @Deactivate
    public void close() {
        threads.shutdownNow();
    }

    @Override
    public DataLinkResolver withSettings(TransportSettings settings) {
        return new HttpDataLinkResolver(transport.withSettings(settings));
    }

    @Override
    public LinksDocument read(InputStream in, URI source, IProgressMonitor monitor) throws AstrolabeException {
        return reader.read(in, source, monitor);
    }

    /** One batch's answer, and the endpoint that gave it. */
    private record Answer(LinksDocument document, URI endpoint) {
    }

    @Override
    public LinksDocument resolve(URI service, List<String> ids, ResolveOptions options, IProgressMonitor monitor)
            throws AstrolabeException {
        HttpRequest.requireHttpUri(service);
        List<List<String>> batches = BatchRequests.batches(ids, options.batchSize());
        SubMonitor sub = SubMonitor.convert(monitor, "Resolving " + ids.size() + " identifiers at " + service.getHost(),
                batches.size() + 1);
        List<LinksDocument> documents = new ArrayList<>();
        // The first batch finds the endpoint: redirects are followed here, with the IDs sent
        // again to the target (DaCHS's ObsCore DataLink keeps only the first ID in its 302).
        URI endpoint = service;
        Answer first = null;
        for (int hop = 0; first == null; hop++) {
            HttpRequest request = BatchRequests.request(endpoint, batches.get(0), options.maxGetLength())
                    .withFollowRedirects(false);
            HttpResult result = transport.send(request, sub.split(1));
            var location = result.header("Location");
            if (result.status() >= 300 && result.status() < 400 && location.isPresent() && hop < MAX_REDIRECTS) {
                result.close();
                endpoint = BatchRequests.withoutIds(endpoint.resolve(location.get().strip()));
                HttpRequest.requireHttpUri(endpoint);
                sub.setWorkRemaining(batches.size() + 1);
                continue;
            }
            first = read(result, null);
        }
        documents.add(first.document());
        List<List<String>> rest = batches.subList(1, batches.size());
        documents.addAll(parallel(endpoint, rest, options, sub));
        return merge(documents, ids);
    }

    private List<LinksDocument> parallel(URI endpoint, List<List<String>> batches, ResolveOptions options,
            SubMonitor sub) throws AstrolabeException {
        List<LinksDocument> out = new ArrayList<>();
        if (batches.isEmpty()) {
            return out;
        }
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(options.parallel());
        List<Future<Answer>> futures = new ArrayList<>();
        for (List<String> batch : batches) {
            futures.add(threads.submit(() -> {
                slots.acquire();
                try {
                    return fetch(endpoint, batch, options, null);
                } finally {
                    slots.release();
                }
            }));
        }
        try {
            for (Future<Answer> f : futures) {
                while (true) {
                    if (sub.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                    try {
                        out.add(f.get(200, java.util.concurrent.TimeUnit.MILLISECONDS).document());
                        sub.worked(1);
                        break;
                    } catch (java.util.concurrent.TimeoutException notYet) {
                        // check cancellation again
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AstrolabeException a) {
                throw a;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
        return out;
    }

    private Answer fetch(URI endpoint, List<String> batch, ResolveOptions options, IProgressMonitor monitor)
            throws AstrolabeException {
        HttpRequest request = BatchRequests.request(endpoint, batch, options.maxGetLength());
        return read(transport.send(request, monitor), monitor);
    }

    private Answer read(HttpResult answer, IProgressMonitor monitor) throws AstrolabeException {
        try (HttpResult result = HttpFailures.requireSuccess(answer)) {
            if (result.mediaType().contains("html")) {
                throw new InvalidInputException("The DataLink service at " + result.uri()
                        + " answered an HTML page instead of a VOTable", result.uri(), null);
            }
            try (InputStream body = result.body()) {
                return new Answer(reader.read(body, result.uri(), monitor), result.uri());
            } catch (IOException e) {
                throw new TransientException("The DataLink answer of " + result.uri() + " was cut off: "
                        + e.getMessage(), result.uri(), null, e);
            }
        }
    }

    /**
     * Concatenates the batches' answers. A descriptor ID already used by an earlier answer is
     * renamed (DaCHS numbers them per answer: {@code procsvc} in every batch).
     */
    static LinksDocument merge(List<LinksDocument> documents, List<String> asked) {
        List<DataLink> links = new ArrayList<>();
        Map<String, ServiceDescriptor> descriptors = new LinkedHashMap<>();
        int n = 0;
        for (LinksDocument doc : documents) {
            n++;
            Map<String, String> renamed = new LinkedHashMap<>();
            for (ServiceDescriptor d : doc.descriptors().values()) {
                String id = d.id();
                if (descriptors.containsKey(id) && !descriptors.get(id).equals(d)) {
                    id = d.id() + "~" + n;
                    renamed.put(d.id(), id);
                }
                descriptors.put(id, new ServiceDescriptor(id, d.standardId(), d.accessUrl(), d.resourceIdentifier(),
                        d.inputs()));
            }
            for (DataLink l : doc.links()) {
                String def = renamed.getOrDefault(l.serviceDef(), l.serviceDef());
                links.add(def.equals(l.serviceDef()) ? l
                        : new DataLink(l.id(), l.accessUrl(), def, l.errorMessage(), l.semantics(), l.description(),
                                l.contentType(), l.contentLength(), l.contentQualifier(), l.localSemantics(),
                                l.linkAuth(), l.linkAuthorized()));
            }
        }
        Set<String> seen = new HashSet<>();
        links.forEach(l -> seen.add(l.id()));
        for (String id : new java.util.LinkedHashSet<>(asked)) {
            String key = id.strip();
            if (!seen.contains(key)) {
                links.add(new DataLink(key, null, "", "NotFoundFault: the DataLink service returned no row for "
                        + key, "#this", "", "", -1, "", "", "", null));
                seen.add(key);
            }
        }
        return new LinksDocument(links, descriptors);
    }
}
