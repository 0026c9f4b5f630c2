package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.DataViews;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IViewReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The data product path in a real workbench against the local DaCHS server (releng/test-server):
 * ObsCore rows selected in the Results view → their DataLink links in the DataLink view → download
 * → the FITS viewer (stretches, world coordinates, cube planes) → a SODA cutout through the
 * cutout dialog; the Downloads preference page and the Getting Started view. Known answers come
 * from the test server's README; expected world coordinates were computed with astropy 5.2
 * ({@code WCS.all_pix2world}, origin 1) on the served files' headers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataProductsUiTest {

    static final String DATALINK = "http://127.0.0.1:18080/__system__/obscore/dl/dlmeta";
    static final String IMG_A = "ivo://astrolabe.test/~?astrolabe/data/img_a.fits";
    static final String OBSCORE = "SELECT obs_publisher_did, s_ra, s_dec, access_url FROM ivoa.ObsCore\n"
            + "WHERE obs_collection = 'astrolabe-sim' ORDER BY obs_publisher_did";
    static final Duration NETWORK = Duration.ofSeconds(60);

    private static Path downloads;
    private AstrolabeWindow ui;
    private ProductErrorLog errors;

    @BeforeAll
    static void downloadFolder() throws Exception {
        downloads = Files.createTempDirectory("astrolabe-ui-downloads");
        var prefs = InstanceScope.INSTANCE.getNode(AstrolabeUi.PLUGIN_ID);
        prefs.put(DataViews.PREF_DOWNLOAD_FOLDER, downloads.toString());
        prefs.putInt(DataViews.PREF_DOWNLOAD_PARALLEL, 2);
        prefs.flush();
    }

    @BeforeEach
    void openPerspective() throws Exception {
        errors = ProductErrorLog.start();
        ui = AstrolabeWindow.open();
    }

    @AfterEach
    void noExceptionFromAstrolabe() {
        waitForDataJobs();
        for (IViewReference ref : ui.page.getViewReferences()) {
            if (ref.getId().equals(DataViews.FITS_VIEW_ID)) {
                ui.page.hideView(ref);
            }
        }
        errors.stopAndCheck();
    }

    @Test
    @Order(1)
    void selectedRowsListTheirLinksGroupedBySemantics() throws Exception {
        TestServer.assumeUp();
        selectObsCoreRows(1, 2); // img_a, img_b

        Tree tree = tree();
        assertEquals(List.of("#this (2)", "#preview (2)", "#proc (4)", "#cutout (2)"), rootLabels(tree),
                this::describe);
        assertTrue(status().getText().startsWith("10 links for 2 datasets"), status().getText());
        TreeItem first = tree.getItem(0).getItem(0);
        assertEquals("img_a.fits", first.getText(0));
        assertEquals("image/fits", first.getText(2));
        assertEquals("164 kB", first.getText(3));
        assertEquals(IMG_A, first.getText(4));
        TreeItem cutout = tree.getItem(3).getItem(0);
        assertEquals("SODA sync (procsvc)", cutout.getText(0));
        Screenshots.save(ui.shell, "20-datalink-links");
    }

    @Test
    @Order(2)
    void unknownIdentifierShowsAnErrorRow() throws Exception {
        TestServer.assumeUp();
        ui.fill(TestServer.URL, "SELECT TOP 1 'ivo://astrolabe.test/~?astrolabe/data/none.fits' AS obs_publisher_did,"
                + " 180.0 AS s_ra, 0.0 AS s_dec FROM ivoa.ObsCore", 10);
        ui.runAndWait();
        assertEquals(1, ui.resultTable().getItemCount(), ui::describe);
        showDataLinkView();
        RowPicker.select(ui.page, ui.resultTable(), 0);
        waitForDataJobs();
        assertEquals("Errors (1)", rootLabels(tree()).getLast(), this::describe);
        TreeItem error = tree().getItem(tree().getItemCount() - 1).getItem(0);
        assertEquals("error", error.getText(0));
        assertFalse(error.getText(1).isBlank(), "the service's error message is shown");
        assertTrue(status().getText().contains("1 error"), status().getText());
    }

    @Test
    @Order(3)
    void downloadOpensInTheFitsViewerWithStretchesAndWorldCoordinates() throws Exception {
        TestServer.assumeUp();
        selectObsCoreRows(1); // img_a
        Tree tree = tree();
        selectLink(tree.getItem(0).getItem(0)); // #this of img_a
        assertTrue(button(DataViews.DATALINK_DOWNLOAD_WIDGET).isEnabled());
        Widgets.click(button(DataViews.DATALINK_DOWNLOAD_WIDGET));
        waitForDataJobs();
        Path file = downloads.resolve("img_a.fits");
        assertTrue(status().getText().startsWith("1 file in " + downloads), this::describe);
        assertEquals(164160, Files.size(file));
        assertEquals("img_a.fits  ✓ downloaded", tree.getItem(0).getItem(0).getText(0));

        Widgets.click(button(DataViews.DATALINK_OPEN_WIDGET));
        Fits fits = waitForFits("img_a.fits");
        assertTrue(fits.status().getText().startsWith("img_a.fits: 200 × 200 pixels"), fits.status().getText());
        assertFalse(fits.plane().isEnabled(), "a single image has no planes to choose");
        assertEquals("RA---TAN", headerValue(fits.header(), "CTYPE1"));
        assertEquals("180.0", headerValue(fits.header(), "CRVAL1"));

        // World coordinates under the mouse (astropy: pixel (1,1) -> 180.0994999, -0.0994997).
        fits.hover(1, 1);
        String corner = fits.status().getText();
        assertTrue(corner.startsWith("x 1  y 1  value 0\n"), corner);
        assertTrue(corner.contains("(180.099500°, -0.099500°)"), corner);
        assertTrue(corner.contains("RA 12:00:23.880  Dec -00:05:58.20"), corner);
        fits.hover(51, 151); // value 1000*150 + 50; astropy: 180.0494999877, 0.0504999681
        String other = fits.status().getText();
        assertTrue(other.startsWith("x 51  y 151  value 150050\n"), other);
        assertTrue(other.contains("(180.049500°, +0.050500°)"), other);

        // Stretches: the grey level at the centre (value ≈ 100100 of 0..199199) changes as computed.
        fits.stretch("Linear");
        int linear = fits.greyAt(100, 100);
        fits.stretch("Log");
        int log = fits.greyAt(100, 100);
        fits.stretch("Square root");
        int sqrt = fits.greyAt(100, 100);
        double t = 99099.0 / 199199.0; // file pixel (100, 100) holds 1000*99 + 99
        assertEquals(254 * t, linear, 6, "linear grey");
        assertEquals(254 * Math.log10(1000 * t + 1) / Math.log10(1001), log, 6, "log grey");
        assertEquals(254 * Math.sqrt(t), sqrt, 6, "square-root grey");
        fits.stretch("Z-scale");
        fits.hover(51, 151);
        Screenshots.save(ui.shell, "21-fits-viewer");
    }

    @Test
    @Order(4)
    void cubePlanesAreChosenWithTheSlider() throws Exception {
        TestServer.assumeUp();
        selectObsCoreRows(0); // cube
        Tree tree = tree();
        selectLink(tree.getItem(0).getItem(0));
        Widgets.click(button(DataViews.DATALINK_DOWNLOAD_WIDGET));
        waitForDataJobs();
        assertTrue(Files.exists(downloads.resolve("cube.fits")), this::describe);
        Widgets.click(button(DataViews.DATALINK_OPEN_WIDGET));
        Fits fits = waitForFits("cube.fits");
        assertTrue(fits.status().getText().startsWith("cube.fits: 50 × 50 × 20 pixels"), fits.status().getText());
        assertTrue(fits.plane().isEnabled());
        assertEquals(19, fits.plane().getMaximum());
        fits.plane().setSelection(4);
        Widgets.click(fits.plane());
        waitForDataJobs();
        fits.hover(1, 1); // value 10000*4; astropy: 180.5490014882, 0.4509998470, 5.4e-07
        String text = fits.status().getText();
        assertTrue(text.startsWith("x 1  y 1  plane 5  value 40000\n"), text);
        assertTrue(text.contains("(180.549001°, +0.451000°)"), text);
        assertTrue(text.contains("WAVE 5.40000e-07 m"), text);
        assertEquals("5 of 20  (WAVE 5.400e-07 m)", DialogDriver.findVisible(ui.shell, DataViews.FITS_PLANE_VALUE_WIDGET,
                org.eclipse.swt.widgets.Label.class).getText());
        Screenshots.save(ui.shell, "22-fits-cube");
    }

    @Test
    @Order(5)
    void cutoutDialogCutsOutAndOpensTheResult() throws Exception {
        TestServer.assumeUp();
        selectObsCoreRows(1); // img_a at s_ra 180.0005, s_dec -0.0005
        Tree tree = tree();
        selectLink(tree.getItem(3).getItem(0)); // its #cutout row
        assertTrue(button(DataViews.DATALINK_CUTOUT_WIDGET).isEnabled());
        DialogDriver dialog = DialogDriver.whenOpen(DataViews.CUTOUT_DIALOG_WIDGET, shell -> {
            Text circle = Widgets.find(shell, DataViews.CUTOUT_CIRCLE_WIDGET, Text.class);
            assertTrue(circle.getText().startsWith("180.0005 -0.0005 "), "prefilled from the row: " + circle.getText());
            assertTrue(Widgets.find(shell, DataViews.CUTOUT_CIRCLE_WIDGET + DataViews.USE_SUFFIX, Button.class)
                    .getSelection());
            assertFalse(Widgets.find(shell, DataViews.CUTOUT_BAND_WIDGET + DataViews.USE_SUFFIX, Button.class)
                    .isEnabled(), "img_a's descriptor takes no BAND");
            CLabel message = Widgets.find(shell, DataViews.CUTOUT_MESSAGE_WIDGET, CLabel.class);
            circle.setText("190 40 0.02");
            UiWait.processEvents();
            assertTrue(message.getText().contains("190"), "a circle off the image is refused at once: "
                    + message.getText());
            assertFalse(DialogDriver.button(shell, "Cut Out").isEnabled());
            circle.setText("180.0 0.0 0.02");
            UiWait.processEvents();
            assertEquals("", message.getText());
            Screenshots.save(shell, "23-cutout-dialog");
            Widgets.click(DialogDriver.button(shell, "Cut Out"));
        });
        Widgets.click(button(DataViews.DATALINK_CUTOUT_WIDGET));
        dialog.check();
        waitForDataJobs();
        assertTrue(status().getText().matches("Cutout \\S+\\.fits saved in " + java.util.regex.Pattern.quote(
                downloads.toString()) + "\\."), this::describe);
        Fits fits = waitForFits(null);
        assertTrue(fits.status().getText().contains(": 42 × 42 pixels"), fits.status().getText());
        fits.hover(1, 1); // parent pixel (80, 80): value 79079; astropy: 180.0204999991, -0.0204999978
        String text = fits.status().getText();
        assertTrue(text.startsWith("x 1  y 1  value 79079\n"), text);
        assertTrue(text.contains("(180.020500°, -0.020500°)"), text);
        Screenshots.save(ui.shell, "24-cutout-opened");
    }

    @Test
    @Order(6)
    void cancelStopsAnAsyncCutoutAndKeepsNoFile() throws Exception {
        TestServer.assumeUp();
        selectObsCoreRows(1); // img_a
        selectLink(tree().getItem(3).getItem(0));
        List<Path> before = files(downloads);
        DialogDriver dialog = DialogDriver.whenOpen(DataViews.CUTOUT_DIALOG_WIDGET, shell -> {
            Combo mode = Widgets.find(shell, DataViews.CUTOUT_MODE_WIDGET, Combo.class);
            mode.select(Arrays.asList(mode.getItems()).indexOf("Async job (UWS)"));
            Widgets.click(mode);
            Widgets.find(shell, DataViews.CUTOUT_CIRCLE_WIDGET, Text.class).setText("180.0 0.0 0.02");
            UiWait.processEvents();
            Widgets.click(DialogDriver.button(shell, "Cut Out"));
        });
        Widgets.click(button(DataViews.DATALINK_CUTOUT_WIDGET));
        dialog.check();
        Job[] jobs = Job.getJobManager().find(DataViews.DOWNLOAD_JOB);
        assertEquals(1, jobs.length, "the async cutout runs as a job");
        assertTrue(button(DataViews.DATALINK_CANCEL_WIDGET).isEnabled());
        Widgets.click(button(DataViews.DATALINK_CANCEL_WIDGET));
        waitForDataJobs();
        // Cancelled while running (CANCEL) or before it started (no result): never OK.
        assertTrue(jobs[0].getResult() == null
                || jobs[0].getResult().getSeverity() == org.eclipse.core.runtime.IStatus.CANCEL, this::describe);
        assertEquals("Cutout cancelled.", status().getText());
        assertEquals(before, files(downloads), "no file, partial or complete, is left by a cancelled cutout");
        assertFalse(button(DataViews.DATALINK_CANCEL_WIDGET).isEnabled());
    }

    private static List<Path> files(Path dir) throws java.io.IOException {
        try (var list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    @Test
    @Order(7)
    void downloadsPreferencePageEditsFolderAndParallelism() throws Exception {
        DialogDriver dialog = DialogDriver.whenOpen("Preferences", shell -> {
            Text folder = DialogDriver.textAfterLabel(shell, "Download &folder:");
            Text parallel = DialogDriver.textAfterLabel(shell, "&Parallel downloads per host:");
            assertEquals(downloads.toString(), folder.getText());
            assertEquals("2", parallel.getText());
            type(parallel, "99");
            assertFalse(DialogDriver.button(shell, "Apply and Close").isEnabled(), "99 is out of range");
            type(parallel, "3");
            Screenshots.save(shell, "25-downloads-preferences");
            Widgets.click(DialogDriver.button(shell, "Apply and Close"));
        });
        org.eclipse.ui.dialogs.PreferencesUtil.createPreferenceDialogOn(ui.shell,
                DataViews.DOWNLOADS_PREFERENCE_PAGE_ID, new String[] {DataViews.DOWNLOADS_PREFERENCE_PAGE_ID}, null)
                .open();
        dialog.check();
        assertEquals(3, InstanceScope.INSTANCE.getNode(AstrolabeUi.PLUGIN_ID).getInt(DataViews.PREF_DOWNLOAD_PARALLEL,
                0));
        InstanceScope.INSTANCE.getNode(AstrolabeUi.PLUGIN_ID).putInt(DataViews.PREF_DOWNLOAD_PARALLEL, 2);
    }

    @Test
    @Order(8)
    void gettingStartedViewShowsTheHelpPage() throws Exception {
        org.eclipse.swt.widgets.Menu help = Arrays.stream(ui.shell.getMenuBar().getItems())
                .filter(i -> i.getText().replace("&", "").equals("Help")).findFirst().orElseThrow().getMenu();
        help.notifyListeners(org.eclipse.swt.SWT.Show, new org.eclipse.swt.widgets.Event());
        UiWait.processEvents();
        org.eclipse.swt.widgets.MenuItem item = Arrays.stream(help.getItems())
                .filter(i -> i.getText().replace("&", "").startsWith("Astrolabe Getting Started")).findFirst()
                .orElse(null);
        help.notifyListeners(org.eclipse.swt.SWT.Hide, new org.eclipse.swt.widgets.Event());
        assertNotNull(item, "Help menu: " + Arrays.stream(help.getItems()).map(i -> i.getText()).toList());
        Widgets.click(item);
        UiWait.processEvents();
        IViewPart view = ui.page.findView(DataViews.GETTING_STARTED_VIEW_ID);
        assertNotNull(view, "Help > Astrolabe Getting Started opens the view");
        StyledText text = Widgets.find(ui.shell, "gettingStartedText", StyledText.class);
        assertTrue(text.getText().startsWith("Getting started with Astrolabe"), text.getText());
        assertTrue(text.getText().contains("2. List the data products of rows"));
        assertTrue(text.getStyleRanges().length > 10, "headings and code are styled");
        Screenshots.save(ui.shell, "26-getting-started");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private void selectObsCoreRows(int... rows) {
        ui.fill(TestServer.URL, OBSCORE, 100);
        ui.runAndWait();
        assertEquals(5, ui.resultTable().getItemCount(), ui::describe);
        showDataLinkView();
        RowPicker.select(ui.page, ui.resultTable(), rows);
        UiWait.until(() -> Job.getJobManager().find(DataViews.DATALINK_JOB).length > 0 || tree().getItemCount() > 0,
                Duration.ofSeconds(5), "the DataLink view to resolve the selected rows", this::describe);
        waitForDataJobs();
        assertTrue(tree().getItemCount() > 0, this::describe);
    }

    /** Sets a field's text as typing does: field editors validate on key release. */
    private static void type(Text field, String text) {
        field.setText(text);
        org.eclipse.swt.widgets.Event key = new org.eclipse.swt.widgets.Event();
        key.character = text.charAt(text.length() - 1);
        field.notifyListeners(org.eclipse.swt.SWT.KeyUp, key);
        UiWait.processEvents();
    }

    private static void selectLink(TreeItem item) {
        Tree tree = item.getParent();
        tree.setSelection(item);
        org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
        event.item = item;
        tree.notifyListeners(org.eclipse.swt.SWT.Selection, event);
        UiWait.processEvents();
    }

    private void showDataLinkView() {
        try {
            ui.page.showView(DataViews.DATALINK_VIEW_ID);
        } catch (org.eclipse.ui.PartInitException e) {
            throw new AssertionError(e);
        }
        Text service = Widgets.find(ui.shell, DataViews.DATALINK_SERVICE_WIDGET, Text.class);
        service.setText(DATALINK);
    }

    private static void waitForDataJobs() {
        UiWait.until(() -> Job.getJobManager().find(DataViews.DATALINK_JOB).length == 0
                && Job.getJobManager().find(DataViews.DOWNLOAD_JOB).length == 0
                && Job.getJobManager().find(DataViews.FITS_JOB).length == 0, NETWORK, "the data jobs to end", () -> "");
        UiWait.spin(Duration.ofMillis(200));
    }

    private Tree tree() {
        return Widgets.find(ui.shell, DataViews.DATALINK_TREE_WIDGET, Tree.class);
    }

    private CLabel status() {
        return Widgets.find(ui.shell, DataViews.DATALINK_STATUS_WIDGET, CLabel.class);
    }

    private Button button(String name) {
        return Widgets.find(ui.shell, name, Button.class);
    }

    private String describe() {
        return "DataLink status='" + status().getText() + "', groups=" + rootLabels(tree()) + "; " + ui.describe();
    }

    private static List<String> rootLabels(Tree tree) {
        return Arrays.stream(tree.getItems()).map(i -> i.getText(0)).toList();
    }

    private static String headerValue(Table header, String keyword) {
        for (int i = 0; i < header.getItemCount(); i++) {
            if (header.getItem(i).getText(0).equals(keyword)) {
                return header.getItem(i).getText(1);
            }
        }
        return null;
    }

    /** Waits for a FITS view showing {@code name} (any FITS view when null) and its picture. */
    private Fits waitForFits(String name) {
        UiWait.until(() -> findFits(name) != null, NETWORK, "a FITS view of " + name, this::describe);
        waitForDataJobs();
        Fits fits = findFits(name);
        UiWait.until(() -> fits.canvas().getData(DataViews.FITS_PICTURE_SIZE_KEY) != null, NETWORK,
                "the picture", () -> fits.status().getText());
        fits.canvas().redraw();
        UiWait.spin(Duration.ofMillis(300));
        return fits;
    }

    private Fits findFits(String name) {
        for (IViewReference ref : ui.page.getViewReferences()) {
            if (ref.getId().equals(DataViews.FITS_VIEW_ID) && ref.getView(false) != null
                    && (name == null || ref.getView(false) instanceof org.eclipse.ui.IWorkbenchPart2 part
                            && part.getPartName().equals("FITS: " + name))) {
                ui.page.activate(ref.getView(false));
                return new Fits(ui.shell);
            }
        }
        return null;
    }

    /** The FITS viewer's widgets (the visible one). */
    record Fits(Shell shell) {
        StyledText status() {
            return visible(DataViews.FITS_STATUS_WIDGET, StyledText.class);
        }

        Scale plane() {
            return visible(DataViews.FITS_PLANE_WIDGET, Scale.class);
        }

        Canvas canvas() {
            return visible(DataViews.FITS_CANVAS_WIDGET, Canvas.class);
        }

        Table header() {
            return visible(DataViews.FITS_HEADER_WIDGET, Table.class);
        }

        private <T extends org.eclipse.swt.widgets.Control> T visible(String name, Class<T> type) {
            return DialogDriver.findVisible(shell, name, type);
        }

        void stretch(String label) {
            Combo combo = visible(DataViews.FITS_STRETCH_WIDGET, Combo.class);
            combo.select(Arrays.asList(combo.getItems()).indexOf(label));
            Widgets.click(combo);
            UiWait.spin(Duration.ofMillis(200));
        }

        /** The canvas point at the centre of file pixel (x, y), 1-based, of a picture shown at full size. */
        org.eclipse.swt.graphics.Point point(int x, int y) {
            var bounds = (org.eclipse.swt.graphics.Rectangle) canvas().getData(DataViews.FITS_PICTURE_BOUNDS_KEY);
            int[] size = (int[]) canvas().getData(DataViews.FITS_PICTURE_SIZE_KEY);
            int px = bounds.x + (int) ((x - 0.5) * bounds.width / size[0]);
            // Rows are drawn top down from the last one: file row y (1-based) is row size - y from the top.
            int py = bounds.y + (int) ((size[1] - y + 0.5) * bounds.height / size[1]);
            return new org.eclipse.swt.graphics.Point(px, py);
        }

        void hover(int x, int y) {
            var p = point(x, y);
            org.eclipse.swt.widgets.Event move = new org.eclipse.swt.widgets.Event();
            move.x = p.x;
            move.y = p.y;
            canvas().notifyListeners(org.eclipse.swt.SWT.MouseMove, move);
            UiWait.processEvents();
        }

        /** @return the grey level on screen at the centre of file pixel (x, y) */
        int greyAt(int x, int y) {
            canvas().redraw();
            canvas().update();
            UiWait.spin(Duration.ofMillis(300));
            var p = canvas().toDisplay(point(x, y));
            var display = canvas().getDisplay();
            var image = new org.eclipse.swt.graphics.Image(display, 1, 1);
            var gc = new org.eclipse.swt.graphics.GC(display);
            try {
                gc.copyArea(image, p.x, p.y);
                var data = image.getImageData();
                var rgb = data.palette.getRGB(data.getPixel(0, 0));
                return rgb.green;
            } finally {
                gc.dispose();
                image.dispose();
            }
        }
    }
}
