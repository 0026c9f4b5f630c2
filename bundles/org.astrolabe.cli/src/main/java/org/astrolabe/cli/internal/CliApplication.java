package org.astrolabe.cli.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The headless {@code astrolabe} application ({@code org.astrolabe.cli.app}): hands the command
 * line to the {@link CommandLineRunner} service and returns its exit code.
 */
public final class CliApplication implements IApplication {

    private static final long SERVICE_WAIT_SECONDS = 30;
    /** Held so the level setting is not lost when the logger would otherwise be collected. */
    private static final Logger STIL_LOG = Logger.getLogger("uk.ac.starlink");

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS,
                new String[0]);
        context.applicationRunning();
        // STIL reports storage decisions at INFO on stderr; a command's stderr is for warnings and errors.
        STIL_LOG.setLevel(Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose")
                ? Level.INFO : Level.WARNING);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        BundleContext bundles = FrameworkUtil.getBundle(CliApplication.class).getBundleContext();
        ServiceTracker<CommandLineRunner, CommandLineRunner> tracker = new ServiceTracker<>(bundles,
                CommandLineRunner.class, null);
        tracker.open();
        try {
            CommandLineRunner runner = tracker.waitForService(TimeUnit.SECONDS.toMillis(SERVICE_WAIT_SECONDS));
            if (runner == null) {
                err.println("astrolabe: internal error: the Astrolabe services did not start within "
                        + SERVICE_WAIT_SECONDS + " s (is the installation complete?)");
                return ExitCode.FAILURE;
            }
            int code = runner.run(args, out, err);
            out.flush();
            return code;
        } finally {
            tracker.close();
        }
    }

    @Override
    public void stop() {
        // commands are short-lived; nothing to interrupt
    }
}
