package org.astrolabe.ui.internal.schema;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.internal.prefs.UiPreferences;
import org.astrolabe.ui.internal.query.QueryView;
import org.astrolabe.ui.internal.schema.SchemaNodes.ColumnNode;
import org.astrolabe.ui.internal.schema.SchemaNodes.TableNode;
import org.astrolabe.ui.internal.services.ServiceAccess;
import org.astrolabe.ui.internal.services.ServiceClients;
import org.astrolabe.ui.internal.services.ServiceMetadata;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.eclipse.ui.progress.IWorkbenchSiteProgressService;

/**
 * The Schema browser: the schemas, tables and columns (type, unit, UCD, description) of the TAP
 * service named in the TAP Query view, loaded lazily in the background (VOSI tables, else
 * TAP_SCHEMA, through the session's metadata service); a filter box; double-click inserts a table's
 * or column's name into the ADQL editor. UI thread only.
 */
public final class SchemaView extends ViewPart {

    /** The tree's input before a service is chosen: the content provider then explains what to do. */
    private static final String NO_SERVICE = "no service";

    private static final String TREE_HINT = "Double-click a table or column to insert its name into the ADQL editor";

    private static final int[] WIDTHS = {165, 62, 44, 150, 320};

    private ServiceAccess<ServiceClients> services;
    private UiPreferences preferences;
    private Text serviceUrl;
    private Text filterText;
    private TreeViewer viewer;
    private final SchemaFilter filter = new SchemaFilter();
    private ServiceMetadata metadata;
    private final ServiceMetadata.Listener refresher = this::metadataChanged;

    @Override
    public void createPartControl(Composite parent) {
        services = ServiceAccess.forUiBundle(ServiceClients.class);
        preferences = UiPreferences.workbench();
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 6;
        layout.marginHeight = 6;
        parent.setLayout(layout);

        new Label(parent, SWT.NONE).setText("Service:");
        serviceUrl = new Text(parent, SWT.SINGLE | SWT.BORDER);
        serviceUrl.setMessage("TAP service URL; Enter loads it");
        serviceUrl.setToolTipText("The TAP service whose tables are shown; follows the TAP Query view");
        serviceUrl.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.SCHEMA_SERVICE_WIDGET);
        serviceUrl.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        serviceUrl.addListener(SWT.DefaultSelection, e -> parse(serviceUrl.getText()).ifPresent(u -> showService(u,
                true)));

        new Label(parent, SWT.NONE).setText("Filter:");
        filterText = new Text(parent, SWT.SINGLE | SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        filterText.setMessage("Name, UCD or description contains…");
        filterText.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.SCHEMA_FILTER_WIDGET);
        filterText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filterText.addListener(SWT.Modify, e -> applyFilter());

        viewer = new TreeViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        Tree tree = viewer.getTree();
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        tree.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.SCHEMA_TREE_WIDGET);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (int i = 0; i < SchemaLabelProvider.HEADERS.length; i++) {
            TreeColumn column = new TreeColumn(tree, SWT.LEFT);
            column.setText(SchemaLabelProvider.HEADERS[i]);
            column.setWidth(WIDTHS[i]);
        }
        viewer.setContentProvider(new SchemaContentProvider());
        viewer.setLabelProvider(new SchemaLabelProvider());
        viewer.setFilters(filter);
        viewer.addDoubleClickListener(e -> insertSelected());
        tree.setToolTipText(TREE_HINT);
        tree.addListener(SWT.MouseHover, e -> tree.setToolTipText(tooltip(tree.getItem(new Point(e.x, e.y)))));
        getSite().setSelectionProvider(viewer);

        Action reload = new Action("Reload") {
            @Override
            public void run() {
                parse(serviceUrl.getText()).ifPresent(u -> showService(u, true));
            }
        };
        reload.setToolTipText("Read the service's tables again");
        reload.setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                .getImageDescriptor(ISharedImages.IMG_ELCL_SYNCED));
        getViewSite().getActionBars().getToolBarManager().add(reload);
        IWorkbenchSiteProgressService progress = getSite().getAdapter(IWorkbenchSiteProgressService.class);
        if (progress != null) {
            progress.showBusyForFamily(JobFamilies.METADATA);
        }
        viewer.setInput(NO_SERVICE);
        if (getSite().getPage().findView(AstrolabeUi.QUERY_VIEW_ID) instanceof QueryView query) {
            query.service().ifPresent(u -> showService(u, false));
        }
    }

    /**
     * Shows the tables of a service, loading them in the background.
     *
     * @param service the TAP base URL
     * @param reload read the service again even when it is shown already
     */
    public void showService(URI service, boolean reload) {
        if (!reload && metadata != null && metadata.service().equals(service)) {
            return;
        }
        if (metadata != null) {
            metadata.removeListener(refresher);
        }
        serviceUrl.setText(service.toString());
        metadata = new ServiceMetadata(service, services, preferences::transportSettings);
        metadata.addListener(refresher);
        viewer.setInput(metadata);
    }

    /** @return the metadata shown, if any */
    public Optional<ServiceMetadata> metadata() {
        return Optional.ofNullable(metadata);
    }

    /** @return the tree, for tests and screenshots */
    public TreeViewer viewer() {
        return viewer;
    }

    private void metadataChanged(ServiceMetadata changed) {
        Display display = viewer.getControl().getDisplay();
        if (display.isDisposed()) {
            return;
        }
        display.asyncExec(() -> {
            if (!viewer.getControl().isDisposed() && viewer.getInput() == changed) {
                viewer.refresh();
                if (filter.isActive()) {
                    viewer.expandToLevel(2);
                }
            }
        });
    }

    private void applyFilter() {
        filter.setText(filterText.getText());
        viewer.getControl().setRedraw(false);
        try {
            viewer.refresh();
            if (filter.isActive()) {
                viewer.expandToLevel(2);
            }
        } finally {
            viewer.getControl().setRedraw(true);
        }
    }

    /** Inserts the selected table's or column's name into the ADQL editor, opening it if needed. */
    public void insertSelected() {
        Object element = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        String name = switch (element) {
            case TableNode t -> t.table().name();
            case ColumnNode c -> c.column().name();
            case null, default -> null;
        };
        if (name == null) {
            if (element != null) {
                viewer.setExpandedState(element, !viewer.getExpandedState(element));
            }
            return;
        }
        try {
            if (getSite().getPage().showView(AstrolabeUi.QUERY_VIEW_ID, null, IWorkbenchPage.VIEW_VISIBLE)
                    instanceof QueryView query) {
                query.insert(name);
            }
        } catch (PartInitException e) {
            // The workbench has logged why the view could not open.
        }
    }

    /** @return the item's name, type, unit, UCD and description on separate lines, for the narrow view */
    private static String tooltip(TreeItem item) {
        if (item == null) {
            return TREE_HINT;
        }
        StringBuilder text = new StringBuilder(item.getText(0));
        for (int i = 1; i < SchemaLabelProvider.HEADERS.length; i++) {
            if (!item.getText(i).isBlank()) {
                text.append('\n').append(SchemaLabelProvider.HEADERS[i]).append(": ").append(item.getText(i));
            }
        }
        return text.append("\n\n").append(TREE_HINT).toString();
    }

    private static Optional<URI> parse(String text) {
        try {
            URI uri = new URI(text.strip());
            return uri.isAbsolute() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (metadata != null) {
            metadata.removeListener(refresher);
        }
        if (services != null) {
            services.close();
        }
        super.dispose();
    }
}
