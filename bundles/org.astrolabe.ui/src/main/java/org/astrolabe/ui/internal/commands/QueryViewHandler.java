package org.astrolabe.ui.internal.commands;

import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.internal.jobs.QueryMode;
import org.astrolabe.ui.internal.query.QueryView;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Handlers of the query commands (Run, Run async, Cancel), acting on the TAP Query view of the
 * active window. Bound to Ctrl+Enter, Ctrl+Shift+Enter and Ctrl+. in the query context.
 */
public abstract class QueryViewHandler extends AbstractHandler {

    @Override
    public final Object execute(ExecutionEvent event) {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindow(event);
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        if (page != null && page.findView(AstrolabeUi.QUERY_VIEW_ID) instanceof QueryView view) {
            act(view);
        } else {
            Job.getJobManager().cancel(JobFamilies.TAP_QUERY);
        }
        return null;
    }

    /** @param view the Query view to act on */
    protected abstract void act(QueryView view);

    /** Runs the query synchronously. */
    public static final class Run extends QueryViewHandler {
        @Override
        protected void act(QueryView view) {
            view.run(QueryMode.SYNC);
        }
    }

    /** Runs the query as an async job. */
    public static final class RunAsync extends QueryViewHandler {
        @Override
        protected void act(QueryView view) {
            view.run(QueryMode.ASYNC);
        }
    }

    /** Cancels the running query. */
    public static final class Cancel extends QueryViewHandler {
        @Override
        protected void act(QueryView view) {
            view.cancel();
        }
    }
}
