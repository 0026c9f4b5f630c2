package org.astrolabe.ui.internal.prefs;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Window → Preferences → Astrolabe: network time-outs, the default MAXREC and the Jobs view's
 * refresh period. Values are checked as they are typed; a query started afterwards uses them.
 */
public final class AstrolabePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    /** Creates the page with a grid of labelled fields. */
    public AstrolabePreferencePage() {
        super(GRID);
        setDescription("Settings for Astrolabe's TAP queries and async jobs.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(UiPreferences.workbench().store());
    }

    @Override
    protected void createFieldEditors() {
        add(UiPreferences.CONNECT_TIMEOUT, "&Connect time-out (s):", 1, 3600);
        add(UiPreferences.READ_TIMEOUT, "&Read time-out (s):", 1, 3600);
        add(UiPreferences.DEFAULT_MAXREC, "Default &MAXREC (rows):", 0, Integer.MAX_VALUE);
        add(UiPreferences.JOBS_REFRESH, "&Jobs view refresh while a job runs (s):", 1, 600);
    }

    private void add(String key, String label, int min, int max) {
        IntegerFieldEditor field = new IntegerFieldEditor(key, label, getFieldEditorParent(), 10);
        field.setValidRange(min, max);
        field.setErrorMessage(label.replace("&", "").replace(":", "") + " must be a whole number from " + min
                + " to " + max);
        addField(field);
    }
}
