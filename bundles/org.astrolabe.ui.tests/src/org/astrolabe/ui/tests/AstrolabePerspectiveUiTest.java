package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Astrolabe perspective in a real workbench, running real queries against the local DaCHS
 * test server (releng/test-server: table astrolabe.sources, 1,000,000 rows, source_id 1..1000000,
 * columns source_id, ra, dec, mag, src_class). Tests that need the server are skipped when it is
 * not up. Runs on the UI thread; waits spin the event loop. Screenshots go to target/screenshots.
 * The tests do not depend on each other; they run in the order a user would meet the features so
 * that the screenshots tell that story.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AstrolabePerspectiveUiTest {

    private static final String COLUMNS = "source_id, ra, dec, mag, src_class";

    private AstrolabeWindow ui;
    private ProductErrorLog errors;

    @BeforeEach
    void openPerspective() throws Exception {
        errors = ProductErrorLog.start();
        ui = AstrolabeWindow.open();
    }

    @AfterEach
    void noExceptionFromAstrolabe() {
        ui.waitUntilIdle();
        errors.stopAndCheck();
    }

    @Test
    @Order(1)
    void perspectiveShowsQueryAndResultsViews() throws Exception {
        assertEquals(AstrolabeUi.PERSPECTIVE_ID, ui.page.getPerspective().getId());
        assertNotNull(ui.page.findView(AstrolabeUi.QUERY_VIEW_ID), "Query view");
        assertNotNull(ui.page.findView(AstrolabeUi.RESULTS_VIEW_ID), "Results view");
        assertTrue(ui.serviceUrl().isVisible() && ui.adql().isVisible() && ui.run().isVisible());
        assertTrue(ui.resultTable().isVisible());
        assertFalse(ui.cancel().isEnabled(), "Cancel is only enabled while a query runs");
        assertEquals("", ui.serviceUrl().getText(), "no service URL is built in");
        assertTrue(ui.serviceUrl().getMessage().startsWith("Base URL of a TAP service"), ui.serviceUrl().getMessage());
        ui.adql().setFocus();
        Screenshots.save(ui.shell, "01-perspective");
    }

    @Test
    @Order(2)
    void emptyServiceUrlIsExplainedInTheForm() throws Exception {
        ui.fill("", "SELECT TOP 1 * FROM TAP_SCHEMA.tables", 10);
        Widgets.click(ui.run());
        UiWait.processEvents();
        assertTrue(ui.formMessage().getText().contains("Enter the base URL of a TAP service"),
                ui.formMessage().getText());
        assertEquals(0, Job.getJobManager().find(JobFamilies.TAP_QUERY).length, "no job without a URL");
        assertTrue(ui.run().isEnabled());
        Screenshots.save(ui.shell, "02-missing-url");
    }

    @Test
    @Order(3)
    void runsQueryAndShowsRows() throws Exception {
        TestServer.assumeUp();
        ui.fill(TestServer.URL, "SELECT " + COLUMNS + "\nFROM astrolabe.sources\nWHERE source_id <= 1000\n"
                + "ORDER BY source_id", 10_000);
        ui.runAndWait();

        Table table = ui.resultTable();
        assertEquals(1000, ui.resultRows(), ui::describe);
        assertEquals(List.of("#", "source_id", "ra", "dec", "mag", "src_class"), headers(table));
        String tooltip = table.getColumn(2).getToolTipText();
        assertTrue(tooltip.contains("deg") && tooltip.contains("pos.eq.ra"), tooltip);
        assertTrue(ui.status().getText().startsWith("1,000 rows × 5 columns from " + TestServer.AUTHORITY),
                ui.status().getText());
        assertFalse(ui.truncation().isVisible(), "a complete result has no truncation warning");
        assertFalse(ui.error().isVisible());
        assertEquals("1", ui.cell(0, 1));
        assertEquals("175.005", ui.cell(0, 2));
        assertEquals("-4.995", ui.cell(0, 3));
        assertEquals("star", ui.cell(0, 5));
        assertTrue(table.getItemCount() < 100, "only the visible rows are in the SWT table: " + table.getItemCount());
        assertEquals("1000", ui.cell(999, 1));
        ui.cell(0, 1);
        Screenshots.save(ui.shell, "03-query-results");
    }

    @Test
    @Order(5)
    void warnsWhenTruncatedAtMaxrec() throws Exception {
        TestServer.assumeUp();
        ui.fill(TestServer.URL, "SELECT " + COLUMNS + " FROM astrolabe.sources", 250);
        ui.runAndWait();

        assertEquals(250, ui.resultRows(), ui::describe);
        assertTrue(ui.truncation().isVisible(), "truncation warning shown");
        assertTrue(ui.truncation().getText().startsWith("Truncated at MAXREC"), ui.truncation().getText());
        assertTrue(ui.truncation().getText().contains("MAXREC = 250"), ui.truncation().getText());
        Screenshots.save(ui.shell, "05-truncated");
    }

    @Test
    @Order(6)
    void badAdqlShowsTheServersMessageInTheView() throws Exception {
        TestServer.assumeUp();
        String badAdql = "SELEC ra, dec FROM astrolabe.sources";
        String serverMessage = TestServer.errorMessageFor(badAdql);
        ui.fill(TestServer.URL, badAdql, 100);
        ui.runAndWait();

        assertTrue(ui.error().isVisible(), ui::describe);
        assertTrue(ui.error().getText().contains("rejected the query"), ui.error().getText());
        assertTrue(ui.errorDetail().isVisible());
        assertEquals(serverMessage, ui.errorDetail().getText().strip());
        assertEquals(0, ui.resultRows());
        assertFalse(ui.resultTable().isVisible(), "no empty table under the error");
        assertEquals(List.of(ui.shell), visibleShells(), "no error dialog for a user error");
        Screenshots.save(ui.shell, "06-bad-adql");
    }

    @Test
    @Order(4)
    void ctrlEnterRunsTheQueryAgainstTapSchema() throws Exception {
        TestServer.assumeUp();
        ui.fill(TestServer.URL, "SELECT TOP 5 table_name, description FROM TAP_SCHEMA.tables", 100);
        ui.pressCtrlEnterAndWait();

        assertEquals(5, ui.resultRows(), ui::describe);
        assertEquals(List.of("#", "table_name", "description"), headers(ui.resultTable()));
        assertEquals("SELECT TOP 5 table_name, description FROM TAP_SCHEMA.tables", ui.adql().getText(),
                "Ctrl+Enter runs the query without inserting a line break");
    }

    @Test
    @Order(7)
    void unreachableServiceIsReportedInTheView() throws Exception {
        ui.fill("http://127.0.0.1:9/tap", "SELECT TOP 1 * FROM TAP_SCHEMA.tables", 10);
        ui.runAndWait();

        assertTrue(ui.error().isVisible(), ui::describe);
        assertTrue(ui.error().getText().contains("could not be reached"), ui.error().getText());
        assertEquals(List.of(ui.shell), visibleShells(), "no error dialog for a user error");
        Screenshots.save(ui.shell, "07-unreachable");
    }

    @Test
    @Order(8)
    void showsAMillionRowsLazily() throws Exception {
        TestServer.assumeUp();
        // DaCHS reports OVERFLOW when it returns exactly MAXREC rows, so ask for more than there are.
        ui.fill(TestServer.URL, "SELECT " + COLUMNS + " FROM astrolabe.sources ORDER BY source_id", 2_000_000);
        long start = System.nanoTime();
        ui.runAndWait();
        long millis = (System.nanoTime() - start) / 1_000_000;

        Table table = ui.resultTable();
        assertEquals(1_000_000, ui.resultRows(), ui::describe);
        assertTrue(ui.status().getText().startsWith("1,000,000 rows × 5 columns"), ui.status().getText());
        assertFalse(ui.truncation().isVisible(), ui.truncation().getText());
        assertEquals("1000000", ui.cell(999_999, 1));
        assertEquals("1000000", ui.cell(999_999, 0));
        UiWait.spin(Duration.ofMillis(300));
        System.out.println("1,000,000 rows queried and shown in " + millis + " ms");
        Screenshots.save(ui.shell, "08-million-rows-end");

        // The next query replaces the million rows without freezing the window.
        ui.fill(TestServer.URL, "SELECT TOP 1 source_id FROM astrolabe.sources", 10);
        long replace = System.nanoTime();
        ui.runAndWait();
        long replaceMillis = (System.nanoTime() - replace) / 1_000_000;
        System.out.println("1,000,000 rows replaced by the next result in " + replaceMillis + " ms");
        assertEquals(1, ui.resultRows(), ui::describe);
        assertTrue(replaceMillis < 2_000, "replacing a million-row result took " + replaceMillis + " ms");
    }

    @Test
    @Order(9)
    void cancelStopsARunningQuery() throws Exception {
        TestServer.assumeUp();
        ui.fill(TestServer.URL, "SELECT " + COLUMNS + " FROM astrolabe.sources", 1_000_000);
        Widgets.click(ui.run());
        Job[] started = new Job[1];
        UiWait.until(() -> {
            Job[] jobs = Job.getJobManager().find(JobFamilies.TAP_QUERY);
            if (jobs.length > 0) {
                started[0] = jobs[0];
            }
            return started[0] != null && (started[0].getState() == Job.RUNNING || started[0].getResult() != null);
        }, Duration.ofSeconds(5), "the query job to run", ui::describe);
        UiWait.until(() -> ui.status().getText().startsWith("Running query at " + TestServer.AUTHORITY)
                || started[0].getResult() != null, Duration.ofSeconds(5), "the Results view to say the query runs",
                ui::describe);
        assertEquals(null, started[0].getResult(), () -> "the query ended before it could be cancelled: "
                + ui.describe());
        Screenshots.save(ui.shell, "09-running");
        Widgets.click(ui.cancel());
        ui.waitUntilIdle();

        assertTrue(ui.status().getText().contains("cancelled"), ui::describe);
        assertEquals(0, ui.resultRows());
        assertFalse(ui.cancel().isEnabled());
    }

    private static List<String> headers(Table table) {
        return Arrays.stream(table.getColumns()).map(TableColumn::getText).toList();
    }

    private static List<Shell> visibleShells() {
        return Arrays.stream(Display.getCurrent().getShells()).filter(Shell::isVisible).toList();
    }
}
