package org.astrolabe.ui.internal.services;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.uws.UwsJobManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The UI's access to the protocol services: one {@link TapClient} per service URL and transport
 * settings, kept for the session so that its metadata cache (VOSI tables, columns) is shared by the
 * ADQL editor's content assist and the Schema browser; and the UWS job manager with the user's
 * time-outs. A DS component of the UI bundle; views reach it through {@link ServiceAccess}.
 * Thread-safe.
 */
@Component(service = ServiceClients.class)
public final class ServiceClients {

    private record Key(URI service, TransportSettings settings) {
    }

    private final TapClientFactory factory;
    private final UwsJobManager jobs;
    private final Map<Key, TapClient> clients = new ConcurrentHashMap<>();
    private final Map<TransportSettings, UwsJobManager> managers = new ConcurrentHashMap<>();

    /**
     * @param factory makes TAP clients
     * @param jobs the UWS job manager that remembers the user's jobs
     */
    @Activate
    public ServiceClients(@Reference TapClientFactory factory, @Reference UwsJobManager jobs) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
    }

    /**
     * @param service a TAP base URL
     * @param settings time-outs to use
     * @return the session's client for that service and those settings
     * @throws IllegalArgumentException naming the URL when it is not an absolute http(s) URL
     */
    public TapClient client(URI service, TransportSettings settings) {
        return clients.computeIfAbsent(new Key(service, settings), k -> factory.create(k.service(), k.settings()));
    }

    /**
     * @param settings time-outs to use
     * @return a job manager sending its requests with those settings; remembered jobs are shared
     */
    public UwsJobManager jobs(TransportSettings settings) {
        return managers.computeIfAbsent(settings, s -> {
            try {
                return jobs.withSettings(s);
            } catch (UnsupportedOperationException e) {
                return jobs;
            }
        });
    }

    /** @return the job manager with its own default settings, for calls that make no request */
    public UwsJobManager jobs() {
        return jobs;
    }
}
