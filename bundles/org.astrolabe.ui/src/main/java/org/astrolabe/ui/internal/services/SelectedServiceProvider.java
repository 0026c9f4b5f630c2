package org.astrolabe.ui.internal.services;

import java.util.ArrayList;
import java.util.List;

import org.astrolabe.ui.SelectedService;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;

/** Publishes the table's selection as {@link SelectedService}s. */
final class SelectedServiceProvider implements org.eclipse.jface.viewers.ISelectionProvider {
    private final TableViewer viewer;
    private final org.eclipse.core.runtime.ListenerList<org.eclipse.jface.viewers.ISelectionChangedListener> listeners =
            new org.eclipse.core.runtime.ListenerList<>();

    SelectedServiceProvider(TableViewer viewer) {
        this.viewer = viewer;
        viewer.addPostSelectionChangedListener(e -> {
            var event = new org.eclipse.jface.viewers.SelectionChangedEvent(this, getSelection());
            listeners.forEach(l -> l.selectionChanged(event));
        });
    }

    @Override
    public ISelection getSelection() {
        List<SelectedService> chosen = new ArrayList<>();
        for (Object o : viewer.getStructuredSelection()) {
            ServiceState s = (ServiceState) o;
            chosen.add(new SelectedService(s.name(), s.tap()));
        }
        return new StructuredSelection(chosen);
    }

    @Override
    public void setSelection(ISelection selection) {
        // Other parts do not choose the view's service.
    }

    @Override
    public void addSelectionChangedListener(org.eclipse.jface.viewers.ISelectionChangedListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(org.eclipse.jface.viewers.ISelectionChangedListener listener) {
        listeners.remove(listener);
    }
}
