package org.astrolabe.ui.internal.datalink;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.ui.AstrolabeUi;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.progress.IProgressConstants;

/**
 * A network operation of the DataLink view run as an Eclipse Job (shown in the Progress view,
 * cancellable there and from the view): the work runs off the UI thread; its result, failure
 * message or cancellation is handed to the view on the UI thread. Failures the user can act on
 * are shown in the view and recorded in the Progress view without a dialog or stack trace.
 *
 * @param <T> what the work produces
 */
final class ViewJob<T> extends Job {

    /** The work: synchronous, cancellable through its monitor. */
    @FunctionalInterface
    interface Work<T> {
        T run(IProgressMonitor monitor) throws AstrolabeException;
    }

    /** What the view does with the outcome, on the UI thread. */
    interface Outcome<T> {
        void succeeded(T result);

        void failed(String message);

        void cancelled();
    }

    private final Object family;
    private final Display display;
    private final Work<T> work;
    private final Outcome<T> outcome;
    private final AtomicBoolean delivered = new AtomicBoolean();

    ViewJob(String name, Object family, Display display, Work<T> work, Outcome<T> outcome) {
        super(name);
        this.family = family;
        this.display = Objects.requireNonNull(display, "display");
        this.work = work;
        this.outcome = outcome;
        setPriority(LONG);
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
        // A job cancelled before it ran never reaches run(): the view must still hear of it.
        addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (!delivered.get()) {
                    deliver(outcome::cancelled);
                }
            }
        });
    }

    static <T> Outcome<T> outcome(Consumer<T> succeeded, Consumer<String> failed, Runnable cancelled) {
        return new Outcome<>() {
            @Override
            public void succeeded(T result) {
                succeeded.accept(result);
            }

            @Override
            public void failed(String message) {
                failed.accept(message);
            }

            @Override
            public void cancelled() {
                cancelled.run();
            }
        };
    }

    @Override
    public boolean belongsTo(Object f) {
        return f == family;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            T result = work.run(monitor);
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            deliver(() -> outcome.succeeded(result));
            return Status.OK_STATUS;
        } catch (OperationCanceledException e) {
            deliver(outcome::cancelled);
            return Status.CANCEL_STATUS;
        } catch (AstrolabeException e) {
            String message = describe(e);
            deliver(() -> outcome.failed(message));
            return new Status(IStatus.ERROR, AstrolabeUi.PLUGIN_ID, message);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            String message = e.getMessage();
            deliver(() -> outcome.failed(message));
            return new Status(IStatus.ERROR, AstrolabeUi.PLUGIN_ID, message);
        }
    }

    /** @return the failure's own sentence, with what to do for a login problem */
    static String describe(AstrolabeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof AuthenticationException a) {
            return message + (a.isDenied() ? " (access denied for this login)" : " (log in to the archive first)");
        }
        return message;
    }

    private void deliver(Runnable r) {
        delivered.set(true);
        if (!display.isDisposed()) {
            display.asyncExec(r);
        }
    }
}
