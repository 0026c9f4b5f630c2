package org.astrolabe.ui.tests;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.astrolabe.core.votable.ColumnDescription;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.ResultRowsSelection;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;

/**
 * Selects rows of the Results view the way a user does (table selection and its event), so that
 * the view publishes them through the workbench selection service. While the Results view of this
 * build has no selection provider of its own, a stand-in on the view's site publishes the same
 * {@link ResultRowsSelection} the view will (columns from the header, the cells' text as values),
 * so that the DataLink view is still reached through the selection service and nothing else.
 */
final class RowPicker {

    private RowPicker() {
    }

    /** Selects {@code rows} (0-based) of the Results table and lets the selection reach listeners. */
    static void select(IWorkbenchPage page, Table table, int... rows) {
        IViewPart results = page.findView(AstrolabeUi.RESULTS_VIEW_ID);
        ISelectionProvider own = results.getSite().getSelectionProvider();
        if (own == null) {
            // The selection service follows a part's provider from its next activation on.
            results.getSite().setSelectionProvider(new StandIn());
            page.activate(page.findView(AstrolabeUi.QUERY_VIEW_ID));
            UiWait.processEvents();
        }
        page.activate(results);
        table.setFocus();
        table.setSelection(rows);
        Event event = new Event();
        event.item = table.getItem(rows[0]);
        table.notifyListeners(SWT.Selection, event);
        ISelectionProvider provider = results.getSite().getSelectionProvider();
        if (provider instanceof StandIn standIn) {
            standIn.publish(selectionOf(table, rows));
            // The compatibility layer reads a late provider's selection when its part is activated.
            page.activate(page.findView(AstrolabeUi.QUERY_VIEW_ID));
            UiWait.processEvents();
            page.activate(results);
        }
        UiWait.spin(Duration.ofMillis(300));
    }

    private static ResultRowsSelection selectionOf(Table table, int... rows) {
        List<ColumnDescription> columns = new ArrayList<>();
        for (int c = 1; c < table.getColumnCount(); c++) { // column 0 is the row number
            columns.add(new ColumnDescription(table.getColumn(c).getText(), "char", "", "", "", String.class));
        }
        List<ResultRowsSelection.Row> selected = new ArrayList<>();
        for (int r : rows) {
            List<Object> values = new ArrayList<>();
            for (int c = 1; c < table.getColumnCount(); c++) {
                values.add(table.getItem(r).getText(c));
            }
            selected.add(new ResultRowsSelection.Row(r, values));
        }
        return new ResultRowsSelection(Optional.of(URI.create(TestServer.URL)), columns, selected, rows.length);
    }

    /** Publishes selections as a part's selection provider does (post selection included). */
    private static final class StandIn implements org.eclipse.jface.viewers.IPostSelectionProvider {
        private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
        private final ListenerList<ISelectionChangedListener> postListeners = new ListenerList<>();
        private ISelection selection = org.eclipse.jface.viewers.StructuredSelection.EMPTY;

        void publish(ISelection s) {
            selection = s;
            SelectionChangedEvent e = new SelectionChangedEvent(this, s);
            listeners.forEach(l -> l.selectionChanged(e));
            postListeners.forEach(l -> l.selectionChanged(e));
        }

        @Override
        public void addSelectionChangedListener(ISelectionChangedListener l) {
            listeners.add(l);
        }

        @Override
        public ISelection getSelection() {
            return selection;
        }

        @Override
        public void removeSelectionChangedListener(ISelectionChangedListener l) {
            listeners.remove(l);
        }

        @Override
        public void setSelection(ISelection s) {
            publish(s);
        }

        @Override
        public void addPostSelectionChangedListener(ISelectionChangedListener l) {
            postListeners.add(l);
        }

        @Override
        public void removePostSelectionChangedListener(ISelectionChangedListener l) {
            postListeners.remove(l);
        }
    }
}
