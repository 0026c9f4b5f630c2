package org.astrolabe.hostcheck;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.vosi.Availability;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.TapQuery;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Runs inside a host runtime into which Astrolabe was installed from the update site by the p2
 * director: checks that Astrolabe's bundles are active, that its DS services are registered, and
 * that they answer against a real TAP service (the URL is the first argument). Exit code 0 when
 * all checks pass, 1 otherwise; one line per check on stdout.
 */
public final class HostCheckApplication implements IApplication {

    private int failures;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        context.applicationRunning();
        if (args.length != 1) {
            System.err.println("usage: -application org.astrolabe.hostcheck.app TAP_URL");
            return 2;
        }
        BundleContext bundles = FrameworkUtil.getBundle(HostCheckApplication.class).getBundleContext();
        for (Bundle b : bundles.getBundles()) {
            if (b.getSymbolicName().startsWith("org.astrolabe.") && !b.getSymbolicName().equals("org.astrolabe.hostcheck")) {
                // Installed by p2 and never started by hand: lazy activation lets DS bring them up.
                check("bundle " + b.getSymbolicName() + " " + b.getVersion() + " is "
                        + (b.getState() == Bundle.ACTIVE ? "active" : b.getState() == Bundle.STARTING ? "ready (lazy)"
                                : "in state " + b.getState()),
                        b.getState() == Bundle.ACTIVE || b.getState() == Bundle.STARTING);
            }
        }
        HttpTransport transport = service(bundles, HttpTransport.class);
        TapClientFactory factory = service(bundles, TapClientFactory.class);
        if (factory != null) {
            TapClient client = factory.create(URI.create(args[0]));
            try {
                Availability a = client.availability(new NullProgressMonitor());
                check("availability of " + client.baseUri() + " answered (available=" + a.available() + ")", true);
                ResultTable t = client.query(TapQuery.of("SELECT TOP 5 table_name FROM TAP_SCHEMA.tables"),
                        new NullProgressMonitor());
                check("TapClient.query returned " + t.rowCount() + " rows", t.rowCount() == 5);
            } catch (Exception e) {
                check("TAP service answered: " + e.getMessage(), false);
            }
        }
        check("HttpTransport user agent " + (transport == null ? "?" : transport.settings().userAgent()),
                transport != null);
        System.out.println(failures == 0 ? "hostcheck: all checks passed" : "hostcheck: " + failures + " checks failed");
        return failures == 0 ? IApplication.EXIT_OK : Integer.valueOf(1);
    }

    private <T> T service(BundleContext bundles, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundles, type, null);
        tracker.open();
        T s = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        check("service " + type.getName() + " registered"
                + (s == null ? "" : " by " + tracker.getServiceReference().getBundle().getSymbolicName()), s != null);
        return s;
    }

    private void check(String what, boolean ok) {
        System.out.println((ok ? "ok   " : "FAIL ") + what);
        if (!ok) {
            failures++;
        }
    }

    @Override
    public void stop() {
        // short-lived
    }
}
