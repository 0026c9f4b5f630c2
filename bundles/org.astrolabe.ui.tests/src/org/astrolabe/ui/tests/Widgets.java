package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayDeque;
import java.util.Deque;

import org.astrolabe.ui.AstrolabeUi;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Widget;

/** Finds Astrolabe's widgets by the name stored under {@link AstrolabeUi#WIDGET_KEY}, like SWTBot's withId. */
final class Widgets {

    private Widgets() {
    }

    /** @return the widget named {@code name} under {@code root}; fails the test if there is none */
    static <T extends Control> T find(Composite root, String name, Class<T> type) {
        T found = findOrNull(root, name, type);
        assertNotNull(found, "No " + type.getSimpleName() + " named '" + name + "' in the workbench window");
        return found;
    }

    static <T extends Control> T findOrNull(Composite root, String name, Class<T> type) {
        Deque<Control> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Control control = todo.poll();
            if (name.equals(control.getData(AstrolabeUi.WIDGET_KEY)) && type.isInstance(control)) {
                return type.cast(control);
            }
            if (control instanceof Composite composite) {
                for (Control child : composite.getChildren()) {
                    todo.add(child);
                }
            }
        }
        return null;
    }

    /** Sends a selection event, as a click on a button does. */
    static void click(Widget button) {
        Event event = new Event();
        event.widget = button;
        button.notifyListeners(SWT.Selection, event);
    }
}
