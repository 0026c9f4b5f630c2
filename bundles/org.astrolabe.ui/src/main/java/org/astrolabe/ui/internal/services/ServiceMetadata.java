package org.astrolabe.ui.internal.services;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.core.vosi.TableSet;
import org.astrolabe.tap.metadata.TapMetadata;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.internal.adql.CompletionModel;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;

/**
 * The metadata of one TAP service as the UI sees it: the table listing and the columns of the
 * tables asked for, each loaded once in a background {@link Job} (family
 * {@link JobFamilies#METADATA}) through the session's {@link TapMetadata}, then kept. Listeners
 * hear of every change on the loading job's thread. Never blocks the caller. Thread-safe.
 */
public final class ServiceMetadata implements CompletionModel {

    /** Told when something was loaded or failed; called on a job thread. */
    public interface Listener {
        /** @param metadata the metadata that changed */
        void changed(ServiceMetadata metadata);
    }

    private final URI service;
    private final ServiceAccess<ServiceClients> services;
    private final Supplier<TransportSettings> settings;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, TableMetadata> columns = new ConcurrentHashMap<>();
    private final Set<String> loading = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private volatile TableSet tables;
    private volatile String failure;
    private volatile boolean listing;

    /**
     * @param service the TAP service's base URL
     * @param services where the TAP clients come from
     * @param settings the user's time-outs, read when a load starts
     */
    public ServiceMetadata(URI service, ServiceAccess<ServiceClients> services, Supplier<TransportSettings> settings) {
        this.service = Objects.requireNonNull(service, "service");
        this.services = Objects.requireNonNull(services, "services");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the service described */
    public URI service() {
        return service;
    }

    /** @param listener told of every change from now on */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** @param listener no longer told */
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** @return the listing, if loaded */
    public Optional<TableSet> tableSet() {
        return Optional.ofNullable(tables);
    }

    /** @return why the listing could not be loaded, if it could not */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return whether the listing is being loaded */
    public boolean isLoading() {
        return listing;
    }

    /** @return why the columns of {@code table} could not be loaded, if they could not */
    public Optional<String> failure(String table) {
        return Optional.ofNullable(failures.get(key(table)));
    }

    /** Starts loading the listing unless it is loaded or loading. */
    public synchronized void loadTables() {
        if (tables != null || listing) {
            return;
        }
        listing = true;
        failure = null;
        schedule("Reading the tables of " + service.getRawAuthority(), monitor -> {
            try {
                tables = metadata(monitor).tables(monitor);
            } catch (AstrolabeException e) {
                failure = e.getMessage();
            } finally {
                listing = false;
            }
        });
    }

    @Override
    public List<TableMetadata> tables() {
        TableSet set = tables;
        if (set == null) {
            loadTables();
            return List.of();
        }
        return set.tables();
    }

    @Override
    public Optional<TableMetadata> columnsOf(String table) {
        TableMetadata loaded = columns.get(key(table));
        if (loaded != null) {
            return Optional.of(loaded);
        }
        TableSet set = tables;
        if (set == null) {
            loadTables();
            return Optional.empty();
        }
        Optional<TableMetadata> known = set.table(unquote(table));
        if (known.isEmpty()) {
            return Optional.empty();
        }
        if (known.get().hasColumns()) {
            columns.put(key(table), known.get());
            return known;
        }
        loadColumns(known.get().name());
        return Optional.empty();
    }

    /** Starts loading the columns of {@code table} unless they are loaded, loading or failed. */
    public void loadColumns(String table) {
        String key = key(table);
        if (columns.containsKey(key) || failures.containsKey(key) || !loading.add(key)) {
            return;
        }
        schedule("Reading the columns of " + table, monitor -> {
            try {
                columns.put(key, metadata(monitor).table(table, monitor));
            } catch (AstrolabeException e) {
                failures.put(key, e.getMessage());
            } finally {
                loading.remove(key);
            }
        });
    }

    /** @return the columns of {@code table} if loaded */
    public Optional<TableMetadata> loadedColumns(String table) {
        return Optional.ofNullable(columns.get(key(table)));
    }

    /** @return whether the columns of {@code table} are being loaded */
    public boolean isLoading(String table) {
        return loading.contains(key(table));
    }

    private interface Load {
        void run(IProgressMonitor monitor) throws OperationCanceledException;
    }

    private void schedule(String name, Load load) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    load.run(monitor);
                } catch (OperationCanceledException e) {
                    listing = false;
                    return Status.CANCEL_STATUS;
                } catch (IllegalArgumentException badUrl) {
                    failure = badUrl.getMessage();
                    return Status.OK_STATUS;
                } catch (RuntimeException e) {
                    failure = failure == null ? e.toString() : failure;
                    return new Status(IStatus.ERROR, AstrolabeUi.PLUGIN_ID, name + " failed", e);
                } finally {
                    listeners.forEach(l -> l.changed(ServiceMetadata.this));
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JobFamilies.METADATA;
            }
        };
        job.setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        job.setPriority(Job.SHORT);
        job.schedule();
    }

    private TapMetadata metadata(IProgressMonitor monitor) throws AstrolabeException {
        ServiceClients clients = services.await(ServiceAccess.SERVICE_WAIT, monitor)
                .orElseThrow(() -> new IllegalStateException("The TAP client service did not start"));
        return clients.client(service, settings.get()).metadata();
    }

    private static String key(String table) {
        return unquote(table).toLowerCase(Locale.ROOT);
    }

    private static String unquote(String table) {
        return table.replace("\"", "").strip();
    }
}
