package org.astrolabe.cli.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Turns a shutdown of the JVM (Ctrl-C, SIGTERM) into the cancellation of a monitor, and holds the
 * shutdown for a bounded grace period so that the cancelled operation can clean up: a job waited
 * for is aborted, a download's temporary files are deleted. Use in try-with-resources around one
 * blocking call; not reusable.
 */
final class CancelOnExit implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final boolean hooked;

    /**
     * @param monitor the monitor the blocking call watches; cancelled on shutdown
     * @param graceSeconds how long the shutdown waits for the call to return
     */
    CancelOnExit(IProgressMonitor monitor, long graceSeconds) {
        this.hook = new Thread(() -> {
            monitor.setCanceled(true);
            try {
                finished.await(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "astrolabe-cancel-on-exit");
        this.hooked = addHook(hook);
    }

    private static boolean addHook(Thread hook) {
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return true;
        } catch (IllegalStateException | SecurityException e) {
            return false;
        }
    }

    /** The call has returned: release a waiting shutdown, or unregister the hook. */
    @Override
    public void close() {
        finished.countDown();
        if (hooked) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it ends as soon as it sees the latch
            }
        }
    }
}
