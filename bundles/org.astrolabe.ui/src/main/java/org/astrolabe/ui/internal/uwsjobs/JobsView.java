package org.astrolabe.ui.internal.uwsjobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobInfo;
import org.astrolabe.tap.uws.RememberedJob;
import org.astrolabe.tap.uws.UwsJobManager;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.internal.jobs.QueryOutcome;
import org.astrolabe.ui.internal.jobs.QueryRequest;
import org.astrolabe.ui.internal.prefs.UiPreferences;
import org.astrolabe.ui.internal.results.ResultsViewDelivery;
import org.astrolabe.ui.internal.services.ServiceAccess;
import org.astrolabe.ui.internal.services.ServiceClients;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * The Jobs view: the async jobs the user created on every service (the UWS job manager remembers
 * them across restarts), newest first, with phase, service, creation time, duration and query.
 * Refreshed in the background, every few seconds while a job is active; Run, Abort, Delete and
 * Fetch results act on the selected jobs; a combo keeps one phase. UI thread only.
 */
public final class JobsView extends ViewPart {

    /** Button names, stored under {@link AstrolabeUi#WIDGET_KEY}. */
    public static final String RUN_BUTTON = "jobsRun";
    /** Aborts the selected jobs. */
    public static final String ABORT_BUTTON = "jobsAbort";
    /** Deletes the selected jobs. */
    public static final String DELETE_BUTTON = "jobsDelete";
    /** Fetches the selected job's result into the Results view. */
    public static final String FETCH_BUTTON = "jobsFetch";
    /** Reads every job again. */
    public static final String REFRESH_BUTTON = "jobsRefresh";
    /** The line saying what went wrong, or how many jobs there are. */
    public static final String MESSAGE_LABEL = "jobsMessage";

    private static final String ALL_PHASES = "All phases";

    private ServiceAccess<ServiceClients> services;
    private UiPreferences preferences;
    private Display display;
    private TableViewer viewer;
    private Combo phase;
    private CLabel message;
    private Button run;
    private Button abort;
    private Button delete;
    private Button fetch;
    private List<JobRow> rows = List.of();
    private boolean refreshing;
    private boolean refreshAgain;
    private String lastProblem = "";

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        services = ServiceAccess.forUiBundle(ServiceClients.class);
        preferences = UiPreferences.workbench();
        GridLayout layout = new GridLayout(8, false);
        layout.marginWidth = 6;
        layout.marginHeight = 6;
        parent.setLayout(layout);

        new Label(parent, SWT.NONE).setText("Phase:");
        phase = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        phase.add(ALL_PHASES);
        for (ExecutionPhase p : ExecutionPhase.values()) {
            phase.add(p.name());
        }
        phase.select(0);
        phase.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.JOBS_PHASE_WIDGET);
        phase.addListener(SWT.Selection, e -> {
            viewer.refresh();
            updateButtons();
        });
        message = new CLabel(parent, SWT.NONE);
        message.setData(AstrolabeUi.WIDGET_KEY, MESSAGE_LABEL);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        run = button(parent, "&Run", "Start the selected PENDING jobs", RUN_BUTTON);
        abort = button(parent, "&Abort", "Abort the selected queued or executing jobs", ABORT_BUTTON);
        delete = button(parent, "&Delete", "Delete the selected jobs on their service and forget them", DELETE_BUTTON);
        fetch = button(parent, "&Fetch results", "Show the selected completed job's result in the Results view",
                FETCH_BUTTON);
        Button refresh = button(parent, "Re&fresh", "Read every job's phase again", REFRESH_BUTTON);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.JOBS_TABLE_WIDGET);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 8, 1));
        for (int i = 0; i < JobsLabelProvider.HEADERS.length; i++) {
            TableColumn column = new TableColumn(table, i == 4 ? SWT.RIGHT : SWT.LEFT);
            column.setText(JobsLabelProvider.HEADERS[i]);
            column.setWidth(JobsLabelProvider.WIDTHS[i]);
        }
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setLabelProvider(new JobsLabelProvider());
        viewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                String wanted = phase.getText();
                return ALL_PHASES.equals(wanted) || ((JobRow) element).phase().name().equals(wanted);
            }
        });
        viewer.addSelectionChangedListener(e -> updateButtons());
        viewer.addDoubleClickListener(e -> fetchSelected());
        getSite().setSelectionProvider(viewer);

        run.addListener(SWT.Selection, e -> act("Starting", ExecutionPhase.PENDING::equals,
                (m, r, mon) -> m.run(r.job().job(), mon)));
        abort.addListener(SWT.Selection, e -> act("Aborting", ExecutionPhase::isRunning,
                (m, r, mon) -> m.abort(r.job().job(), mon)));
        delete.addListener(SWT.Selection, e -> act("Deleting", p -> true, (m, r, mon) -> m.delete(r.job().job(), mon)));
        fetch.addListener(SWT.Selection, e -> fetchSelected());
        refresh.addListener(SWT.Selection, e -> refresh());
        IWorkbenchSiteProgressService progress = getSite().getAdapter(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.showBusyForFamily(JobFamilies.UWS_JOBS);
        }
        viewer.setInput(rows);
        updateButtons();
        refresh();
    }

    private static Button button(Composite parent, String text, String tooltip, String name) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tooltip);
        button.setData(AstrolabeUi.WIDGET_KEY, name);
        GridData data = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        data.widthHint = Math.max(button.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, 80);
        button.setLayoutData(data);
        return button;
    }

    /** @return the rows shown before the phase filter, newest first */
    public List<Object> rows() {
        return List.copyOf(rows);
    }

    /** @return the table viewer, for tests */
    public TableViewer viewer() {
        return viewer;
    }

    /** Reads the remembered jobs and each one's state again, in the background. */
    public void refresh() {
        refresh(true);
    }

    /** Reads the jobs that are active or new (an async query just changed phase), in the background. */
    public void refreshActive() {
        refresh(false);
    }

    /**
     * @param all read every job; otherwise only those that were active or not read yet (the
     *        periodic refresh, which must not send a request per finished job every few seconds)
     */
    private void refresh(boolean all) {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        java.util.Map<java.net.URI, JobRow> known = new java.util.HashMap<>();
        if (!all) {
            rows.stream().filter(r -> !r.phase().isActive() && r.info().isPresent())
                    .forEach(r -> known.put(r.job().job(), r));
        }
        List<JobRow> read = new ArrayList<>();
        new UwsJobsJob("Reading your async jobs", services, preferences.transportSettings(), (manager, monitor) -> {
            List<RememberedJob> remembered = manager.remembered(null);
            SubMonitor sub = SubMonitor.convert(monitor, remembered.size());
            for (RememberedJob job : remembered) {
                JobRow old = known.get(job.job());
                read.add(old != null ? old : readJob(manager, job, sub));
            }
        }, problem -> display.asyncExec(() -> refreshed(read, problem))).schedule();
    }

    private static JobRow readJob(UwsJobManager manager, RememberedJob job, SubMonitor sub) {
        try {
            return new JobRow(job, Optional.of(manager.get(job.job(), sub.split(1))), "");
        } catch (NotFoundException gone) {
            return new JobRow(job, Optional.empty(), "gone from the service");
        } catch (org.astrolabe.core.AstrolabeException e) {
            return new JobRow(job, Optional.empty(), "unreadable: " + e.getMessage());
        }
    }

    private void refreshed(List<JobRow> read, String problem) {
        refreshing = false;
        if (viewer.getControl().isDisposed()) {
            return;
        }
        rows = read.stream().sorted(Comparator.comparing(JobRow::created).reversed()).toList();
        IStructuredSelection selected = viewer.getStructuredSelection();
        List<String> ids = selected.toList().stream().map(o -> ((JobRow) o).job().job().toString()).toList();
        viewer.setInput(rows);
        viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(
                rows.stream().filter(r -> ids.contains(r.job().job().toString())).toList()));
        long active = rows.stream().filter(r -> r.phase().isActive()).count();
        showMessage(problem.isEmpty() ? (lastProblem.isEmpty() ? rows.size() + (rows.size() == 1 ? " job, " : " jobs, ") + active + " active"
                : lastProblem) : problem);
        lastProblem = "";
        updateButtons();
        if (refreshAgain) {
            refreshAgain = false;
            refresh();
        } else if (active > 0) {
            display.timerExec((int) preferences.jobsRefresh().toMillis(), () -> {
                if (!viewer.getControl().isDisposed()) {
                    refresh(false);
                }
            });
        }
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setToolTipText(text);
        message.setImage(text.contains(":") ? PlatformUI.getWorkbench().getSharedImages()
                .getImage(ISharedImages.IMG_OBJS_WARN_TSK) : null);
    }

    private interface RowOperation {
        void run(UwsJobManager manager, JobRow row, SubMonitor monitor) throws org.astrolabe.core.AstrolabeException;
    }

    private List<JobRow> selectedRows() {
        return viewer.getStructuredSelection().toList().stream().map(JobRow.class::cast).toList();
    }

    private void act(String verb, java.util.function.Predicate<ExecutionPhase> applies, RowOperation operation) {
        List<JobRow> targets = selectedRows().stream().filter(r -> applies.test(r.phase())).toList();
        if (targets.isEmpty()) {
            return;
        }
        String name = verb + " " + (targets.size() == 1 ? "job " + targets.get(0).job().id()
                : targets.size() + " jobs");
        new UwsJobsJob(name, services, preferences.transportSettings(), (manager, monitor) -> {
            SubMonitor sub = SubMonitor.convert(monitor, targets.size());
            for (JobRow row : targets) {
                operation.run(manager, row, sub.split(1));
            }
        }, problem -> display.asyncExec(() -> {
            lastProblem = problem;
            if (!viewer.getControl().isDisposed()) {
                refresh();
            }
        })).schedule();
    }

    /** Fetches the selected completed job's result into the Results view, in the background. */
    public void fetchSelected() {
        Optional<JobRow> row = selectedRows().stream().filter(r -> r.phase() == ExecutionPhase.COMPLETED).findFirst();
        if (row.isEmpty() || row.get().info().isEmpty()) {
            return;
        }
        JobInfo info = row.get().info().get();
        RememberedJob job = row.get().job();
        QueryRequest request = new QueryRequest(job.service(),
                TapQuery.of(job.query().isBlank() ? "(job " + job.id() + ")" : job.query()));
        ResultsViewDelivery delivery = new ResultsViewDelivery(getSite().getPage());
        new UwsJobsJob("Fetching the result of job " + job.id(), services, preferences.transportSettings(),
                (manager, monitor) -> {
                    long start = System.nanoTime();
                    delivery.started(request);
                    try {
                        ResultTable table = manager.result(info, monitor);
                        delivery.finished(new QueryOutcome.Succeeded(request, table,
                                Duration.ofNanos(System.nanoTime() - start)));
                    } catch (org.astrolabe.core.AstrolabeException e) {
                        delivery.finished(org.astrolabe.ui.internal.jobs.FailureDescriptions.describe(request, e));
                        throw e;
                    } catch (org.eclipse.core.runtime.OperationCanceledException e) {
                        delivery.finished(new QueryOutcome.Cancelled(request));
                        throw e;
                    }
                }, problem -> display.asyncExec(() -> {
                    if (!problem.isEmpty() && !message.isDisposed()) {
                        showMessage(problem);
                    }
                })).schedule();
    }

    private void updateButtons() {
        List<JobRow> selected = selectedRows();
        run.setEnabled(selected.stream().anyMatch(r -> r.phase() == ExecutionPhase.PENDING));
        abort.setEnabled(selected.stream().anyMatch(r -> r.phase().isRunning()));
        delete.setEnabled(!selected.isEmpty());
        fetch.setEnabled(selected.stream().anyMatch(r -> r.phase() == ExecutionPhase.COMPLETED));
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (services != null) {
            services.close();
        }
        super.dispose();
    }
}
