package org.astrolabe.ui.internal.results;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.astrolabe.core.votable.TableFormat;

import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.internal.jobs.QueryListener;
import org.astrolabe.ui.internal.jobs.QueryOutcome;
import org.astrolabe.ui.internal.jobs.QueryRequest;
import org.astrolabe.ui.internal.uwsjobs.JobsView;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

/**
 * Hands a query's progress and outcome, reported on a job thread, to the Results view of one
 * workbench page on the UI thread, opening the view if the user closed it; an async query's
 * progress also refreshes the Jobs view. Thread-safe.
 */
public final class ResultsViewDelivery implements QueryListener {

    /**
     * Where a successful result is also written, besides being shown.
     *
     * @param file the file
     * @param format its format
     */
    public record Output(Path file, TableFormat format) {
        /** @throws NullPointerException if an argument is null */
        public Output {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(format, "format");
        }
    }

    private final IWorkbenchPage page;
    private final Display display;
    private final Optional<Output> output;

    /** @param page the page whose Results view shows the result; call on the UI thread */
    public ResultsViewDelivery(IWorkbenchPage page) {
        this(page, Optional.empty());
    }

    /**
     * @param page the page whose Results view shows the result; call on the UI thread
     * @param output where to save a successful result as well, if anywhere
     */
    public ResultsViewDelivery(IWorkbenchPage page, Optional<Output> output) {
        this.page = page;
        this.display = page.getWorkbenchWindow().getShell().getDisplay();
        this.output = Objects.requireNonNull(output, "output");
    }

    @Override
    public void started(QueryRequest request) {
        deliver(view -> view.showRunning(request));
    }

    @Override
    public void progressed(QueryRequest request, String text) {
        deliver(view -> view.showProgress(text));
        inUi(() -> {
            if (page.findView(AstrolabeUi.JOBS_VIEW_ID) instanceof JobsView jobs) {
                jobs.refreshActive();
            }
        });
    }

    @Override
    public void finished(QueryOutcome outcome) {
        deliver(view -> {
            view.show(outcome);
            if (outcome instanceof QueryOutcome.Succeeded) {
                output.ifPresent(o -> view.saveAs(o.file(), o.format()));
            }
        });
    }

    private void deliver(Consumer<ResultsView> action) {
        inUi(() -> show(action));
    }

    private void inUi(Runnable action) {
        if (display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                Shell shell = page.getWorkbenchWindow().getShell();
                if (shell != null && !shell.isDisposed() && page.getWorkbenchWindow().getActivePage() != null) {
                    action.run();
                }
            });
        } catch (SWTException workbenchClosed) {
            // The display went away between the check and the call: nobody is left to tell.
        }
    }

    private void show(Consumer<ResultsView> action) {
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
