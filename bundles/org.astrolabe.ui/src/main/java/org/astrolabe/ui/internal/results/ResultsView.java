package org.astrolabe.ui.internal.results;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.TableFormat;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.ResultRowsSelection;
import org.astrolabe.ui.internal.jobs.QueryOutcome;
import org.astrolabe.ui.internal.jobs.QueryRequest;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * The Results view: the status of the last TAP query above a virtual table of its rows, and a
 * line with the row count, sort order and selection below it. Click a header to sort (in a
 * background job), Save As writes every supported format (in a job), and the selected rows are
 * published as a {@link ResultRowsSelection}. A failed query shows its headline and the service's
 * message here, not in a dialog. UI thread only.
 */
public final class ResultsView extends ViewPart {

    private ResultBanner banner;
    private ResultGrid grid;
    private Label rowCount;
    private final ResultSelectionProvider selection = new ResultSelectionProvider();
    private Optional<URI> service = Optional.empty();
    private Job sorting;
    private Action saveAs;
    private String lastSaveMessage = "";

    @Override
    public void createPartControl(Composite parent) {
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 6;
        layout.marginHeight = 6;
        layout.verticalSpacing = 6;
        parent.setLayout(layout);
        banner = new ResultBanner(parent);
        banner.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        grid = new ResultGrid(parent, this::sortBy, this::selectionChanged);
        grid.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        rowCount = new Label(parent, SWT.NONE);
        rowCount.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.ROW_COUNT_WIDGET);
        rowCount.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        getSite().setSelectionProvider(selection);
        IWorkbenchSiteProgressService progress = getSite().getAdapter(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.showBusyForFamily(JobFamilies.TAP_QUERY);
            progress.showBusyForFamily(JobFamilies.RESULTS);
        }
        saveAs = new Action("Save As…") {
            @Override
            public void run() {
                askAndSave();
            }
        };
        saveAs.setToolTipText("Save the result as VOTable, CSV, TSV, FITS, IPAC, ECSV, JSON or text");
        saveAs.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(ISharedImages.IMG_ETOOL_SAVEAS_EDIT));
        saveAs.setActionDefinitionId(AstrolabeUi.SAVE_RESULT_COMMAND);
        saveAs.setEnabled(false);
        // Edit > Select All (Ctrl+A) selects every row of the result, not only those on screen.
        IHandlerService handlers = getSite().getService(IHandlerService.class);
        if (handlers != null) {
            handlers.activateHandler(IWorkbenchCommandConstants.EDIT_SELECT_ALL, new AbstractHandler() {
                @Override
                public Object execute(ExecutionEvent event) {
                    grid.selectAll();
                    return null;
                }
            });
        }
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(saveAs);
        updateRowCount();
    }

    /** Clears the previous result and says that {@code request} is running. */
    public void showRunning(QueryRequest request) {
        cancelSort();
        grid.clear();
        service = Optional.of(request.service());
        showTable(true);
        banner.showStatus(ResultSummary.running(request));
        selectionChanged(null);
    }

    /** Shows a line of progress of a running query, e.g. an async job's phase. */
    public void showProgress(String text) {
        banner.showStatus(text);
    }

    /** Shows how a query ended: its rows, or why there are none. */
    public void show(QueryOutcome outcome) {
        cancelSort();
        service = Optional.of(outcome.request().service());
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
        selectionChanged(null);
    }

    /** @return the result shown, if any */
    public Optional<ResultTable> result() {
        return Optional.ofNullable(grid.result());
    }

    /** @return how many rows the result shown has */
    public int rowCount() {
        return grid.rowCount();
    }

    /**
     * Scrolls to a row and reads what its cell shows on screen.
     *
     * @param viewRow the row's position in the current order, from 0
     * @param column the table column: 0 for the row number, then the result's columns from 1
     * @return the text of the cell
     */
    public String shownText(int viewRow, int column) {
        return grid.table().getItem(grid.reveal(viewRow)).getText(column);
    }

    /** @param top the position to show as the first visible row */
    public void scrollTo(int top) {
        grid.scrollTo(top);
    }

    /** @return the position of the first visible row */
    public int topRow() {
        return grid.topRow();
    }

    /** @param viewRows positions to select, as clicks would, published to the selection service */
    public void select(int... viewRows) {
        grid.select(viewRows);
    }

    /** @return the rows selected now, as published to the selection service */
    public ResultRowsSelection selection() {
        return selection.getSelection();
    }

    /**
     * Sorts the rows by a column in a background job; a second request for the same column
     * reverses the order.
     *
     * @param column result column index from 0
     */
    public void sortBy(int column) {
        ResultTable result = grid.result();
        if (result == null) {
            return;
        }
        RowOrder current = grid.order();
        boolean ascending = !(current.isSorted() && current.column() == column && current.ascending());
        cancelSort();
        Display display = grid.control().getDisplay();
        Job job = new Job("Sorting the result by " + result.columns().get(column).name()) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    RowOrder order = RowOrder.sort(result, column, ascending, monitor);
                    display.asyncExec(() -> {
                        if (!grid.control().isDisposed() && grid.result() == result) {
                            grid.setOrder(order);
                            updateRowCount();
                        }
                    });
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (IOException e) {
                    return new Status(IStatus.ERROR, AstrolabeUi.PLUGIN_ID, "Could not sort: " + e.getMessage());
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == JobFamilies.RESULTS;
            }
        };
        sorting = job;
        job.schedule();
    }

    private void cancelSort() {
        if (sorting != null) {
            sorting.cancel();
            sorting = null;
        }
    }

    private void askAndSave() {
        ResultTable result = grid.result();
        if (result == null) {
            return;
        }
        TableFormat[] formats = TableFormat.values();
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText("Save the result");
        dialog.setOverwrite(true);
        dialog.setFilterNames(Arrays.stream(formats)
                .map(f -> f.id().toUpperCase(Locale.ROOT) + " (*." + f.extension() + ")").toArray(String[]::new));
        dialog.setFilterExtensions(Arrays.stream(formats).map(f -> "*." + f.extension()).toArray(String[]::new));
        dialog.setFilterIndex(Arrays.asList(formats).indexOf(TableFormat.VOTABLE));
        dialog.setFileName("result." + TableFormat.VOTABLE.extension());
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        int index = dialog.getFilterIndex();
        TableFormat format = index >= 0 && index < formats.length ? formats[index] : formatOf(chosen);
        saveAs(Path.of(chosen), format);
    }

    /** @return the format whose extension the file name has, VOTable otherwise */
    static TableFormat formatOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(TableFormat.values()).filter(f -> lower.endsWith("." + f.extension())).findFirst()
                .orElse(TableFormat.VOTABLE);
    }

    /**
     * Saves the result shown in a background job (family {@link JobFamilies#RESULTS}).
     *
     * @param file where to write
     * @param format how
     * @return the job, scheduled; empty when there is no result
     */
    public Optional<Job> saveAs(Path file, TableFormat format) {
        ResultTable result = grid.result();
        if (result == null) {
            return Optional.empty();
        }
        Display display = grid.control().getDisplay();
        SaveResultJob job = new SaveResultJob(result, format, file, message -> display.asyncExec(() -> {
            lastSaveMessage = message;
            if (!rowCount.isDisposed()) {
                updateRowCount();
            }
        }));
        job.schedule();
        return Optional.of(job);
    }

    private void selectionChanged(Event event) {
        selection.update(grid, service);
        updateRowCount();
    }

    private void updateRowCount() {
        ResultTable result = grid.result();
        saveAs.setEnabled(result != null);
        if (result == null) {
            rowCount.setText(lastSaveMessage);
            return;
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d rows", result.rowCount()));
        if (result.isTruncated()) {
            text.append(" (truncated: OVERFLOW)");
        }
        RowOrder order = grid.order();
        if (order.isSorted()) {
            text.append(" · sorted by ").append(result.columns().get(order.column()).name())
                    .append(order.ascending() ? " ascending" : " descending");
        } else {
            text.append(" · click a header to sort");
        }
        long selected = selection.getSelection().selectedCount();
        if (selected > 0) {
            text.append(String.format(Locale.ROOT, " · %,d selected", selected));
        }
        if (!lastSaveMessage.isEmpty()) {
            text.append(" · ").append(lastSaveMessage);
        }
        rowCount.setText(text.toString());
        rowCount.setToolTipText(text.toString());
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

    @Override
    public void dispose() {
        cancelSort();
        super.dispose();
    }
}
