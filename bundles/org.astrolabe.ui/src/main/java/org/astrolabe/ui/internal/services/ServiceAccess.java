package org.astrolabe.ui.internal.services;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Follows an OSGi service for a workbench part, which Eclipse creates from plugin.xml and so cannot
 * have it injected. Open it when the part is created, close it when the part is disposed.
 * Thread-safe: jobs call {@link #await} off the UI thread.
 *
 * @param <T> the service type
 */
public final class ServiceAccess<T> implements AutoCloseable {

    /** How long jobs wait for Declarative Services to publish a service. */
    public static final Duration SERVICE_WAIT = Duration.ofSeconds(10);

    private static final long POLL_MILLIS = 100;

    private final ServiceTracker<T, T> tracker;

    /**
     * @param context the bundle context of the consuming bundle
     * @param type the service type
     */
    public ServiceAccess(BundleContext context, Class<T> type) {
        this.tracker = new ServiceTracker<>(Objects.requireNonNull(context, "context"), type, null);
        tracker.open();
    }

    /**
     * @param type the service type
     * @return a tracker in the UI bundle's context
     * @throws IllegalStateException if the UI bundle is not active
     */
    public static <T> ServiceAccess<T> forUiBundle(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(ServiceAccess.class).getBundleContext();
        if (context == null) {
            throw new IllegalStateException("The bundle org.astrolabe.ui is not active");
        }
        return new ServiceAccess<>(context, type);
    }

    /** @return the service if it is registered now; never waits */
    public Optional<T> now() {
        return Optional.ofNullable(tracker.getService());
    }

    /**
     * Waits for the service, which Declarative Services may still be starting.
     *
     * @param timeout how long to wait at most
     * @param monitor checked for cancellation while waiting, may be {@code null}
     * @return the service, or empty if it did not appear in time or the tracker is closed
     * @throws OperationCanceledException when the monitor is cancelled
     */
    public Optional<T> await(Duration timeout, IProgressMonitor monitor) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                T service = tracker.waitForService(POLL_MILLIS);
                if (service != null) {
                    return Optional.of(service);
                }
                if (monitor != null && monitor.isCanceled()) {
                    throw new OperationCanceledException();
                }
                if (System.nanoTime() >= deadline || tracker.getTrackingCount() < 0) {
                    return Optional.empty();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
    }

    /** Stops following the service; later {@link #await} calls return empty. */
    @Override
    public void close() {
        tracker.close();
    }
}
