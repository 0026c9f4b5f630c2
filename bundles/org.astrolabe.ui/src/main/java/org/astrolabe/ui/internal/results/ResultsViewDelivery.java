package org.astrolabe.ui.internal.results;

import java.util.function.Consumer;

import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.internal.jobs.QueryListener;
import org.astrolabe.ui.internal.jobs.QueryOutcome;
import org.astrolabe.ui.internal.jobs.QueryRequest;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

/**
 * Hands a query's progress and outcome, reported on a job thread, to the Results view of one
 * workbench page on the UI thread, opening the view if the user closed it. Thread-safe.
 */
public final class ResultsViewDelivery implements QueryListener {

    private final IWorkbenchPage page;
    private final Display display;

    /** @param page the page whose Results view shows the result; call on the UI thread */
    public ResultsViewDelivery(IWorkbenchPage page) {
        this.page = page;
        this.display = page.getWorkbenchWindow().getShell().getDisplay();
    }

    @Override
    public void started(QueryRequest request) {
        deliver(view -> view.showRunning(request));
    }

    @Override
    public void finished(QueryOutcome outcome) {
        deliver(view -> view.show(outcome));
    }

    private void deliver(Consumer<ResultsView> action) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> show(action));
        } catch (SWTException workbenchClosed) {
            // The display went away between the check and the call: nobody is left to tell.
        }
    }

    private void show(Consumer<ResultsView> action) {
        Shell shell = page.getWorkbenchWindow().getShell();
        if (shell == null || shell.isDisposed() || page.getWorkbenchWindow().getActivePage() == null) {
            return;
        }
        try {
            if (page.showView(AstrolabeUi.RESULTS_VIEW_ID, null, IWorkbenchPage.VIEW_VISIBLE)
                    instanceof ResultsView view) {
                action.accept(view);
            }
        } catch (PartInitException e) {
            // The view cannot be created: the workbench has logged why and nothing else can show it.
        }
    }
}
