package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Looks services up the way another plug-in would: through the OSGi service registry. */
public final class Services {

    private Services() {
    }

    /** @return the test bundle's context */
    public static BundleContext context() {
        return FrameworkUtil.getBundle(Services.class).getBundleContext();
    }

    /** @return the service, waiting up to 10 s for DS to register it; fails the test otherwise */
    public static <T> T get(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(10));
        assertNotNull(service, type.getName() + " is not registered");
        return service;
    }

    /** @return the bundle that registered the service */
    public static String provider(Class<?> type) {
        ServiceReference<?> ref = context().getServiceReference(type);
        return ref == null ? null : ref.getBundle().getSymbolicName();
    }
}
