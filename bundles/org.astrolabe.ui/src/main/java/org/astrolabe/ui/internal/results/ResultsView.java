package org.astrolabe.ui.internal.results;

import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.internal.jobs.QueryOutcome;
import org.astrolabe.ui.internal.jobs.QueryRequest;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * The Results view: the status of the last TAP query above a virtual table of its rows. A failed
 * query shows its headline and the service's message here, not in a dialog. UI thread only.
 */
public final class ResultsView extends ViewPart {

    private ResultBanner banner;
    private ResultGrid grid;

    @Override
    public void createPartControl(Composite parent) {
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 6;
        layout.marginHeight = 6;
        layout.verticalSpacing = 6;
        parent.setLayout(layout);
        banner = new ResultBanner(parent);
        banner.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        grid = new ResultGrid(parent);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        IWorkbenchSiteProgressService progress = getSite().getAdapter(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.showBusyForFamily(JobFamilies.TAP_QUERY);
        }
    }

    /** Clears the previous result and says that {@code request} is running. */
    public void showRunning(QueryRequest request) {
        grid.clear();
        showTable(true);
        banner.showStatus(ResultSummary.running(request));
    }

    /** Shows how a query ended: its rows, or why there are none. */
    public void show(QueryOutcome outcome) {
        switch (outcome) {
            case QueryOutcome.Succeeded done -> {
                showTable(true);
                grid.show(done.table());
                String summary = ResultSummary.of(done);
                ResultSummary.truncation(done).ifPresentOrElse(warning -> banner.showTruncated(summary, warning),
                        () -> banner.showStatus(summary));
            }
            case QueryOutcome.Failed failed -> {
                grid.clear();
                showTable(false);
                banner.showFailure("No result from " + failed.request().serviceLabel() + ".", failed.headline(),
                        failed.detail());
            }
            case QueryOutcome.Cancelled cancelled -> {
                grid.clear();
                showTable(true);
                banner.showStatus(ResultSummary.cancelled(cancelled.request()));
            }
        }
    }

    /** An empty table under an error message says nothing: the message gets the space instead. */
    private void showTable(boolean visible) {
        Composite area = grid.control();
        if (area.getVisible() != visible) {
            area.setVisible(visible);
            ((GridData) area.getLayoutData()).exclude = !visible;
            area.getParent().layout(true, true);
        }
    }

    @Override
    public void setFocus() {
        grid.setFocus();
    }
}
