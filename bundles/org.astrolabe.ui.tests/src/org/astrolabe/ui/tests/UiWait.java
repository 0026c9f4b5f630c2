package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;

/** Waits on the UI thread for a condition while keeping the event loop running. */
final class UiWait {

    private UiWait() {
    }

    /** Processes pending UI events, so that asyncExec'd work and layouts and paints happen. */
    static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // keep going until the queue is empty
        }
    }

    /** Spins the event loop for {@code duration}. */
    static void spin(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            processEvents();
            sleep();
        }
    }

    /**
     * Spins the event loop until {@code condition} holds.
     *
     * @param what what is awaited, for the failure message
     * @param diagnosis what the UI shows instead, for the failure message
     */
    static void until(BooleanSupplier condition, Duration timeout, String what, Supplier<String> diagnosis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Gave up after " + timeout.toSeconds() + " s waiting for " + what + "; the UI shows: "
                        + diagnosis.get());
            }
            processEvents();
            sleep();
        }
        processEvents();
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the UI", e);
        }
    }
}
