package org.astrolabe.ui.internal.help;

import org.astrolabe.ui.DataViews;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help > Astrolabe Getting Started: shows the Getting Started view. */
public final class ShowGettingStartedHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        try {
            HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().showView(
                    DataViews.GETTING_STARTED_VIEW_ID);
        } catch (PartInitException e) {
            throw new ExecutionException("The Getting Started view could not open", e);
        }
        return null;
    }
}
