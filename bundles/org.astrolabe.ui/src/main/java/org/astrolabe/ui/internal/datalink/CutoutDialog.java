package org.astrolabe.ui.internal.datalink;

import java.nio.file.Path;
import java.util.Optional;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.datalink.ServiceDescriptor;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.astrolabe.datalink.soda.CutoutService;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.DataViews;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/**
 * Asks what to cut out of one dataset with SODA: circle, polygon, band, time and polarisation,
 * each offered only when the dataset's service descriptor takes it, prefilled from the selected
 * row's position and the descriptor's limits ({@link CutoutDefaults}); and whether to send it
 * synchronously (GET or POST) or as an async job. Every change is checked at once, against the
 * descriptor too (through {@link CutoutService#parameters}, which sends nothing), and OK stays
 * disabled with the reason shown while the values cannot be sent. UI thread only.
 */
final class CutoutDialog extends TitleAreaDialog {

    /**
     * What the user chose.
     *
     * @param descriptor the descriptor to send the request to
     * @param request what to cut
     * @param mode how to send it
     */
    record Choice(ServiceDescriptor descriptor, CutoutRequest request, CutoutService.Mode mode) {
    }

    private final String datasetId;
    private final ServiceDescriptor sync;
    private final ServiceDescriptor async;
    private final CutoutDefaults defaults;
    private final Optional<CutoutService> service;
    private final Path folder;

    private Field circle;
    private Field polygon;
    private Field band;
    private Field time;
    private Field pol;
    private Combo mode;
    private CLabel message;
    private Choice choice;

    /**
     * @param sync the dataset's SODA sync descriptor, or {@code null}
     * @param async its SODA async descriptor, or {@code null}; one of the two must be given
     * @param service the cutout service for checking the values, if it is running
     */
    CutoutDialog(Shell parent, String datasetId, ServiceDescriptor sync, ServiceDescriptor async,
            Optional<double[]> rowPosition, Optional<CutoutService> service, Path folder) {
        super(parent);
        this.datasetId = datasetId;
        this.sync = sync;
        this.async = async;
        this.defaults = CutoutDefaults.of(sync != null ? sync : async, rowPosition);
        this.service = service;
        this.folder = folder;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** @return the choice after OK, else {@code null} */
    Choice choice() {
        return choice;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("SODA Cutout");
        shell.setData(AstrolabeUi.WIDGET_KEY, DataViews.CUTOUT_DIALOG_WIDGET);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Cut out " + shortName(datasetId));
        setMessage("Values come from the selected row's position and the dataset's limits. Angles in degrees (ICRS), "
                + "band in metres, time in MJD.");
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout layout = new GridLayout(3, false);
        layout.marginWidth = 10;
        layout.marginHeight = 10;
        layout.horizontalSpacing = 8;
        form.setLayout(layout);
        circle = new Field(form, "Circle", DataViews.CUTOUT_CIRCLE_WIDGET, "ra dec radius", defaults.circle(), true);
        polygon = new Field(form, "Polygon", DataViews.CUTOUT_POLYGON_WIDGET, "ra1 dec1 ra2 dec2 ra3 dec3 …",
                defaults.polygon(), false);
        band = new Field(form, "Band", DataViews.CUTOUT_BAND_WIDGET, "lower upper (m)", defaults.band(), false);
        time = new Field(form, "Time", DataViews.CUTOUT_TIME_WIDGET, "start end (MJD)", defaults.time(), false);
        Optional<String> pols = defaults.takesPol()
                ? Optional.of(defaults.pols().isEmpty() ? "I" : String.join(" ", defaults.pols()))
                : Optional.empty();
        pol = new Field(form, "Polarisation", DataViews.CUTOUT_POL_WIDGET,
                defaults.pols().isEmpty() ? "states, e.g. I Q U" : "of " + String.join(", ", defaults.pols()), pols,
                false);

        new Label(form, SWT.NONE).setText("Send as:");
        mode = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
        mode.setData(AstrolabeUi.WIDGET_KEY, DataViews.CUTOUT_MODE_WIDGET);
        if (sync != null) {
            mode.add("Sync request (GET)");
            mode.add("Sync request (POST)");
        }
        if (async != null) {
            mode.add("Async job (UWS)");
        }
        mode.select(0);
        mode.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        mode.addListener(SWT.Selection, e -> validate());

        new Label(form, SWT.NONE).setText("Save in:");
        Label target = new Label(form, SWT.NONE);
        target.setText(folder.toString());
        target.setToolTipText("Change it in Preferences > Astrolabe > Downloads");
        target.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        message = new CLabel(area, SWT.NONE);
        message.setData(AstrolabeUi.WIDGET_KEY, DataViews.CUTOUT_MESSAGE_WIDGET);
        GridData messageData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        messageData.horizontalIndent = 10;
        message.setLayoutData(messageData);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Cut Out", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private static String shortName(String id) {
        int cut = Math.max(id.lastIndexOf('/'), id.lastIndexOf('?'));
        return cut >= 0 && cut < id.length() - 1 ? id.substring(cut + 1) : id;
    }

    private CutoutService.Mode selectedMode() {
        String text = mode.getText();
        return text.startsWith("Async") ? CutoutService.Mode.ASYNC
                : text.contains("POST") ? CutoutService.Mode.POST : CutoutService.Mode.GET;
    }

    private void validate() {
        if (message == null || getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        String problem = null;
        choice = null;
        try {
            CutoutRequest request = new CutoutInput(circle.value(), polygon.value(), band.value(), time.value(),
                    pol.value()).toRequest(datasetId);
            CutoutService.Mode m = selectedMode();
            ServiceDescriptor descriptor = m == CutoutService.Mode.ASYNC ? async : sync;
            if (service.isPresent()) {
                service.get().parameters(descriptor, request);
            }
            choice = new Choice(descriptor, request, m);
        } catch (IllegalArgumentException | InvalidInputException e) {
            problem = e.getMessage();
        }
        getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
        message.setImage(problem == null ? null
                : PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_ERROR_TSK));
        message.setText(problem == null ? "" : problem);
        message.getParent().layout(true);
    }

    @Override
    protected void okPressed() {
        validate();
        if (choice != null) {
            super.okPressed();
        }
    }

    /** One optional constraint: a check box, a text, a hint. */
    private final class Field {
        private final Button use;
        private final Text text;

        Field(Composite parent, String label, String name, String hint, Optional<String> value, boolean checked) {
            use = new Button(parent, SWT.CHECK);
            use.setText(label);
            use.setData(AstrolabeUi.WIDGET_KEY, name + DataViews.USE_SUFFIX);
            text = new Text(parent, SWT.BORDER | SWT.SINGLE);
            text.setData(AstrolabeUi.WIDGET_KEY, name);
            text.setMessage(hint);
            GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
            data.widthHint = 380;
            text.setLayoutData(data);
            Label hintLabel = new Label(parent, SWT.NONE);
            hintLabel.setText(hint);
            boolean offered = value.isPresent();
            use.setEnabled(offered);
            use.setSelection(offered && checked);
            text.setText(value.orElse(""));
            text.setEnabled(offered && checked);
            if (!offered) {
                use.setToolTipText("The dataset's service does not take " + label.toUpperCase(java.util.Locale.ROOT));
            }
            use.addListener(SWT.Selection, e -> {
                text.setEnabled(use.getSelection());
                validate();
            });
            text.addListener(SWT.Modify, e -> validate());
        }

        /** @return the text when the box is ticked, else {@code null} */
        String value() {
            return use.getSelection() ? text.getText() : null;
        }
    }
}
