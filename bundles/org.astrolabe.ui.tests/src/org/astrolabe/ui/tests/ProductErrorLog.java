package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;

/**
 * Collects what the workbench logs while a test runs and fails the test when an exception was
 * thrown through Astrolabe's own code (an exception in a label provider or a view is logged as
 * "Unhandled event loop exception" and would otherwise go unnoticed). Failures a user caused, such
 * as a refused query, are logged without an exception and do not count; neither do failures of
 * the platform itself (e.g. an icon it cannot load).
 */
final class ProductErrorLog implements ILogListener {

    private final List<String> problems = new ArrayList<>();

    static ProductErrorLog start() {
        ProductErrorLog log = new ProductErrorLog();
        Platform.addLogListener(log);
        return log;
    }

    @Override
    public synchronized void logging(IStatus status, String plugin) {
        collect(status);
    }

    private void collect(IStatus status) {
        Throwable exception = status.getException();
        if (exception != null && thrownThroughProductCode(exception)) {
            StringWriter trace = new StringWriter();
            exception.printStackTrace(new PrintWriter(trace));
            problems.add(status.getMessage() + "\n" + trace);
        }
        for (IStatus child : status.getChildren()) {
            collect(child);
        }
    }

    /**
     * Looks at the frames above the event loop only: the loop itself runs inside Astrolabe's
     * workbench application and the tests' waits, so everything dispatched has those below it.
     */
    private static boolean thrownThroughProductCode(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String type = frame.getClassName();
                if (type.equals("org.eclipse.swt.widgets.Display") && frame.getMethodName().equals("readAndDispatch")) {
                    break;
                }
                if (type.startsWith("org.astrolabe.") && !type.startsWith("org.astrolabe.ui.tests.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Stops listening; fails if Astrolabe's code threw while the test ran. */
    synchronized void stopAndCheck() {
        Platform.removeLogListener(this);
        if (!problems.isEmpty()) {
            fail("Astrolabe's code threw while the test ran:\n" + String.join("\n", problems));
        }
    }
}
