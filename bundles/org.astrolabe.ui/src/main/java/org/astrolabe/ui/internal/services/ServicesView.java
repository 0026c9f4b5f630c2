package org.astrolabe.ui.internal.services;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.ArchiveCatalogue;
import org.astrolabe.auth.CredentialStore;
import org.astrolabe.auth.SessionManager;
import org.astrolabe.core.ServiceFailureException;
import org.astrolabe.core.auth.SessionRegistry;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.ServicesViews;
import org.astrolabe.ui.internal.Services;
import org.astrolabe.ui.internal.login.LoginDialog;
import org.astrolabe.ui.internal.login.LoginJob;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;

/**
 * The Services view: the archive catalogue's presets and the user's services with their TAP
 * address, availability (checked in jobs), and login state; add / edit / remove user services,
 * log in and out. The selection is published as {@link org.astrolabe.ui.SelectedService}. UI thread only, except
 * the jobs it starts.
 */
public final class ServicesView extends ViewPart {

    private Display display;
    private TableViewer viewer;
    private Label status;
    private final Map<String, ServiceState> rows = new LinkedHashMap<>();
    private Services<ArchiveCatalogue> catalogue;
    private Services<TapClientFactory> factory;
    private Services<SessionManager> sessions;
    private Services<CredentialStore> store;
    private final Map<String, Button> buttons = new LinkedHashMap<>();
    private static final int LOGIN_POLL_MILLIS = 1000;
    private String shownLogins = "";
    private Services<SessionRegistry> registry;
    private final SessionRegistry.Listener logoutListener = session -> ui(this::followLoginsNow);

    @Override
    public void createPartControl(Composite parent) {
        display = parent.getDisplay();
        catalogue = Services.track(ArchiveCatalogue.class);
        factory = Services.track(TapClientFactory.class);
        sessions = Services.track(SessionManager.class);
        store = Services.track(CredentialStore.class);
        GridLayoutFactory.fillDefaults().margins(4, 4).spacing(4, 4).applyTo(parent);

        Composite bar = new Composite(parent, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.marginLeft = row.marginTop = row.marginBottom = 0;
        row.wrap = true;
        bar.setLayout(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        button(bar, "&Add…", ServicesViews.SERVICES_ADD_WIDGET, this::add);
        button(bar, "&Edit…", ServicesViews.SERVICES_EDIT_WIDGET, this::edit);
        button(bar, "&Remove", ServicesViews.SERVICES_REMOVE_WIDGET, this::remove);
        button(bar, "&Log In…", ServicesViews.SERVICES_LOGIN_WIDGET, this::login);
        button(bar, "Log &Out", ServicesViews.SERVICES_LOGOUT_WIDGET, this::logout);
        button(bar, "&Check Availability", ServicesViews.SERVICES_REFRESH_WIDGET, this::reload);

        viewer = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(AstrolabeUi.WIDGET_KEY, ServicesViews.SERVICES_TABLE_WIDGET);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ServiceColumns.create(viewer, sessions);
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.addSelectionChangedListener(e -> updateButtons());
        viewer.addDoubleClickListener(e -> login());
        getSite().setSelectionProvider(new SelectedServiceProvider(viewer));

        status = new Label(parent, SWT.WRAP);
        status.setData(AstrolabeUi.WIDGET_KEY, ServicesViews.SERVICES_STATUS_WIDGET);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        contextMenu();
        updateButtons();
        reload();
        registry = Services.track(SessionRegistry.class);
        registry.now().ifPresent(r -> r.addListener(logoutListener));
        display.timerExec(LOGIN_POLL_MILLIS, this::followLogins);
    }

    /**
     * Sessions also come and go outside this view (a challenge answered through the prompt, a
     * logout elsewhere); the registry tells no one of new ones, so the Login column is compared
     * with the session manager's answers (no network) every second while the view lives.
     */
    private void followLoginsNow() {
        shownLogins = "";
        viewer.refresh(true);
        updateButtons();
    }

    private void followLogins() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        String now = rows.values().stream().map(s -> ServiceColumns.login(s, sessions)).toList().toString();
        if (!now.equals(shownLogins)) {
            shownLogins = now;
            viewer.refresh(true);
            updateButtons();
        }
        display.timerExec(LOGIN_POLL_MILLIS, this::followLogins);
    }

    private void button(Composite bar, String text, String widget, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.setData(AstrolabeUi.WIDGET_KEY, widget);
        b.addListener(SWT.Selection, e -> action.run());
        buttons.put(widget, b);
    }

    private void contextMenu() {
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(m -> {
            ServiceState s = selected();
            m.add(action("Log In…", s != null, this::login));
            m.add(action("Log Out", s != null && loggedIn(s), this::logout));
            m.add(new Separator());
            m.add(action("Add Service…", true, this::add));
            m.add(action("Edit Service…", s != null && !s.archive().preset(), this::edit));
            m.add(action("Remove Service", s != null && !s.archive().preset(), this::remove));
            m.add(new Separator());
            m.add(action("Check Availability", true, this::reload));
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
    }

    private static Action action(String text, boolean enabled, Runnable run) {
        Action a = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        a.setEnabled(enabled);
        return a;
    }

    private ServiceState selected() {
        Object first = viewer.getStructuredSelection().getFirstElement();
        return first instanceof ServiceState s ? rows.get(s.name()) : null;
    }

    private boolean loggedIn(ServiceState s) {
        return !ServiceColumns.login(s, sessions).isEmpty();
    }

    private void updateButtons() {
        ServiceState s = selected();
        boolean user = s != null && !s.archive().preset();
        buttons.get(ServicesViews.SERVICES_EDIT_WIDGET).setEnabled(user);
        buttons.get(ServicesViews.SERVICES_REMOVE_WIDGET).setEnabled(user);
        buttons.get(ServicesViews.SERVICES_LOGIN_WIDGET).setEnabled(s != null);
        buttons.get(ServicesViews.SERVICES_LOGOUT_WIDGET).setEnabled(s != null && loggedIn(s));
    }

    /** Reads the catalogue in a job, then checks every archive's availability in its own job. */
    private void reload() {
        Job load = new Job("Reading the archive catalogue") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    List<Archive> archives = catalogue.await(monitor).archives();
                    ui(() -> show(archives));
                    return Status.OK_STATUS;
                } catch (OperationCanceledException e) {
                    return Status.CANCEL_STATUS;
                } catch (ServiceFailureException e) {
                    ui(() -> status.setText(e.getMessage()));
                    return Status.OK_STATUS;
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == ServicesViews.SERVICES_JOB;
            }
        };
        load.schedule();
    }

    private void show(List<Archive> archives) {
        Object chosen = selected() == null ? null : selected().name();
        rows.clear();
        for (Archive a : archives) {
            rows.put(a.name(), ServiceState.unchecked(a));
        }
        refresh();
        fitAddressColumn();
        if (chosen != null && rows.containsKey(chosen)) {
            viewer.setSelection(new StructuredSelection(rows.get(chosen)), true);
        }
        status.setText(archives.size() + " services; checking availability…");
        for (Archive a : archives) {
            new AvailabilityJob(a, catalogue, factory, this::checked).schedule();
        }
    }

    /** Widens the TAP column to its longest address (user services can be long), within reason. */
    private void fitAddressColumn() {
        var column = viewer.getTable().getColumn(2);
        int before = column.getWidth();
        column.pack();
        column.setWidth(Math.min(Math.max(before, column.getWidth()), 360));
    }

    private void checked(ServiceState state) {
        ui(() -> {
            if (rows.containsKey(state.name())) {
                rows.put(state.name(), state);
                refresh();
                long open = rows.values().stream().filter(s -> s.availability().equals(ServiceState.CHECKING)).count();
                status.setText(rows.size() + " services" + (open == 0 ? "" : "; checking " + open + "…"));
            }
        });
    }

    private void refresh() {
        ServiceState s = selected();
        viewer.setInput(new ArrayList<>(rows.values()));
        if (s != null && rows.containsKey(s.name())) {
            viewer.setSelection(new StructuredSelection(rows.get(s.name())));
        }
        updateButtons();
    }

    private void ui(Runnable r) {
        if (!display.isDisposed()) {
            display.asyncExec(() -> {
                if (!viewer.getControl().isDisposed()) {
                    r.run();
                }
            });
        }
    }

    private void add() {
        ServiceDialog dialog = new ServiceDialog(getSite().getShell(), null);
        if (dialog.open() == Window.OK) {
            save(dialog.archive(), "added");
        }
    }

    private void edit() {
        ServiceState s = selected();
        if (s == null || s.archive().preset()) {
            return;
        }
        ServiceDialog dialog = new ServiceDialog(getSite().getShell(), s.archive());
        if (dialog.open() == Window.OK) {
            save(dialog.archive(), "saved");
        }
    }

    private void save(Archive archive, String verb) {
        changeCatalogue(c -> {
            c.add(archive);
            return "Service " + archive.name() + " " + verb;
        });
    }

    private void remove() {
        ServiceState s = selected();
        if (s == null || s.archive().preset()) {
            return;
        }
        changeCatalogue(c -> c.remove(s.name()) ? "Service " + s.name() + " removed" : s.name() + " was not saved");
    }

    @FunctionalInterface
    private interface Change {
        String apply(ArchiveCatalogue catalogue) throws IOException;
    }

    /** Catalogue changes write a small file: quick, but still not on the UI thread. */
    private void changeCatalogue(Change change) {
        Job job = new Job("Saving the archive catalogue") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    String done = change.apply(catalogue.await(monitor));
                    ui(() -> status.setText(done));
                    ui(ServicesView.this::reload);
                } catch (IOException | IllegalArgumentException | ServiceFailureException e) {
                    ui(() -> status.setText("Not saved: " + e.getMessage()));
                }
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == ServicesViews.SERVICES_JOB;
            }
        };
        job.schedule();
    }

    private void login() {
        ServiceState s = selected();
        if (s == null) {
            return;
        }
        if (s.tap() == null) {
            status.setText(s.name() + " is not resolved yet: wait for its availability check");
            return;
        }
        LoginDialog dialog = new LoginDialog(getSite().getShell(), s.tap(), "", this::startLogin);
        if (dialog.open() == Window.OK) {
            status.setText(dialog.outcome());
            refresh();
        }
    }

    private LoginJob startLogin(LoginJob.Request request, Consumer<LoginJob.Outcome> outcome) {
        LoginJob job = new LoginJob(request, sessions, store, o -> {
            if (!display.isDisposed()) {
                display.asyncExec(() -> outcome.accept(o));
            }
        });
        job.schedule();
        return job;
    }

    private void logout() {
        ServiceState s = selected();
        if (s == null || s.tap() == null) {
            return;
        }
        boolean was = sessions.now().map(m -> m.logout(s.tap())).orElse(false);
        status.setText(was ? "Logged out of " + s.name() : "Not logged in to " + s.name());
        refresh();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (registry != null) {
            registry.now().ifPresent(r -> r.removeListener(logoutListener));
        }
        for (Services<?> s : java.util.Arrays.asList(catalogue, factory, sessions, store, registry)) {
            if (s != null) {
                s.close();
            }
        }
        super.dispose();
    }
}
