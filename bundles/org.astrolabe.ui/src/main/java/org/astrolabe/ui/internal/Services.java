package org.astrolabe.ui.internal;

import java.time.Duration;
import java.util.Objects;

import org.astrolabe.core.ServiceFailureException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Follows one OSGi service for a workbench part, which Eclipse creates from plugin.xml and so
 * cannot have it injected. Open it when the part is created, close it when the part is disposed.
 * Thread-safe: jobs call {@link #await} off the UI thread, never the UI thread itself.
 *
 * @param <S> the service type
 */
public final class Services<S> implements AutoCloseable {

    /** How long a job waits for Declarative Services to start a service. */
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final long POLL_MILLIS = 100;

    private final Class<S> type;
    private final ServiceTracker<S, S> tracker;

    private Services(BundleContext context, Class<S> type) {
        this.type = type;
        this.tracker = new ServiceTracker<>(Objects.requireNonNull(context, "context"), type, null);
        tracker.open();
    }

    /**
     * @param type the service interface
     * @return a tracker in the UI bundle's context
     * @throws IllegalStateException if the UI bundle is not active
     */
    public static <S> Services<S> track(Class<S> type) {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        if (context == null) {
            throw new IllegalStateException("The bundle org.astrolabe.ui is not active");
        }
        return new Services<>(context, type);
    }

    /**
     * Waits for the service (at most {@link #WAIT}), checking the monitor for cancellation.
     *
     * @param monitor may be {@code null}
     * @return the service
     * @throws ServiceFailureException naming the service when it did not appear in time
     * @throws OperationCanceledException when the monitor is cancelled
     */
    public S await(IProgressMonitor monitor) throws ServiceFailureException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                S service = tracker.waitForService(POLL_MILLIS);
                if (service != null) {
                    return service;
                }
                if (monitor != null && monitor.isCanceled()) {
                    throw new OperationCanceledException();
                }
                if (System.nanoTime() >= deadline || tracker.getTrackingCount() < 0) {
                    throw new ServiceFailureException("The " + type.getSimpleName()
                            + " service is not available: is the bundle org.astrolabe.datalink installed and started?", null,
                            null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
    }

    /** @return the service if it is registered now; never waits */
    public java.util.Optional<S> now() {
        return java.util.Optional.ofNullable(tracker.getService());
    }

    @Override
    public void close() {
        tracker.close();
    }
}
