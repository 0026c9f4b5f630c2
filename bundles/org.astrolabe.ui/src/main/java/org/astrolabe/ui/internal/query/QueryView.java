package org.astrolabe.ui.internal.query;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.astrolabe.core.votable.TableFormat;
import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.tap.TapUpload;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.SelectedService;
import org.astrolabe.ui.ServicesViews;
import org.astrolabe.ui.internal.adql.AdqlCompletions;
import org.astrolabe.ui.internal.adql.AdqlTemplates;
import org.astrolabe.ui.internal.adql.CompletionModel;
import org.astrolabe.ui.internal.jobs.QueryMode;
import org.astrolabe.ui.internal.jobs.QueryRequest;
import org.astrolabe.ui.internal.jobs.TapQueryJob;
import org.astrolabe.ui.internal.prefs.UiPreferences;
import org.astrolabe.ui.internal.results.ResultsViewDelivery;
import org.astrolabe.ui.internal.schema.SchemaView;
import org.astrolabe.ui.internal.services.ServiceAccess;
import org.astrolabe.ui.internal.services.ServiceClients;
import org.astrolabe.ui.internal.services.ServiceMetadata;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.VerifyEvent;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * The TAP Query view: the user names a TAP service, writes ADQL with colouring and content assist,
 * and runs it synchronously or as an async job ({@link TapQueryJob}); the Results view shows what
 * comes back. The form's values are kept in the view's saved state across restarts. UI thread only.
 */
public final class QueryView extends ViewPart {

    private static final String STATE_URL = "serviceUrl";
    private static final String STATE_ADQL = "adql";
    private static final String STATE_MAXREC = "maxrec";

    private IMemento savedState;
    private Display display;
    private QueryForm form;
    private ServiceAccess<ServiceClients> services;
    private UiPreferences preferences;
    private ServiceMetadata metadata;
    private TapQueryJob running;
    private Path outputFile;

    @Override
    public void init(IViewSite site, IMemento memento) throws PartInitException {
        super.init(site, memento);
        this.savedState = memento;
    }

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        services = ServiceAccess.forUiBundle(ServiceClients.class);
        preferences = UiPreferences.workbench();
        form = new QueryForm(parent, this::completionModel);
        restore();
        form.run.addListener(SWT.Selection, e -> run(QueryMode.SYNC));
        form.runAsync.addListener(SWT.Selection, e -> run(QueryMode.ASYNC));
        form.cancel.addListener(SWT.Selection, e -> cancel());
        form.templates.addListener(SWT.Selection, e -> showTemplates());
        form.url.addListener(SWT.DefaultSelection, e -> run(QueryMode.SYNC));
        form.url.addListener(SWT.FocusOut, e -> serviceChanged());
        form.adql.addVerifyKeyListener(this::keys);
        IContextService contexts = getSite().getService(IContextService.class);
        if (contexts != null) {
            contexts.activateContext(AstrolabeUi.QUERY_CONTEXT_ID);
        }
        serviceChanged();
        getSite().getPage().addPostSelectionListener(ServicesViews.SERVICES_VIEW_ID, serviceSelection);
    }

    /** A service picked in the Services view becomes the query's service (its TAP URL, once resolved). */
    private final ISelectionListener serviceSelection = (part, selection) -> {
        if (form == null || form.url.isDisposed() || !(selection instanceof IStructuredSelection structured)
                || !(structured.getFirstElement() instanceof SelectedService picked) || picked.tap() == null) {
            return;
        }
        if (!picked.tap().toString().equals(form.url.getText().strip())) {
            setService(picked.tap());
        }
    };

    private void restore() {
        String url = savedState == null ? null : savedState.getString(STATE_URL);
        form.url.setText(QueryDefaults.serviceUrl(url, System.getProperties()).orElse(""));
        String adql = savedState == null ? null : savedState.getString(STATE_ADQL);
        form.adql.setText(adql == null || adql.isBlank() ? QueryDefaults.ADQL : adql);
        Integer maxrec = savedState == null ? null : savedState.getInteger(STATE_MAXREC);
        form.maxrec.setSelection(maxrec == null ? preferences.defaultMaxrec() : maxrec);
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

    private void keys(VerifyEvent event) {
        boolean ctrl = (event.stateMask & SWT.MOD1) != 0;
        if (ctrl && (event.keyCode == SWT.CR || event.keyCode == SWT.KEYPAD_CR)) {
            event.doit = false;
            run((event.stateMask & SWT.SHIFT) != 0 ? QueryMode.ASYNC : QueryMode.SYNC);
        } else if (ctrl && event.character == ' ') {
            event.doit = false;
            showCompletions();
        }
    }

    /** @return the service URL in the form, when it parses as a URL */
    public Optional<URI> service() {
        try {
            String text = form.url.getText().strip();
            return text.isEmpty() ? Optional.empty() : Optional.of(new URI(text)).filter(URI::isAbsolute);
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** @return the metadata of the service in the form, loading in the background */
    public Optional<ServiceMetadata> metadata() {
        serviceChanged();
        return Optional.ofNullable(metadata);
    }

    private CompletionModel completionModel() {
        return metadata().<CompletionModel>map(m -> m).orElse(CompletionModel.NONE);
    }

    /** Follows the URL field: new metadata for a new service, and the Schema browser told. */
    private void serviceChanged() {
        Optional<URI> uri = service();
        if (uri.isEmpty()) {
            metadata = null;
            return;
        }
        if (metadata == null || !metadata.service().equals(uri.get())) {
            metadata = new ServiceMetadata(uri.get(), services, preferences::transportSettings);
            metadata.loadTables();
            if (getSite().getPage().findView(AstrolabeUi.SCHEMA_VIEW_ID) instanceof SchemaView schema) {
                schema.showService(uri.get(), false);
            }
        }
    }

    /** Opens the content assist popup at the cursor, as Ctrl+Space does. */
    public void showCompletions() {
        serviceChanged();
        if (form.viewer.canDoOperation(ISourceViewer.CONTENTASSIST_PROPOSALS)) {
            form.viewer.doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
        }
    }

    /**
     * Inserts text at the cursor of the ADQL editor, replacing the selection, and focuses it.
     *
     * @param text e.g. a table or column name from the Schema browser
     */
    public void insert(String text) {
        Point selection = form.adql.getSelection();
        form.adql.replaceTextRange(selection.x, selection.y - selection.x, text);
        form.adql.setSelection(selection.x + text.length());
        form.adql.setFocus();
    }

    /** @param url a TAP service URL to put in the form, e.g. chosen in another view */
    public void setService(URI url) {
        form.url.setText(url.toString());
        serviceChanged();
    }

    private void showTemplates() {
        Menu menu = new Menu(form.templates);
        for (AdqlTemplates.Template template : AdqlTemplates.Template.values()) {
            MenuItem item = new MenuItem(menu, SWT.PUSH);
            item.setText(template.label());
            item.addListener(SWT.Selection, e -> applyTemplate(template));
        }
        Rectangle bounds = form.templates.getBounds();
        menu.setLocation(form.templates.getParent().toDisplay(bounds.x, bounds.y + bounds.height));
        menu.setVisible(true);
    }

    /**
     * Replaces the ADQL with a template for the table of the current FROM clause (or the service's
     * first table), using that table's position columns when they are loaded.
     *
     * @param template which template
     */
    public void applyTemplate(AdqlTemplates.Template template) {
        String tableName = AdqlCompletions.fromItems(form.adql.getText()).values().stream()
                .filter(t -> !t.toUpperCase(java.util.Locale.ROOT).startsWith("TAP_UPLOAD.")).findFirst()
                .orElseGet(() -> completionModel().tables().stream().map(TableMetadata::name).findFirst()
                        .orElse("schema.table"));
        TableMetadata table = completionModel().columnsOf(tableName)
                .orElse(new TableMetadata(tableName, "", "", "", "", java.util.OptionalLong.empty(),
                        java.util.List.of(), java.util.List.of()));
        form.adql.setText(AdqlTemplates.render(template, table));
        if (template == AdqlTemplates.Template.UPLOAD_JOIN && form.upload.getText().isBlank()) {
            form.upload.setText(AdqlTemplates.UPLOAD_NAME + "=");
        }
        form.adql.setFocus();
    }

    /**
     * Starts the query in the form, unless one is running or the form is incomplete.
     *
     * @param mode sync or async
     */
    public void run(QueryMode mode) {
        if (running != null) {
            return;
        }
        QueryRequest request;
        try {
            request = QueryRequest.fromForm(form.url.getText(), form.adql.getText(), form.maxrec.getSelection());
            String upload = form.upload.getText().strip();
            if (!upload.isEmpty()) {
                request = new QueryRequest(request.service(), request.query().withUpload(TapUpload.parse(upload)));
            }
        } catch (IllegalArgumentException e) {
            form.showProblem(e.getMessage());
            return;
        }
        Optional<ResultsViewDelivery.Output> output = Optional.empty();
        if (form.outputFormat().isPresent()) {
            TableFormat format = form.outputFormat().get();
            Path file = outputFile != null ? outputFile : askForFile(format);
            if (file == null) {
                return;
            }
            output = Optional.of(new ResultsViewDelivery.Output(file, format));
        }
        form.showProblem("");
        serviceChanged();
        TapQueryJob job = new TapQueryJob(request, mode, services, preferences.transportSettings(),
                new ResultsViewDelivery(getSite().getPage(), output));
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

    private Path askForFile(TableFormat format) {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setText("Save the query's result as " + format.id().toUpperCase(java.util.Locale.ROOT));
        dialog.setOverwrite(true);
        dialog.setFilterExtensions(new String[] {"*." + format.extension(), "*"});
        dialog.setFileName("result." + format.extension());
        String chosen = dialog.open();
        return chosen == null ? null : Path.of(chosen);
    }

    /**
     * Chooses the Output combo's entry and, for a file format, the file, so that Run does not ask
     * (for tests and scripted use).
     *
     * @param format the file format, or empty for the Results view only
     * @param file where to write; ignored without a format
     */
    public void setOutput(Optional<TableFormat> format, Path file) {
        form.output.select(format.map(f -> f.ordinal() + 1).orElse(0));
        outputFile = format.isPresent() ? file : null;
    }

    private void finished(TapQueryJob job) {
        if (running == job) {
            running = null;
        }
        if (!form.run.isDisposed()) {
            form.setRunning(running != null);
        }
    }

    /** Cancels the running query, if any. */
    public void cancel() {
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
        getSite().getPage().removePostSelectionListener(ServicesViews.SERVICES_VIEW_ID, serviceSelection);
        if (services != null) {
            services.close();
        }
        super.dispose();
    }
}
