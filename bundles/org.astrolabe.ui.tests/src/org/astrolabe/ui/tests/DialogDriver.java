package org.astrolabe.ui.tests;

import java.util.ArrayDeque;
import java.util.Deque;

import org.astrolabe.ui.AstrolabeUi;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Drives a modal dialog: the test registers what to do with the dialog's shell, then opens it; the
 * action runs from the dialog's own event loop. Failures inside are kept and rethrown by
 * {@link #check()}; a dialog left open by a failure is closed.
 */
final class DialogDriver {

    private final String shellName;
    /** What the test does with the dialog. */
    @FunctionalInterface
    interface Action {
        void accept(Shell shell) throws Exception;
    }

    private final Action action;
    private Throwable failure;
    private boolean ran;

    private DialogDriver(String shellName, Action action) {
        this.shellName = shellName;
        this.action = action;
    }

    /**
     * @param shellName the dialog shell's widget name, or the start of its title
     * @param action what to do with the dialog; it should close it
     */
    static DialogDriver whenOpen(String shellName, Action action) {
        DialogDriver driver = new DialogDriver(shellName, action);
        Display.getCurrent().asyncExec(driver::attempt);
        return driver;
    }

    private void attempt() {
        Shell shell = find();
        if (shell == null) {
            Display.getCurrent().timerExec(50, this::attempt);
            return;
        }
        ran = true;
        try {
            action.accept(shell);
        } catch (Throwable t) {
            failure = t;
            if (!shell.isDisposed()) {
                shell.close();
            }
        }
    }

    private Shell find() {
        for (Shell shell : Display.getCurrent().getShells()) {
            if (shell.isVisible() && shell.getParent() != null
                    && (shellName.equals(shell.getData(AstrolabeUi.WIDGET_KEY)) || shell.getText().startsWith(shellName))) {
                return shell;
            }
        }
        return null;
    }

    /** Rethrows what failed inside the dialog; fails when the dialog never opened. */
    void check() throws Exception {
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (!ran) {
            throw new AssertionError("The dialog " + shellName + " did not open");
        }
    }

    static Button button(Composite root, String text) {
        Deque<Control> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Control c = todo.poll();
            if (c instanceof Button b && b.getText().replace("&", "").equals(text)) {
                return b;
            }
            if (c instanceof Composite composite) {
                todo.addAll(java.util.List.of(composite.getChildren()));
            }
        }
        throw new AssertionError("No button '" + text + "'");
    }

    /** @return the text field that follows the label with that text (field editors) */
    static Text textAfterLabel(Composite root, String label) {
        Deque<Control> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Control c = todo.poll();
            if (c instanceof Label l && l.getText().equals(label)) {
                Control[] siblings = l.getParent().getChildren();
                for (int i = java.util.Arrays.asList(siblings).indexOf(l) + 1; i < siblings.length; i++) {
                    if (siblings[i] instanceof Text t) {
                        return t;
                    }
                }
            }
            if (c instanceof Composite composite) {
                todo.addAll(java.util.List.of(composite.getChildren()));
            }
        }
        throw new AssertionError("No text field after the label '" + label + "'");
    }

    /** @return the visible widget of that name (several views of one kind may exist) */
    static <T extends Control> T findVisible(Composite root, String name, Class<T> type) {
        Deque<Control> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Control c = todo.poll();
            if (name.equals(c.getData(AstrolabeUi.WIDGET_KEY)) && type.isInstance(c) && c.isVisible()) {
                return type.cast(c);
            }
            if (c instanceof Composite composite) {
                todo.addAll(java.util.List.of(composite.getChildren()));
            }
        }
        throw new AssertionError("No visible " + type.getSimpleName() + " named '" + name + "'");
    }
}
