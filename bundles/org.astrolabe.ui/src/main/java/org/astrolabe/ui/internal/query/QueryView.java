package org.astrolabe.ui.internal.query;

import org.astrolabe.ui.internal.TapClientFactoryTracker;
import org.astrolabe.ui.internal.jobs.QueryRequest;
import org.astrolabe.ui.internal.jobs.TapQueryJob;
import org.astrolabe.ui.internal.results.ResultsViewDelivery;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.VerifyEvent;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * The TAP Query view: the user names a TAP service, writes ADQL and a row limit, and runs the
 * query as a {@link TapQueryJob}; the Results view shows what comes back. The form's values are
 * kept in the view's saved state across restarts. UI thread only.
 */
public final class QueryView extends ViewPart {

    private static final String STATE_URL = "serviceUrl";
    private static final String STATE_ADQL = "adql";
    private static final String STATE_MAXREC = "maxrec";

    private IMemento savedState;
    private Display display;
    private QueryForm form;
    private TapClientFactoryTracker services;
    private TapQueryJob running;

    @Override
    public void init(IViewSite site, IMemento memento) throws PartInitException {
        super.init(site, memento);
        this.savedState = memento;
    }

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        services = TapClientFactoryTracker.forUiBundle();
        form = new QueryForm(parent);
        restore();
        form.run.addListener(SWT.Selection, e -> run());
        form.cancel.addListener(SWT.Selection, e -> cancel());
        form.url.addListener(SWT.DefaultSelection, e -> run());
        form.adql.addVerifyKeyListener(this::runOnCtrlEnter);
    }

    private void restore() {
        String url = savedState == null ? null : savedState.getString(STATE_URL);
        form.url.setText(QueryDefaults.serviceUrl(url, System.getProperties()).orElse(""));
        String adql = savedState == null ? null : savedState.getString(STATE_ADQL);
        form.adql.setText(adql == null || adql.isBlank() ? QueryDefaults.ADQL : adql);
        Integer maxrec = savedState == null ? null : savedState.getInteger(STATE_MAXREC);
        form.maxrec.setSelection(maxrec == null ? QueryDefaults.MAXREC : maxrec);
    }

    @Override
    public void saveState(IMemento memento) {
        super.saveState(memento);
        if (form != null && !form.url.isDisposed()) {
            memento.putString(STATE_URL, form.url.getText());
            memento.putString(STATE_ADQL, form.adql.getText());
            memento.putInteger(STATE_MAXREC, form.maxrec.getSelection());
        }
    }

    private void runOnCtrlEnter(VerifyEvent event) {
        if ((event.stateMask & SWT.MOD1) != 0 && (event.keyCode == SWT.CR || event.keyCode == SWT.KEYPAD_CR)) {
            event.doit = false;
            run();
        }
    }

    /** Starts the query in the form, unless one is running or the form is incomplete. */
    private void run() {
        if (running != null) {
            return;
        }
        QueryRequest request;
        try {
            request = QueryRequest.fromForm(form.url.getText(), form.adql.getText(), form.maxrec.getSelection());
        } catch (IllegalArgumentException e) {
            form.showProblem(e.getMessage());
            return;
        }
        form.showProblem("");
        TapQueryJob job = new TapQueryJob(request, services, new ResultsViewDelivery(getSite().getPage()));
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                if (!display.isDisposed()) {
                    display.asyncExec(() -> finished(job));
                }
            }
        });
        running = job;
        form.setRunning(true);
        IWorkbenchSiteProgressService progress = getSite().getAdapter(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.schedule(job);
        } else {
            job.schedule();
        }
    }

    private void finished(TapQueryJob job) {
        if (running == job) {
            running = null;
        }
        if (!form.run.isDisposed()) {
            form.setRunning(running != null);
        }
    }

    private void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    @Override
    public void setFocus() {
        if (form.url.getText().isBlank()) {
            form.url.setFocus();
        } else {
            form.adql.setFocus();
        }
    }

    @Override
    public void dispose() {
        if (services != null) {
            services.close();
        }
        super.dispose();
    }
}
