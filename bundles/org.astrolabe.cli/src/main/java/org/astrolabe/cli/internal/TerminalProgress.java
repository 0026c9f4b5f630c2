package org.astrolabe.cli.internal;

import java.io.PrintStream;

import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * A one-line progress bar on a terminal ({@code \r}-redrawn, at most ten times a second). Driven
 * from one thread, as every {@link org.eclipse.core.runtime.IProgressMonitor}.
 */
final class TerminalProgress extends NullProgressMonitor {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private int total;
    private long worked;
    private String task = "";
    private long lastDraw;
    private boolean drawn;

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    /** @return whether {@code err} is the process's stderr and that is a terminal */
    static boolean isTerminal(PrintStream err) {
        if (err != System.err || System.console() == null) {
            return false;
        }
        try {
            // Java 22+ returns a console even when redirected; isTerminal() tells (absent on 21).
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(System.console());
        } catch (ReflectiveOperationException | RuntimeException olderJava) {
            return true;
        }
    }

    @Override
    public void beginTask(String name, int totalWork) {
        total = totalWork;
        task = name == null ? "" : name;
        draw(true);
    }

    @Override
    public void worked(int work) {
        worked += work;
        draw(false);
    }

    @Override
    public void subTask(String name) {
        task = name == null ? "" : name;
        draw(false);
    }

    @Override
    public void done() {
        if (drawn) {
            draw(true);
            err.print("\r\033[K");
            err.flush();
        }
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        int percent = total > 0 ? (int) Math.min(100, worked * 100 / total) : 0;
        int filled = percent * WIDTH / 100;
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + task + "\033[K");
        err.flush();
        drawn = true;
    }
}
