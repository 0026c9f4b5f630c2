package org.astrolabe.ui.internal.services;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.Profile;
import org.astrolabe.core.registry.ServiceAddress;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.ServicesViews;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Adds or edits a user's service: short name, title, profile, TAP base URL or ivo:// identifier.
 * The values are checked by {@link Archive}'s constructor as they are typed; OK is enabled only for
 * a valid archive. UI thread only.
 */
final class ServiceDialog extends TitleAreaDialog {

    private final Archive initial;
    private Text name;
    private Text title;
    private Combo profile;
    private Text tap;
    private Archive archive;

    /** @param initial the archive to edit, or {@code null} to add one */
    ServiceDialog(Shell parent, Archive initial) {
        super(parent);
        this.initial = initial;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(initial == null ? "Add Service" : "Edit Service");
        shell.setData(AstrolabeUi.WIDGET_KEY, ServicesViews.SERVICE_DIALOG_WIDGET);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(initial == null ? "Add a TAP service" : "Edit the service " + initial.name());
        setMessage("Give a short name and the TAP base URL or the service's ivo:// identifier.");
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(form);
        name = field(form, "&Name:", ServicesViews.SERVICE_NAME_WIDGET);
        title = field(form, "&Title:", ServicesViews.SERVICE_TITLE_WIDGET);
        new Label(form, SWT.NONE).setText("&Profile:");
        profile = new Combo(form, SWT.READ_ONLY);
        profile.setItems("obscore", "caom2");
        profile.select(0);
        profile.setData(AstrolabeUi.WIDGET_KEY, ServicesViews.SERVICE_PROFILE_WIDGET);
        tap = field(form, "TAP &URL or ivo:// id:", ServicesViews.SERVICE_TAP_WIDGET);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(tap);
        if (initial != null) {
            name.setText(initial.name());
            name.setEditable(false);
            title.setText(initial.title());
            profile.select(initial.profile() == Profile.CAOM2 ? 1 : 0);
            tap.setText(initial.tap().toString());
        }
        name.addListener(SWT.Modify, e -> validate());
        tap.addListener(SWT.Modify, e -> validate());
        return area;
    }

    private static Text field(Composite form, String label, String widget) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        text.setData(AstrolabeUi.WIDGET_KEY, widget);
        return text;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private void validate() {
        var ok = getButton(IDialogConstants.OK_ID);
        if (ok == null) {
            return;
        }
        try {
            build();
            setErrorMessage(null);
            ok.setEnabled(true);
        } catch (IllegalArgumentException e) {
            setErrorMessage(name.getText().isBlank() && tap.getText().isBlank() ? null : e.getMessage());
            ok.setEnabled(false);
        }
    }

    private Archive build() {
        String tapText = tap.getText().strip();
        if (tapText.isEmpty()) {
            throw new IllegalArgumentException("Give the TAP base URL or the ivo:// identifier");
        }
        Archive base = Archive.of(name.getText().strip(), Profile.parse(profile.getText()),
                ServiceAddress.parse(tapText));
        if (initial == null) {
            return new Archive(base.name(), title.getText().strip(), base.profile(), base.tap(), null, null, null,
                    null, null, null, "", false);
        }
        return new Archive(initial.name(), title.getText().strip(), base.profile(), base.tap(), initial.dataLink(),
                initial.login(), initial.coneSearch(), initial.sia(), initial.sia2(), initial.registry(),
                initial.dataLinkRequest(), false);
    }

    @Override
    protected void okPressed() {
        archive = build();
        super.okPressed();
    }

    /** @return the archive the user confirmed, after OK */
    Archive archive() {
        return archive;
    }
}
