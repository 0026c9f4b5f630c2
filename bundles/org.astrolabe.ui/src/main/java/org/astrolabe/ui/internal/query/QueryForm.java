package org.astrolabe.ui.internal.query;

import org.astrolabe.ui.AstrolabeUi;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

/**
 * The widgets of the TAP Query view and their layout: service URL, ADQL, MAXREC, a line for
 * problems with the form, Run and Cancel. Holds no behaviour beyond enabling the buttons. UI
 * thread only.
 */
final class QueryForm {

    private static final int MIN_BUTTON_WIDTH = 96;
    private static final int ADQL_LINES = 6;

    final Text url;
    final StyledText adql;
    final Spinner maxrec;
    final CLabel message;
    final Button run;
    final Button cancel;

    QueryForm(Composite parent) {
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
        adql = new StyledText(parent, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        adql.setFont(JFaceResources.getTextFont());
        adql.setMargins(4, 3, 4, 3);
        adql.setAlwaysShowScrollBars(false);
        adql.setToolTipText("The ADQL query; Ctrl+Enter runs it");
        adql.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.ADQL_WIDGET);
        GridData adqlData = new GridData(SWT.FILL, SWT.FILL, true, true);
        adqlData.heightHint = adql.getLineHeight() * ADQL_LINES;
        adqlData.minimumHeight = adql.getLineHeight() * 2;
        adql.setLayoutData(adqlData);

        label(parent, "&MAXREC:", SWT.CENTER);
        Composite bottom = new Composite(parent, SWT.NONE);
        bottom.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        GridLayout bottomLayout = new GridLayout(4, false);
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

        message = new CLabel(bottom, SWT.NONE);
        message.setData(AstrolabeUi.WIDGET_KEY, AstrolabeUi.FORM_MESSAGE_WIDGET);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        run = button(bottom, "&Run", "Run the query (Ctrl+Enter)", AstrolabeUi.RUN_WIDGET);
        cancel = button(bottom, "&Cancel", "Cancel the running query", AstrolabeUi.CANCEL_WIDGET);
        setRunning(false);
    }

    /** Enables Run or Cancel, whichever applies. */
    void setRunning(boolean running) {
        run.setEnabled(!running);
        cancel.setEnabled(running);
    }

    /** Shows why the form cannot run, or clears the line when {@code problem} is empty. */
    void showProblem(String problem) {
        message.setText(problem);
        message.setToolTipText(problem.isEmpty() ? null : problem);
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
