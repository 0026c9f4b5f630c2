package org.astrolabe.ui.internal.services;

import java.net.URI;
import java.util.function.Function;

import org.astrolabe.auth.SessionManager;
import org.astrolabe.ui.internal.Services;
import org.astrolabe.ui.internal.login.LoginJob;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;

/** The Services view's columns: name, profile, TAP address, availability, login. UI thread only. */
final class ServiceColumns {

    private ServiceColumns() {
    }

    static void create(TableViewer viewer, Services<SessionManager> sessions) {
        column(viewer, "Name", 90, s -> s.name() + (s.archive().preset() ? "" : " (yours)"), null);
        column(viewer, "Profile", 62, s -> s.archive().profile().name().toLowerCase(java.util.Locale.ROOT), null);
        column(viewer, "TAP service", 245, s -> s.archive().tap().toString(), s -> tooltip(s));
        column(viewer, "Availability", 100, s -> ServiceState.headline(s.availability()), ServiceState::availability);
        column(viewer, "Login", 85, s -> ServiceState.headline(login(s, sessions)), s -> login(s, sessions));
    }

    private static String tooltip(ServiceState s) {
        String title = s.archive().title().isEmpty() ? s.name() : s.archive().title();
        return s.archive().tap().isIvoId() && s.tap() != null ? title + "\nresolved to " + s.tap() : title;
    }

    /** @return the login state of the row's archive, "" when not logged in or not resolved */
    static String login(ServiceState s, Services<SessionManager> sessions) {
        URI tap = s.tap();
        if (tap == null) {
            return "";
        }
        return sessions.now().flatMap(m -> m.session(tap)).map(a -> "logged in (" + LoginJob.describe(a) + ")")
                .orElse("");
    }

    private static void column(TableViewer viewer, String title, int width, Function<ServiceState, String> text,
            Function<ServiceState, String> tip) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.getColumn().setResizable(true);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ServiceState) element);
            }

            @Override
            public String getToolTipText(Object element) {
                return tip == null ? null : tip.apply((ServiceState) element);
            }

            @Override
            public Color getForeground(Object element) {
                ServiceState s = (ServiceState) element;
                if (title.equals("Availability") && !s.availability().startsWith("available")
                        && !s.availability().equals(ServiceState.CHECKING)) {
                    return Display.getCurrent().getSystemColor(SWT.COLOR_DARK_RED);
                }
                return null;
            }
        });
    }
}
