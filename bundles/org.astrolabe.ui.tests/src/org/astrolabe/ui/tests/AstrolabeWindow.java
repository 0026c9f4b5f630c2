package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;

import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.internal.results.ResultsView;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;

/** The workbench window with the Astrolabe perspective open, seen the way a user sees it. UI thread only. */
final class AstrolabeWindow {

    static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

    final IWorkbenchWindow window;
    final IWorkbenchPage page;
    final Shell shell;

    private AstrolabeWindow(IWorkbenchWindow window) {
        this.window = window;
        this.page = window.getActivePage();
        this.shell = window.getShell();
    }

    /** Opens the Astrolabe perspective, reset to its initial layout, in a window filling the screen. */
    static AstrolabeWindow open() throws WorkbenchException {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        assertNotNull(window, "The workbench has no window");
        PlatformUI.getWorkbench().showPerspective(AstrolabeUi.PERSPECTIVE_ID, window);
        window.getActivePage().resetPerspective();
        fillScreen(window.getShell());
        AstrolabeWindow astrolabe = new AstrolabeWindow(window);
        astrolabe.waitUntilIdle();
        return astrolabe;
    }

    /** Makes the window's visible area cover the screen, also when no window manager draws a frame. */
    private static void fillScreen(Shell shell) {
        Rectangle screen = shell.getDisplay().getPrimaryMonitor().getClientArea();
        shell.setBounds(screen);
        UiWait.processEvents();
        Rectangle visible = Screenshots.windowArea(shell);
        int missingWidth = screen.width - visible.width;
        int missingHeight = screen.height - visible.height;
        if (missingWidth > 0 || missingHeight > 0) {
            shell.setBounds(screen.x, screen.y, screen.width + Math.max(0, missingWidth),
                    screen.height + Math.max(0, missingHeight));
            UiWait.processEvents();
        }
    }

    Text serviceUrl() {
        return Widgets.find(shell, AstrolabeUi.SERVICE_URL_WIDGET, Text.class);
    }

    StyledText adql() {
        return Widgets.find(shell, AstrolabeUi.ADQL_WIDGET, StyledText.class);
    }

    Spinner maxrec() {
        return Widgets.find(shell, AstrolabeUi.MAXREC_WIDGET, Spinner.class);
    }

    Button run() {
        return Widgets.find(shell, AstrolabeUi.RUN_WIDGET, Button.class);
    }

    Button cancel() {
        return Widgets.find(shell, AstrolabeUi.CANCEL_WIDGET, Button.class);
    }

    CLabel formMessage() {
        return Widgets.find(shell, AstrolabeUi.FORM_MESSAGE_WIDGET, CLabel.class);
    }

    CLabel status() {
        return Widgets.find(shell, AstrolabeUi.STATUS_WIDGET, CLabel.class);
    }

    CLabel truncation() {
        return Widgets.find(shell, AstrolabeUi.TRUNCATION_WIDGET, CLabel.class);
    }

    CLabel error() {
        return Widgets.find(shell, AstrolabeUi.ERROR_WIDGET, CLabel.class);
    }

    StyledText errorDetail() {
        return Widgets.find(shell, AstrolabeUi.ERROR_DETAIL_WIDGET, StyledText.class);
    }

    Table resultTable() {
        return Widgets.find(shell, AstrolabeUi.RESULT_TABLE_WIDGET, Table.class);
    }

    private ResultsView resultsView() {
        return (ResultsView) page.findView(AstrolabeUi.RESULTS_VIEW_ID);
    }

    /** @return how many rows the Results view's table scrolls through */
    int resultRows() {
        return resultsView().rowCount();
    }

    /** @return the text the Results view shows for a cell, after scrolling to its row */
    String cell(int row, int column) {
        String text = resultsView().shownText(row, column);
        UiWait.processEvents();
        return text;
    }

    /** Fills the Query view's form. */
    void fill(String url, String query, int rowLimit) {
        Text upload = Widgets.findOrNull(shell, AstrolabeUi.UPLOAD_WIDGET, Text.class);
        if (upload != null) {
            upload.setText("");
        }
        serviceUrl().setText(url);
        adql().setText(query);
        maxrec().setSelection(rowLimit);
    }

    /** Presses Run and waits until the query job has ended and its outcome is on screen. */
    void runAndWait() {
        Widgets.click(run());
        waitForOutcome();
    }

    /** Presses Ctrl+Enter in the ADQL editor and waits until the query's outcome is on screen. */
    void pressCtrlEnterAndWait() {
        Event key = new Event();
        key.keyCode = SWT.CR;
        key.character = '\r';
        key.stateMask = SWT.MOD1;
        adql().setFocus();
        adql().notifyListeners(SWT.KeyDown, key);
        waitForOutcome();
    }

    private void waitForOutcome() {
        UiWait.until(() -> Job.getJobManager().find(JobFamilies.TAP_QUERY).length > 0 || !run().isEnabled()
                || !formMessage().getText().isEmpty(), Duration.ofSeconds(5), "the query to start", this::describe);
        waitUntilIdle();
    }

    /** Waits until no Astrolabe query runs and Run is enabled again. */
    void waitUntilIdle() {
        UiWait.until(() -> Job.getJobManager().find(JobFamilies.TAP_QUERY).length == 0 && run().isEnabled(),
                QUERY_TIMEOUT, "the query to end", this::describe);
        UiWait.spin(Duration.ofMillis(200));
    }

    /** @return what the Results view and the form say, for failure messages */
    String describe() {
        return "status='" + status().getText() + "', error='" + (error().isVisible() ? error().getText() : "")
                + "', detail='" + (errorDetail().isVisible() ? errorDetail().getText() : "") + "', form='"
                + formMessage().getText() + "', rows=" + resultRows();
    }
}
