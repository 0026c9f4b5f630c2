package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.astrolabe.core.votable.TableFormat;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.JobFamilies;
import org.astrolabe.ui.ResultRowsSelection;
import org.astrolabe.ui.internal.adql.AdqlTemplates;
import org.astrolabe.ui.internal.prefs.UiPreferences;
import org.astrolabe.ui.internal.query.QueryView;
import org.astrolabe.ui.internal.results.ResultsView;
import org.astrolabe.ui.internal.schema.SchemaView;
import org.astrolabe.ui.internal.uwsjobs.JobsView;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Schema browser, the ADQL editor's content assist and templates, the Results view's sort,
 * selection and Save As, async queries and the Jobs view, the preference page and the query
 * commands, against the local DaCHS server (releng/test-server; astrolabe.sources: source_id
 * 1..1000000, ra/dec in deg with UCDs pos.eq.ra/dec, mag = 10 + ((i*7919) % 1000)/100).
 * Screenshots go to target/screenshots, numbered from 10.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchViewsUiTest {

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
        Views.idle(JobFamilies.UWS_JOBS, Duration.ofSeconds(60));
        Views.idle(JobFamilies.RESULTS, Duration.ofSeconds(60));
        errors.stopAndCheck();
    }

    @Test
    @Order(10)
    void schemaBrowserShowsTablesAndColumnsAndInsertsNames() throws Exception {
        TestServer.assumeUp();
        ui.fill(TestServer.URL, "SELECT TOP 10 ", 100);
        QueryView query = Views.query(ui.page);
        query.metadata();
        SchemaView schema = Views.schema(ui.page);
        schema.showService(URI.create(TestServer.URL), false);
        Views.metadataIdle();
        Tree tree = Widgets.find(ui.shell, AstrolabeUi.SCHEMA_TREE_WIDGET, Tree.class);
        List<String> schemas = Arrays.stream(tree.getItems()).map(i -> i.getText(0)).toList();
        assertTrue(schemas.contains("astrolabe") && schemas.size() >= 2, schemas.toString());

        TreeItem astrolabe = item(tree.getItems(), "astrolabe");
        expand(schema, astrolabe);
        TreeItem sources = item(astrolabe.getItems(), "sources");
        expand(schema, sources);
        Views.metadataIdle();
        expand(schema, sources);
        TreeItem ra = item(sources.getItems(), "ra");
        assertEquals("deg", ra.getText(2), "unit");
        assertTrue(ra.getText(3).startsWith("pos.eq.ra"), ra.getText(3));
        assertTrue(ra.getText(1).contains("double"), ra.getText(1));
        assertFalse(ra.getText(4).isBlank(), "description");

        Object sourcesNode = sources.getData();
        Widgets.find(ui.shell, AstrolabeUi.SCHEMA_FILTER_WIDGET, org.eclipse.swt.widgets.Text.class).setText("src_cl");
        UiWait.processEvents();
        List<String> filtered = Arrays.stream(tree.getItems()).map(i -> i.getText(0)).toList();
        assertEquals(List.of("astrolabe"), filtered, "only the schema with a matching column stays");

        ui.adql().setCaretOffset(ui.adql().getCharCount());
        schema.viewer().setSelection(new StructuredSelection(sourcesNode));
        schema.insertSelected();
        assertEquals("SELECT TOP 10 astrolabe.sources", ui.adql().getText(), "double-click inserts the table name");
        Screenshots.save(ui.shell, "10-schema-browser");
        Widgets.find(ui.shell, AstrolabeUi.SCHEMA_FILTER_WIDGET, org.eclipse.swt.widgets.Text.class).setText("");
    }

    @Test
    @Order(11)
    void contentAssistCompletesTablesAndColumns() throws Exception {
        TestServer.assumeUp();
        QueryView query = Views.query(ui.page);
        ui.fill(TestServer.URL, "", 100);
        query.metadata();
        Views.metadataIdle();
        StyledText adql = ui.adql();
        type(adql, "SELECT * FROM astrolabe.sou");
        query.showCompletions();
        UiWait.processEvents();
        assertEquals("SELECT * FROM astrolabe.sources", adql.getText(), "the only matching table is inserted");

        type(adql, " AS s WHERE s.source_");
        query.showCompletions();
        Views.metadataIdle();
        closePopups(adql);
        query.showCompletions();
        UiWait.processEvents();
        assertEquals("SELECT * FROM astrolabe.sources AS s WHERE s.source_id", adql.getText(),
                "the alias's only matching column is inserted");

        type(adql, " < 10 ORDER BY s.");
        query.showCompletions();
        UiWait.spin(Duration.ofMillis(500));
        Screenshots.save(ui.shell, "11-adql-content-assist");
        closePopups(adql);
        assertTrue(adql.getStyleRangeAtOffset(0) != null && (adql.getStyleRangeAtOffset(0).fontStyle & SWT.BOLD) != 0,
                "SELECT is coloured as a keyword");
    }

    @Test
    @Order(12)
    void templatesUseTheTablesPositionColumns() throws Exception {
        TestServer.assumeUp();
        QueryView query = Views.query(ui.page);
        ui.fill(TestServer.URL, "SELECT * FROM astrolabe.sources", 100);
        query.metadata();
        Views.metadataIdle();
        query.metadata().get().columnsOf("astrolabe.sources");
        Views.metadataIdle();
        query.applyTemplate(AdqlTemplates.Template.CONE);
        String cone = ui.adql().getText();
        assertTrue(cone.contains("FROM astrolabe.sources") && cone.contains("POINT('ICRS', ra, dec)"), cone);
        ui.runAndWait();
        assertTrue(ui.resultRows() > 0, ui::describe);
        query.applyTemplate(AdqlTemplates.Template.UPLOAD_JOIN);
        assertTrue(ui.adql().getText().contains("TAP_UPLOAD.mine"), ui.adql().getText());
        Screenshots.save(ui.shell, "12-template");
    }

    @Test
    @Order(13)
    void resultsSortSelectAndSaveInEveryFormat(@TempDir Path folder) throws Exception {
        TestServer.assumeUp();
        ui.fill(TestServer.URL, "SELECT source_id, ra, dec, mag, src_class FROM astrolabe.sources\n"
                + "WHERE source_id <= 1000", 10_000);
        ui.runAndWait();
        ResultsView results = Views.results(ui.page);
        Table table = ui.resultTable();
        assertEquals(1000, ui.resultRows(), ui::describe);

        Widgets.click(table.getColumn(4));
        Views.idle(JobFamilies.RESULTS, Duration.ofSeconds(30));
        assertEquals("10.0", ui.cell(0, 4), "smallest mag first");
        assertEquals("1000", ui.cell(0, 1), "source 1000 has mag 10.00");
        assertEquals("19.99", ui.cell(999, 4), "largest mag last");
        ui.cell(0, 1);
        assertEquals(SWT.UP, table.getSortDirection());
        Widgets.click(table.getColumn(4));
        Views.idle(JobFamilies.RESULTS, Duration.ofSeconds(30));
        assertEquals("19.99", ui.cell(0, 4), "largest mag first");
        assertEquals(SWT.DOWN, table.getSortDirection());

        Event end = new Event();
        end.keyCode = SWT.END;
        end.stateMask = SWT.MOD1;
        table.notifyListeners(SWT.KeyDown, end);
        assertEquals("10.0", table.getItem(table.getItemCount() - 1).getText(4), "Ctrl+End shows the last row");
        int top = results.topRow();
        Event wheel = new Event();
        wheel.count = 3;
        table.notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertEquals(top - 3, results.topRow(), "the wheel scrolls up three rows");
        ui.page.activate(results);
        table.setFocus();
        PlatformUI.getWorkbench().getService(IHandlerService.class)
                .executeCommand(org.eclipse.ui.IWorkbenchCommandConstants.EDIT_SELECT_ALL, null);
        UiWait.processEvents();
        assertEquals(1000, results.selection().selectedCount(), "Ctrl+A selects every row, not only the visible ones");
        results.scrollTo(0);
        results.select(0, 1, 2);
        ResultRowsSelection selection = results.selection();
        assertEquals(3, selection.rows().size());
        assertEquals(3, selection.selectedCount());
        int mag = selection.columnIndex("mag").getAsInt();
        assertEquals(19.99f, ((Number) selection.rows().get(0).value(mag)).floatValue(), 1e-4f);
        assertEquals("deg", selection.columns().get(selection.columnIndex("ra").getAsInt()).unit());
        assertEquals(Optional.of(URI.create(TestServer.URL)), selection.service());
        assertInstanceOf(ResultRowsSelection.class, ui.page.getSelection(AstrolabeUi.RESULTS_VIEW_ID),
                "published through the selection service");
        String rowCount = Widgets.find(ui.shell, AstrolabeUi.ROW_COUNT_WIDGET, Label.class).getText();
        assertTrue(rowCount.startsWith("1,000 rows") && rowCount.contains("sorted by mag descending")
                && rowCount.contains("3 selected"), rowCount);
        Screenshots.save(ui.shell, "13-results-sorted-selected");

        for (TableFormat format : TableFormat.values()) {
            Path file = folder.resolve("result." + format.extension());
            Job job = results.saveAs(file, format).orElseThrow();
            job.join(60_000, null);
            assertTrue(job.getResult().isOK(), format + ": " + job.getResult());
            assertTrue(Files.size(file) > 1000, format + " file size " + Files.size(file));
        }
        List<String> csv = Files.readAllLines(folder.resolve("result.csv"));
        assertEquals(1001, csv.size(), "header + 1000 rows");
        assertEquals("source_id,ra,dec,mag,src_class", csv.get(0));
        try (var files = Files.list(folder)) {
            assertEquals(TableFormat.values().length, files.count(), "no temporary file left");
        }
        UiWait.processEvents();
        assertTrue(Widgets.find(ui.shell, AstrolabeUi.ROW_COUNT_WIDGET, Label.class).getText().contains("Saved 1,000 rows"));
    }

    @Test
    @Order(14)
    void asyncQueryShowsRowsAndTheJobsViewKeepsTheJob() throws Exception {
        TestServer.assumeUp();
        String adql = "SELECT source_id, mag FROM astrolabe.sources WHERE source_id <= 25 AND source_id > -"
                + System.nanoTime();
        ui.fill(TestServer.URL, adql, 1000);
        Widgets.click(Widgets.find(ui.shell, AstrolabeUi.RUN_ASYNC_WIDGET, Button.class));
        ui.waitUntilIdle();
        assertEquals(25, ui.resultRows(), ui::describe);

        JobsView jobs = Views.jobs(ui.page);
        jobs.refresh();
        Views.idle(JobFamilies.UWS_JOBS, Duration.ofSeconds(30));
        Table table = Widgets.find(ui.shell, AstrolabeUi.JOBS_TABLE_WIDGET, Table.class);
        int row = rowWithQuery(table, adql);
        assertTrue(row >= 0, "the job is listed");
        assertEquals(ExecutionPhase.COMPLETED.name(), table.getItem(row).getText(1));
        assertTrue(table.getItem(row).getText(4).endsWith("s"), "duration: " + table.getItem(row).getText(4));

        Combo phase = Widgets.find(ui.shell, AstrolabeUi.JOBS_PHASE_WIDGET, Combo.class);
        phase.select(phase.indexOf(ExecutionPhase.ERROR.name()));
        phase.notifyListeners(SWT.Selection, new Event());
        assertTrue(rowWithQuery(table, adql) < 0, "filtered out by phase");
        phase.select(phase.indexOf(ExecutionPhase.COMPLETED.name()));
        phase.notifyListeners(SWT.Selection, new Event());
        row = rowWithQuery(table, adql);
        assertTrue(row >= 0, "kept by its phase");
        jobs.viewer().setSelection(new StructuredSelection(table.getItem(row).getData()));
        Screenshots.save(ui.shell, "14-jobs");

        Views.results(ui.page);
        ui.fill(TestServer.URL, "SELECT TOP 1 source_id FROM astrolabe.sources", 10);
        ui.runAndWait();
        assertEquals(1, ui.resultRows());
        Views.jobs(ui.page);
        Widgets.click(Widgets.find(ui.shell, JobsView.FETCH_BUTTON, Button.class));
        Views.idle(JobFamilies.UWS_JOBS, Duration.ofSeconds(30));
        UiWait.processEvents();
        assertEquals(25, ui.resultRows(), "the job's result fetched again: " + ui.describe());

        Views.jobs(ui.page);
        jobs.viewer().setSelection(new StructuredSelection(table.getItem(rowWithQuery(table, adql)).getData()));
        Widgets.click(Widgets.find(ui.shell, JobsView.DELETE_BUTTON, Button.class));
        Views.idle(JobFamilies.UWS_JOBS, Duration.ofSeconds(30));
        UiWait.until(() -> rowWithQuery(table, adql) < 0, Duration.ofSeconds(20), "the deleted job to go",
                () -> "still listed");
        phase.select(0);
        phase.notifyListeners(SWT.Selection, new Event());
    }

    @Test
    @Order(15)
    void asyncQueryErrorShowsTheServersMessage() throws Exception {
        TestServer.assumeUp();
        ui.fill(TestServer.URL, "SELECT nosuchcolumn FROM astrolabe.sources", 10);
        Widgets.click(Widgets.find(ui.shell, AstrolabeUi.RUN_ASYNC_WIDGET, Button.class));
        ui.waitUntilIdle();
        assertTrue(ui.error().isVisible(), ui::describe);
        assertTrue(ui.errorDetail().getText().toLowerCase().contains("nosuchcolumn"), ui.errorDetail().getText());
    }

    @Test
    @Order(16)
    void preferencesAndCommands() throws Exception {
        TestServer.assumeUp();
        UiPreferences preferences = UiPreferences.workbench();
        assertEquals(Duration.ofSeconds(30), preferences.connectTimeout());
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(ui.shell, AstrolabeUi.PREFERENCE_PAGE_ID,
                new String[] {AstrolabeUi.PREFERENCE_PAGE_ID}, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.getShell().setSize(760, 420);
        UiWait.spin(Duration.ofMillis(300));
        Screenshots.save(dialog.getShell(), "15-preferences");
        dialog.close();

        QueryView query = Views.query(ui.page);
        ui.page.activate(query);
        UiWait.processEvents();
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertEquals("Ctrl+Enter", bindings.getBestActiveBindingFormattedFor(AstrolabeUi.RUN_QUERY_COMMAND));
        assertEquals("Ctrl+.", bindings.getBestActiveBindingFormattedFor(AstrolabeUi.CANCEL_QUERY_COMMAND));
        ui.fill(TestServer.URL, "SELECT TOP 3 source_id FROM astrolabe.sources", 10);
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(AstrolabeUi.RUN_QUERY_COMMAND, null);
        ui.waitUntilIdle();
        assertEquals(3, ui.resultRows(), ui::describe);
    }

    @Test
    @Order(17)
    void outputToAFileInTheChosenFormat(@TempDir Path folder) throws Exception {
        TestServer.assumeUp();
        QueryView query = Views.query(ui.page);
        Path file = folder.resolve("cone.ecsv");
        query.setOutput(Optional.of(TableFormat.ECSV), file);
        try {
            ui.fill(TestServer.URL, "SELECT source_id, ra, dec FROM astrolabe.sources\n"
                    + "WHERE 1=CONTAINS(POINT('ICRS',ra,dec), CIRCLE('ICRS',180.005,0.005,0.025))", 100);
            Widgets.click(Widgets.find(ui.shell, AstrolabeUi.RUN_ASYNC_WIDGET, Button.class));
            ui.waitUntilIdle();
            Views.idle(JobFamilies.RESULTS, Duration.ofSeconds(30));
            assertEquals(21, ui.resultRows(), ui::describe);
            List<String> lines = Files.readAllLines(file);
            assertTrue(lines.get(0).startsWith("# %ECSV"), lines.get(0));
            assertEquals(21, lines.stream().filter(l -> !l.startsWith("#")).count() - 1, "header line + 21 rows");
            UiWait.processEvents();
            assertTrue(Widgets.find(ui.shell, AstrolabeUi.ROW_COUNT_WIDGET, Label.class).getText()
                    .contains("Saved 21 rows to " + file), "the view says where the file went");
        } finally {
            query.setOutput(Optional.empty(), null);
        }
    }

    @Test
    @Order(18)
    void cancellingAnAsyncQueryAbortsItsJob() throws Exception {
        TestServer.assumeUp();
        // About 5 s on DaCHS and bounded: an aborted job may leave its PostgreSQL query running to the end.
        String slow = "SELECT COUNT(*) AS n FROM astrolabe.sources AS a JOIN astrolabe.sources AS b "
                + "ON a.mag < b.mag WHERE a.source_id <= 200 AND a.source_id > -" + System.nanoTime();
        ui.fill(TestServer.URL, slow, 10);
        Widgets.click(Widgets.find(ui.shell, AstrolabeUi.RUN_ASYNC_WIDGET, Button.class));
        UiWait.until(() -> ui.status().getText().contains(": EXECUTING") || ui.status().getText().contains(": QUEUED"),
                Duration.ofSeconds(20), "the job to run", ui::describe);
        Widgets.click(ui.cancel());
        ui.waitUntilIdle();
        assertTrue(ui.status().getText().contains("cancelled"), ui::describe);

        JobsView jobs = Views.jobs(ui.page);
        jobs.refresh();
        Views.idle(JobFamilies.UWS_JOBS, Duration.ofSeconds(30));
        Table table = Widgets.find(ui.shell, AstrolabeUi.JOBS_TABLE_WIDGET, Table.class);
        int row = rowWithQuery(table, slow);
        assertTrue(row >= 0, "the job is listed");
        assertEquals(ExecutionPhase.ABORTED.name(), table.getItem(row).getText(1), "Cancel aborted the job");
        jobs.viewer().setSelection(new StructuredSelection(table.getItem(row).getData()));
        Widgets.click(Widgets.find(ui.shell, JobsView.DELETE_BUTTON, Button.class));
        Views.idle(JobFamilies.UWS_JOBS, Duration.ofSeconds(30));
    }

    private static int rowWithQuery(Table table, String adql) {
        for (int i = 0; i < table.getItemCount(); i++) {
            if (table.getItem(i).getText(5).equals(adql.replaceAll("\\s+", " ").strip())) {
                return i;
            }
        }
        return -1;
    }

    private static TreeItem item(TreeItem[] items, String text) {
        return Arrays.stream(items).filter(i -> i.getText(0).equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + text + "' among "
                        + Arrays.stream(items).map(i -> i.getText(0)).toList()));
    }

    private static void expand(SchemaView schema, TreeItem item) {
        schema.viewer().setExpandedState(item.getData(), true);
        UiWait.processEvents();
    }

    private static void type(StyledText text, String typed) {
        text.setCaretOffset(text.getCharCount());
        text.insert(typed);
        text.setCaretOffset(text.getCharCount());
        UiWait.processEvents();
    }

    /** Presses Escape in the editor, which closes the content assist popup. */
    private static void closePopups(StyledText adql) {
        Event escape = new Event();
        escape.keyCode = SWT.ESC;
        escape.character = SWT.ESC;
        adql.notifyListeners(SWT.KeyDown, escape);
        UiWait.processEvents();
    }
}
