package org.astrolabe.ui.internal.query;

import java.util.function.Supplier;

import org.astrolabe.core.votable.TableFormat;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.internal.adql.AdqlViewerConfiguration;
import org.astrolabe.ui.internal.adql.CompletionModel;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/**
 * The widgets of the TAP Query view and their layout: service URL, the ADQL editor (a JFace
 * source viewer with colouring and content assist), an optional upload, MAXREC, a line for
 * problems with the form, Templates, Run, Run async and Cancel. Holds no behaviour beyond enabling
 * the buttons. UI thread only.
 */
final class QueryForm {

    private static final int MIN_BUTTON_WIDTH = 88;
    private static final int ADQL_LINES = 6;
    private static final String RESULTS_VIEW_ONLY = "Results view";

    final Text url;
    final SourceViewer viewer;
    final StyledText adql;
    final Text upload;
    final Combo output;
    final Spinner maxrec;
    final CLabel message;
    final Button templates;
    final Button run;
    final Button runAsync;
    final Button cancel;

    /** @return the file format chosen in the Output combo, or empty for the Results view only */
    java.util.Optional<TableFormat> outputFormat() {
        int index = output.getSelectionIndex();
        return index <= 0 ? java.util.Optional.empty() : java.util.Optional.of(TableFormat.values()[index - 1]);
    }

    QueryForm(Composite parent, Supplier<CompletionModel> model) {
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 8;
        layout.marginHeight = 8;
        layout.horizontalSpacing = 8;
        parent.setLayout(layout);

        label(parent, "&Service URL:", SWT.CENTER);
        url = new Text(parent, SWT.SINGLE | SWT.BORDER);
        url.setMessage("Base URL of a TAP service, e.g. https://archive.example.org/tap");
        url.setToolTipText("The TAP service's base URL (the one /sync and /tables hang off)");
        url.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.SERVICE_URL_WIDGET);
        url.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        label(parent, "&ADQL:", SWT.TOP);
        viewer = new SourceViewer(parent, null, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.configure(new AdqlViewerConfiguration(model));
        viewer.setDocument(new Document());
        adql = viewer.getTextWidget();
        adql.setFont(JFaceResources.getTextFont());
        adql.setMargins(4, 3, 4, 3);
        adql.setAlwaysShowScrollBars(false);
        adql.setToolTipText("ADQL; Ctrl+Space completes tables and columns, Ctrl+Enter runs, Ctrl+Shift+Enter runs "
                + "as an async job");
        adql.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.ADQL_WIDGET);
        GridData adqlData = new GridData(SWT.FILL, SWT.FILL, true, true);
        adqlData.heightHint = adql.getLineHeight() * ADQL_LINES;
        adqlData.minimumHeight = adql.getLineHeight() * 2;
        viewer.getControl().setLayoutData(adqlData);

        label(parent, "&Upload:", SWT.CENTER);
        Composite middle = new Composite(parent, SWT.NONE);
        middle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout middleLayout = new GridLayout(3, false);
        middleLayout.marginWidth = 0;
        middleLayout.marginHeight = 0;
        middle.setLayout(middleLayout);
        upload = new Text(middle, SWT.SINGLE | SWT.BORDER);
        upload.setMessage("optional: name=/path/to/table.vot (VOTable, CSV, FITS)");
        upload.setToolTipText("A local table sent with the query (VOTable, CSV or FITS); in ADQL it is TAP_UPLOAD.name");
        upload.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.UPLOAD_WIDGET);
        upload.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        label(parent, "&MAXREC:", SWT.CENTER);
        Composite bottom = new Composite(parent, SWT.NONE);
        bottom.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout bottomLayout = new GridLayout(6, false);
        bottomLayout.marginWidth = 0;
        bottomLayout.marginHeight = 0;
        bottom.setLayout(bottomLayout);

        maxrec = new Spinner(bottom, SWT.BORDER);
        maxrec.setValues(QueryDefaults.MAXREC, 0, Integer.MAX_VALUE, 0, 1_000, 10_000);
        maxrec.setToolTipText("Most rows the service should return (sent as MAXREC); "
                + "the service may apply a lower limit of its own");
        maxrec.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.MAXREC_WIDGET);
        GridData maxrecData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        maxrecData.widthHint = Math.max(maxrec.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, 140);
        maxrec.setLayoutData(maxrecData);

        Label outputLabel = new Label(middle, SWT.NONE);
        outputLabel.setText("&Output:");
        GridData outputLabelData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        outputLabelData.horizontalIndent = 8;
        outputLabel.setLayoutData(outputLabelData);
        output = new Combo(middle, SWT.READ_ONLY | SWT.DROP_DOWN);
        output.add(RESULTS_VIEW_ONLY);
        for (TableFormat format : TableFormat.values()) {
            output.add("View + " + format.id().toUpperCase(java.util.Locale.ROOT) + " file");
        }
        output.select(0);
        output.setToolTipText("Where the result goes: the Results view, or the view and a file in the chosen format "
                + "(asked for when the query runs)");
        output.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.OUTPUT_WIDGET);

        Label spacer = new Label(bottom, SWT.NONE);
        spacer.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        templates = button(bottom, "&Templates ▾", "Insert a query template: cone, box, polygon, join with an upload",
                AstrolabeUi.TEMPLATES_WIDGET);
        run = button(bottom, "&Run", "Run the query synchronously (Ctrl+Enter)", AstrolabeUi.RUN_WIDGET);
        runAsync = button(bottom, "Run as&ync", "Run the query as an async job, kept in the Jobs view "
                + "(Ctrl+Shift+Enter)", AstrolabeUi.RUN_ASYNC_WIDGET);
        cancel = button(bottom, "&Cancel", "Cancel the running query (Ctrl+.)", AstrolabeUi.CANCEL_WIDGET);

        message = new CLabel(parent, SWT.NONE);
        message.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.FORM_MESSAGE_WIDGET);
        GridData messageData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
        messageData.exclude = true;
        message.setLayoutData(messageData);
        message.setVisible(false);
        setRunning(false);
    }

    /** Enables Run or Cancel, whichever applies. */
    void setRunning(boolean running) {
        run.setEnabled(!running);
        runAsync.setEnabled(!running);
        cancel.setEnabled(running);
    }

    /** Shows why the form cannot run, or clears the line when {@code problem} is empty. */
    void showProblem(String problem) {
        message.setText(problem);
        message.setToolTipText(problem.isEmpty() ? null : problem);
        boolean show = !problem.isEmpty();
        if (message.getVisible() != show) {
            message.setVisible(show);
            ((GridData) message.getLayoutData()).exclude = !show;
            message.getParent().layout(true, true);
        }
        message.setImage(problem.isEmpty() ? null
                : PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJS_ERROR_TSK));
    }

    private static void label(Composite parent, String text, int verticalAlignment) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        GridData data = new GridData(SWT.LEFT, verticalAlignment, false, false);
        if (verticalAlignment == SWT.TOP) {
            data.verticalIndent = 3;
        }
        label.setLayoutData(data);
    }

    private static Button button(Composite parent, String text, String tooltip, String widgetName) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tooltip);
        button.setData(AstrolabeUi.WIDGET_KEY, widgetName);
        GridData data = new GridData(SWT.RIGHT, SWT.CENTER, false, false);
        data.widthHint = Math.max(button.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, MIN_BUTTON_WIDTH);
        button.setLayoutData(data);
        return button;
    }
}
