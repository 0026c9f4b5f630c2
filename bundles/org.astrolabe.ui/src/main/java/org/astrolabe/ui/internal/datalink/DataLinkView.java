package org.astrolabe.ui.internal.datalink;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.DataLinkResolver;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ResolveOptions;
import org.astrolabe.datalink.ServiceDescriptor;
import org.astrolabe.datalink.download.DownloadManager;
import org.astrolabe.datalink.download.DownloadOutcome;
import org.astrolabe.datalink.soda.CutoutService;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.DataViews;
import org.astrolabe.ui.internal.Services;
import org.astrolabe.ui.internal.downloads.DownloadPreferences;
import org.astrolabe.ui.internal.fits.FitsViews;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * The DataLink view: follows the rows selected in the Results view (the selection service),
 * resolves their dataset identifiers with the {@link DataLinkResolver} service in a Job and shows
 * the links grouped by semantics, error rows included. Selected links are downloaded with the
 * {@link DownloadManager} into the folder of the Downloads preferences; a dataset is cut out with
 * the {@link CutoutService} through the {@link CutoutDialog}; downloaded and cut-out FITS files
 * open in the FITS viewer. Every network operation is a Job with progress and Cancel; the UI thread
 * never waits. UI thread only.
 */
public final class DataLinkView extends ViewPart {

    private Services<DataLinkResolver> resolvers;
    private Services<DownloadManager> downloads;
    private Services<CutoutService> cutouts;
    private Text service;
    private CLabel status;
    private LinkTree tree;
    private Button download;
    private Button cutout;
    private Button open;
    private Button cancel;
    private SelectedRows rows;
    /** Counts resolutions: only the latest one's answer is shown. */
    private int resolution;
    private final List<Job> running = new ArrayList<>();
    private final ISelectionListener selectionListener = this::selectionChanged;

    @Override
    public void createPartControl(Composite parent) {
        resolvers = Services.track(DataLinkResolver.class);
        downloads = Services.track(DownloadManager.class);
        cutouts = Services.track(CutoutService.class);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 6;
        layout.marginHeight = 6;
        layout.verticalSpacing = 6;
        parent.setLayout(layout);
        createServiceRow(parent);
        status = new CLabel(parent, SWT.NONE);
        status.setData(AstrolabeUi.WIDGET_KEY, DataViews.DATALINK_STATUS_WIDGET);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        tree = new LinkTree(parent);
        tree.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tree.viewer().addSelectionChangedListener(e -> updateButtons());
        tree.viewer().addDoubleClickListener(e -> openSelected());
        createButtons(parent);
        showMessage("Select rows with a dataset identifier (e.g. obs_publisher_did) in the Results view.", false);
        getSite().getPage().addPostSelectionListener(selectionListener);
        IWorkbenchSiteProgressService progress = getSite().getAdapter(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.showBusyForFamily(DataViews.DATALINK_JOB);
            progress.showBusyForFamily(DataViews.DOWNLOAD_JOB);
        }
        // Rows selected before the view opened.
        selectionChanged(null, getSite().getPage().getSelection(AstrolabeUi.RESULTS_VIEW_ID));
        updateButtons();
    }

    private void createServiceRow(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        row.setLayout(layout);
        new Label(row, SWT.NONE).setText("DataLink service:");
        service = new Text(row, SWT.BORDER | SWT.SINGLE);
        service.setData(AstrolabeUi.WIDGET_KEY, DataViews.DATALINK_SERVICE_WIDGET);
        service.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        service.setMessage("The archive's DataLink {links} endpoint, e.g. https://archive.example/datalink/links");
        service.setText(DownloadPreferences.dataLinkService());
        service.addListener(SWT.DefaultSelection, e -> resolve());
        Button resolve = new Button(row, SWT.PUSH);
        resolve.setText("Resolve");
        resolve.setData(AstrolabeUi.WIDGET_KEY, DataViews.DATALINK_RESOLVE_WIDGET);
        resolve.setToolTipText("List the links of the selected rows' datasets");
        resolve.addListener(SWT.Selection, e -> resolve());
    }

    private void createButtons(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout layout = new GridLayout(5, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        row.setLayout(layout);
        download = button(row, "Download", DataViews.DATALINK_DOWNLOAD_WIDGET,
                "Download the selected links into the download folder (Preferences > Astrolabe > Downloads)");
        download.addListener(SWT.Selection, e -> downloadSelected());
        cutout = button(row, "Cut Out…", DataViews.DATALINK_CUTOUT_WIDGET,
                "Cut out a region, band, time or polarisation of the selected link's dataset (SODA)");
        cutout.addListener(SWT.Selection, e -> cutOutSelected());
        open = button(row, "Open in FITS Viewer", DataViews.DATALINK_OPEN_WIDGET, "Open the downloaded FITS file of the selected link");
        open.addListener(SWT.Selection, e -> openSelected());
        cancel = button(row, "Cancel", DataViews.DATALINK_CANCEL_WIDGET, "Stop resolving, downloading or cutting out");
        cancel.addListener(SWT.Selection, e -> cancelAll());
    }

    private static Button button(Composite row, String text, String name, String tooltip) {
        Button b = new Button(row, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tooltip);
        b.setData(AstrolabeUi.WIDGET_KEY, name);
        return b;
    }

    private void selectionChanged(IWorkbenchPart part, org.eclipse.jface.viewers.ISelection selection) {
        if (part == this || selection == null) {
            return;
        }
        Optional<SelectedRows> selected = RowSelections.from(selection);
        if (selected.isEmpty() || selected.get().isEmpty() || selected.get().equals(rows)) {
            return; // nothing to resolve, or the same rows again (the Results view re-activated)
        }
        rows = selected.get();
        resolve();
    }

    /** Shows the links of {@code selected} (as if they had been selected in the Results view). */
    public void showRows(SelectedRows selected) {
        rows = selected;
        resolve();
    }

    private void resolve() {
        if (rows == null) {
            showMessage("Select rows in the Results view first.", true);
            return;
        }
        List<String> ids = rows.identifiers();
        if (ids.isEmpty()) {
            showMessage("The selected rows have no dataset identifier column (obs_publisher_did, publisherID, "
                    + "a column with UCD meta.id;meta.main, or ID).", true);
            return;
        }
        URI endpoint;
        try {
            endpoint = endpoint(service.getText());
        } catch (IllegalArgumentException e) {
            showMessage(e.getMessage(), true);
            return;
        }
        DownloadPreferences.rememberDataLinkService(endpoint.toString());
        cancelFamily(DataViews.DATALINK_JOB);
        tree.show(null);
        String what = ids.size() == 1 ? ids.getFirst() : ids.size() + " datasets";
        showMessage("Resolving the links of " + what + "…", false);
        int generation = ++resolution;
        schedule(new ViewJob<>("DataLink links of " + what, DataViews.DATALINK_JOB, status.getDisplay(),
                monitor -> resolvers.await(monitor).resolve(endpoint, ids, ResolveOptions.defaults(), monitor),
                ViewJob.outcome(document -> {
                    if (generation == resolution) {
                        showLinks(document);
                    }
                }, m -> {
                    if (generation == resolution) {
                        showMessage(m, true);
                    }
                }, () -> {
                    if (generation == resolution) {
                        showMessage("Resolving cancelled.", false);
                    }
                })));
    }

    /** @throws IllegalArgumentException with a sentence for the user when the URL is not usable */
    static URI endpoint(String text) {
        String url = text.strip();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("Enter the archive's DataLink service URL above and press Resolve.");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("Not an http(s) URL of a DataLink service: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a URL: " + url + " (" + e.getReason() + ")");
        }
    }

    private void showLinks(LinksDocument document) {
        if (status.isDisposed()) {
            return;
        }
        tree.show(document);
        long datasets = document.links().stream().map(DataLink::id).distinct().count();
        int errors = document.errors().size();
        int links = document.links().size() - errors;
        showMessage(links + (links == 1 ? " link" : " links") + " for " + datasets
                + (datasets == 1 ? " dataset" : " datasets") + (errors > 0 ? ", " + errors + " error"
                        + (errors == 1 ? "" : "s") : "") + ".", false);
        updateButtons();
    }

    private void downloadSelected() {
        List<DataLink> links = tree.selectedLinks().stream().filter(l -> !l.isError() && !l.isService()
                && l.accessUrl() != null).toList();
        if (links.isEmpty()) {
            showMessage("Select links with a URL (not service or error rows) to download.", true);
            return;
        }
        var options = DownloadPreferences.options();
        String what = links.size() == 1 ? LinkColumn.name(links.getFirst().accessUrl()) : links.size() + " files";
        showMessage("Downloading " + what + " into " + options.directory() + "…", false);
        schedule(new ViewJob<>("Downloading " + what, DataViews.DOWNLOAD_JOB, status.getDisplay(),
                monitor -> downloads.await(monitor).download(links.stream().map(DataLink::accessUrl).toList(),
                        options, monitor),
                ViewJob.outcome(outcomes -> downloaded(links, outcomes), m -> showMessage(m, true),
                        () -> showMessage("Download cancelled; no partial file was kept.", false))));
    }

    private void downloaded(List<DataLink> links, List<DownloadOutcome> outcomes) {
        if (status.isDisposed()) {
            return;
        }
        List<String> failures = new ArrayList<>();
        int ok = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            DownloadOutcome outcome = outcomes.get(i);
            if (outcome.status().isSuccess()) {
                tree.downloaded(links.get(i), outcome.file());
                ok++;
            } else {
                failures.add(outcome.describe());
            }
        }
        String text = ok + (ok == 1 ? " file" : " files") + " in " + DownloadPreferences.folder()
                + (failures.isEmpty() ? "." : "; " + failures.size() + " failed: " + String.join("; ", failures));
        showMessage(text, !failures.isEmpty());
        updateButtons();
    }

    private void cutOutSelected() {
        LinksDocument document = tree.document();
        List<DataLink> selected = tree.selectedLinks();
        if (document == null || selected.isEmpty()) {
            showMessage("Select a link of the dataset to cut out.", true);
            return;
        }
        String id = selected.getFirst().id();
        ServiceDescriptor sync = document.sodaDescriptor(id, false).orElse(null);
        ServiceDescriptor async = document.sodaDescriptor(id, true).orElse(null);
        if (sync == null && async == null) {
            showMessage("The service offers no SODA cutout for " + id + ".", true);
            return;
        }
        Optional<double[]> position = rows == null ? Optional.empty() : rows.position(id);
        Path folder = DownloadPreferences.folder();
        CutoutDialog dialog = new CutoutDialog(getSite().getShell(), id, sync, async, position, cutouts.now(), folder);
        if (dialog.open() != CutoutDialog.OK || dialog.choice() == null) {
            return;
        }
        CutoutDialog.Choice choice = dialog.choice();
        showMessage("Cutting out " + id + "…", false);
        schedule(new ViewJob<>("SODA cutout of " + id, DataViews.DOWNLOAD_JOB, status.getDisplay(),
                monitor -> cutouts.await(monitor).save(choice.descriptor(), choice.request(), choice.mode(), folder,
                        monitor),
                ViewJob.outcome(this::cutOut, m -> showMessage(m, true),
                        () -> showMessage("Cutout cancelled.", false))));
    }

    private void cutOut(Path file) {
        if (status.isDisposed()) {
            return;
        }
        showMessage("Cutout " + file.getFileName() + " saved in " + file.getParent() + ".", false);
        openFits(file);
    }

    private void openSelected() {
        List<DataLink> selected = tree.selectedLinks();
        Path file = selected.stream().map(tree::fileOf).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (file == null) {
            showMessage("Download the selected link first; then it opens in the FITS viewer.", true);
            return;
        }
        openFits(file);
    }

    private void openFits(Path file) {
        try {
            FitsViews.open(getSite().getPage(), file);
        } catch (PartInitException e) {
            showMessage("The FITS viewer could not open: " + e.getMessage(), true);
        }
    }

    private void schedule(Job job) {
        running.add(job);
        job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                if (!status.isDisposed()) {
                    status.getDisplay().asyncExec(() -> {
                        running.remove(job);
                        if (!status.isDisposed()) {
                            updateButtons();
                        }
                    });
                }
            }
        });
        IWorkbenchSiteProgressService progress = getSite().getAdapter(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.schedule(job);
        } else {
            job.schedule();
        }
        updateButtons();
    }

    private void cancelFamily(Object family) {
        running.stream().filter(j -> j.belongsTo(family)).forEach(Job::cancel);
    }

    private void cancelAll() {
        running.forEach(Job::cancel);
    }

    private void updateButtons() {
        List<DataLink> selected = tree.selectedLinks();
        LinksDocument document = tree.document();
        download.setEnabled(selected.stream().anyMatch(l -> !l.isError() && !l.isService() && l.accessUrl() != null));
        cutout.setEnabled(document != null && selected.stream().map(DataLink::id).distinct().anyMatch(
                id -> document.sodaDescriptor(id, false).isPresent() || document.sodaDescriptor(id, true).isPresent()));
        open.setEnabled(selected.stream().anyMatch(l -> tree.fileOf(l) != null));
        cancel.setEnabled(!running.isEmpty());
    }

    private void showMessage(String text, boolean error) {
        if (status.isDisposed()) {
            return;
        }
        status.setImage(error ? PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_ERROR_TSK)
                : null);
        status.setText(text);
        status.setToolTipText(text);
    }

    @Override
    public void setFocus() {
        tree.control().setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePostSelectionListener(selectionListener);
        cancelAll();
        resolvers.close();
        downloads.close();
        cutouts.close();
        super.dispose();
    }
}
