package org.astrolabe.ui.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.astrolabe.tap.TapClientFactory;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Follows the {@link TapClientFactory} OSGi service for a workbench part, which Eclipse creates
 * from plugin.xml and so cannot have it injected. Open it when the part is created and close it
 * when the part is disposed. Thread-safe: jobs call {@link #await} off the UI thread.
 */
public final class TapClientFactoryTracker implements AutoCloseable {

    private static final long POLL_MILLIS = 100;

    private final ServiceTracker<TapClientFactory, TapClientFactory> tracker;

    /** @param context the bundle context of the bundle that consumes the service */
    public TapClientFactoryTracker(BundleContext context) {
        this.tracker = new ServiceTracker<>(Objects.requireNonNull(context, "context"), TapClientFactory.class, null);
        tracker.open();
    }

    /**
     * @return a tracker in the UI bundle's context
     * @throws IllegalStateException if the UI bundle is not active
     */
    public static TapClientFactoryTracker forUiBundle() {
        BundleContext context = FrameworkUtil.getBundle(TapClientFactoryTracker.class).getBundleContext();
        if (context == null) {
            throw new IllegalStateException("The bundle org.astrolabe.ui is not active");
        }
        return new TapClientFactoryTracker(context);
    }

    /**
     * Waits for the service, which Declarative Services may still be starting when the workbench
     * opens.
     *
     * @param timeout how long to wait at most
     * @param monitor checked for cancellation while waiting, may be {@code null}
     * @return the service, or empty if it did not appear in time or the tracker is closed
     * @throws OperationCanceledException when the monitor is cancelled
     */
    public Optional<TapClientFactory> await(Duration timeout, IProgressMonitor monitor) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                TapClientFactory factory = tracker.waitForService(POLL_MILLIS);
                if (factory != null) {
                    return Optional.of(factory);
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
