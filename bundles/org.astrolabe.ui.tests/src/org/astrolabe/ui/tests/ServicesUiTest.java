package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.astrolabe.archive.ArchiveCatalogue;
import org.astrolabe.archive.dal.DalClient;
import org.astrolabe.auth.CredentialStore;
import org.astrolabe.auth.RememberedLogin;
import org.astrolabe.auth.SessionManager;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.ui.SelectedService;
import org.astrolabe.ui.ServicesViews;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Services view and the Login dialog in a real workbench against the local DaCHS server
 * (releng/test-server/README.md): the catalogue's presets with availability, a user service added
 * and removed, a login through the dialog after which the restricted cone search answers its 21
 * rows (anonymous: 401), a wrong password refused with the auth bundle's message, an expired
 * certificate refused with its dates, logout, and a 401 during a background request answered
 * through the dialog that the UI's CredentialPrompt opens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServicesUiTest {

    static final String BASE = "http://127.0.0.1:18080";
    static final URI TAP = URI.create(BASE + "/tap");
    static final URI RESTRICTED = URI.create(BASE + "/astrolabe/q/restricted/scs.xml");
    static final Duration NETWORK = Duration.ofSeconds(60);
    static final int NAME = 0;
    static final int AVAILABILITY = 3;
    static final int LOGIN = 4;

    private AstrolabeWindow ui;
    private String queryServiceBefore;
    private ProductErrorLog errors;

    @BeforeAll
    static void server() {
        TestServer.assumeUp();
    }

    @BeforeEach
    void openView() throws Exception {
        errors = ProductErrorLog.start();
        ui = AstrolabeWindow.open();
        queryServiceBefore = ui.serviceUrl().getText();
        ui.page.showView(ServicesViews.SERVICES_VIEW_ID);
        UiWait.until(() -> row("local") != null, NETWORK, "the catalogue in the Services view", this::rows);
        UiWait.until(() -> row("local").getText(LOGIN).isEmpty(), Duration.ofSeconds(5),
                "the Login column to follow a logout made outside the view", this::rows);
    }

    @AfterEach
    void logoutAndCheckLog() throws Exception {
        // Picking services here changes the TAP Query view's URL; the other tests expect it as it was.
        // The Query view hears of a pick through the delayed post-selection, and again whenever the
        // Services view is activated: clear the pick, and let the events arrive first.
        if (!table().isDisposed()) {
            table().deselectAll();
            table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        }
        UiWait.spin(Duration.ofMillis(1500));
        ui.serviceUrl().setText(queryServiceBefore);
        service(SessionManager.class).logout(TAP);
        service(CredentialStore.class).remove(TAP);
        assertTrue(service(SessionManager.class).session(TAP).isEmpty(), () -> "still logged in after logout: "
                + service0(org.astrolabe.core.auth.SessionRegistry.class).sessions());
        UiWait.until(() -> Job.getJobManager().find(ServicesViews.SERVICES_JOB).length == 0, NETWORK,
                "the Services jobs to end", this::rows);
        errors.stopAndCheck();
    }

    private static <S> S service0(Class<S> type) {
        try {
            return service(type);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <S> S service(Class<S> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(ServicesUiTest.class).getBundleContext();
        ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        S s = tracker.waitForService(20_000);
        assertNotNull(s, type.getSimpleName() + " is not registered");
        return s;
    }

    private Table table() {
        return Widgets.find(ui.shell, ServicesViews.SERVICES_TABLE_WIDGET, Table.class);
    }

    private Label status() {
        return Widgets.find(ui.shell, ServicesViews.SERVICES_STATUS_WIDGET, Label.class);
    }

    private TableItem row(String name) {
        for (TableItem item : table().getItems()) {
            if (item.getText(NAME).equals(name) || item.getText(NAME).equals(name + " (yours)")) {
                return item;
            }
        }
        return null;
    }

    private String rows() {
        StringBuilder b = new StringBuilder("status: " + status().getText() + "\nsessions: "
                + service0(org.astrolabe.core.auth.SessionRegistry.class).sessions() + "\nviews: "
                + Arrays.stream(ui.page.getViewReferences()).map(r -> r.getId()).toList() + "\n");
        for (TableItem item : table().getItems()) {
            for (int c = 0; c < table().getColumnCount(); c++) {
                b.append(item.getText(c)).append(" | ");
            }
            b.append('\n');
        }
        return b.toString();
    }

    private void select(String name) {
        TableItem item = row(name);
        assertNotNull(item, name + " is not listed:\n" + rows());
        table().setSelection(item);
        table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        UiWait.processEvents();
    }

    private Button button(String widget) {
        return Widgets.find(ui.shell, widget, Button.class);
    }

    /** Runs network work off the UI thread (the prompt may need the UI thread) while the UI goes on. */
    private static <T> T offUiThread(Callable<T> work) throws Exception {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "ServicesUiTest request");
        thread.start();
        UiWait.until(future::isDone, NETWORK, "the request to end", () -> "still running");
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    private static ResultTable restrictedCone() throws Exception {
        return service(DalClient.class).coneSearch(RESTRICTED, new SkyPosition(180.005, 0.005), new Angle(0.025), 2,
                new NullProgressMonitor());
    }

    private static void fillPassword(Shell dialog, String user, String password) {
        Widgets.click(select(Widgets.find(dialog, ServicesViews.LOGIN_PASSWORD_MODE_WIDGET, Button.class)));
        Widgets.find(dialog, ServicesViews.LOGIN_USER_WIDGET, Text.class).setText(user);
        Widgets.find(dialog, ServicesViews.LOGIN_PASSWORD_WIDGET, Text.class).setText(password);
    }

    private static Button select(Button radio) {
        for (var sibling : radio.getParent().getChildren()) {
            if (sibling instanceof Button b && (b.getStyle() & org.eclipse.swt.SWT.RADIO) != 0) {
                b.setSelection(b == radio);
            }
        }
        return radio;
    }

    /** Logs in to {@code local} through the view's button and the dialog. */
    private void logInThroughDialog(String user, String password, boolean rememberAndScreenshot) throws Exception {
        select("local");
        DialogDriver driver = DialogDriver.whenOpen(ServicesViews.LOGIN_DIALOG_WIDGET, dialog -> {
            fillPassword(dialog, user, password);
            if (rememberAndScreenshot) {
                Widgets.find(dialog, ServicesViews.LOGIN_REMEMBER_WIDGET, Button.class).setSelection(true);
                dialog.setSize(dialog.computeSize(org.eclipse.swt.SWT.DEFAULT, org.eclipse.swt.SWT.DEFAULT));
                Screenshots.save(dialog, "login-dialog");
            }
            Widgets.click(DialogDriver.button(dialog, "Log In"));
        });
        Widgets.click(button(ServicesViews.SERVICES_LOGIN_WIDGET));
        driver.check();
        UiWait.until(() -> row("local").getText(LOGIN).startsWith("logged in"), NETWORK, "the login state", this::rows);
        assertTrue(status().getText().startsWith("Logged in to " + BASE), status().getText());
        assertFalse(rows().contains(password), "the password is never shown");
    }

    @Test
    @Order(1)
    void listsThePresetsWithTheLocalServiceAvailable() {
        for (String preset : List.of("cadc", "csc", "koa", "local", "local-caom2")) {
            assertNotNull(row(preset), preset + " missing:\n" + rows());
        }
        assertEquals(TAP.toString(), row("local").getText(2));
        assertEquals("obscore", row("local").getText(1));
        UiWait.until(() -> row("local").getText(AVAILABILITY).startsWith("available"), NETWORK,
                "local's availability", this::rows);
        // An ivo:// identifier, resolved through the local registry before its availability is read.
        assertEquals("ivo://astrolabe.test/caom2tap", row("local-caom2").getText(2));
        UiWait.until(() -> row("local-caom2").getText(AVAILABILITY).startsWith("available"), NETWORK,
                "local-caom2's availability", this::rows);
        assertEquals("", row("local").getText(LOGIN), "anonymous at first");

        select("local");
        var selection = (org.eclipse.jface.viewers.IStructuredSelection) ui.page.getSelection(
                ServicesViews.SERVICES_VIEW_ID);
        assertEquals(new SelectedService("local", TAP), selection.getFirstElement(), "published for other views");
        // The TAP Query view follows the service picked here.
        var query = (org.astrolabe.ui.internal.query.QueryView) ui.page.findView(org.astrolabe.ui.AstrolabeUi.QUERY_VIEW_ID);
        assertNotNull(query, "the TAP Query view is open");
        query.setService(URI.create("http://example.org/tap"));
        select("koa");
        UiWait.until(() -> query.service().map(URI::toString).orElse("").equals("https://koa.ipac.caltech.edu/TAP"),
                Duration.ofSeconds(5), "the query view to take koa's TAP URL", () -> String.valueOf(query.service()));
        select("local");
        UiWait.until(() -> query.service().equals(java.util.Optional.of(TAP)), Duration.ofSeconds(5),
                "the query view to take local's TAP URL", () -> String.valueOf(query.service()));
        assertFalse(button(ServicesViews.SERVICES_EDIT_WIDGET).isEnabled(), "presets cannot be edited");
        assertTrue(button(ServicesViews.SERVICES_LOGIN_WIDGET).isEnabled());
    }

    @Test
    @Order(2)
    void addsEditsAndRemovesAUserService() throws Exception {
        ArchiveCatalogue catalogue = service(ArchiveCatalogue.class);
        catalogue.remove("ui-test");
        DialogDriver add = DialogDriver.whenOpen(ServicesViews.SERVICE_DIALOG_WIDGET, dialog -> {
            Widgets.find(dialog, ServicesViews.SERVICE_NAME_WIDGET, Text.class).setText("ui-test");
            Text tap = Widgets.find(dialog, ServicesViews.SERVICE_TAP_WIDGET, Text.class);
            tap.setText("ftp://nowhere");
            assertFalse(DialogDriver.button(dialog, "OK").isEnabled(), "an ftp URL is refused");
            tap.setText(TAP.toString());
            Widgets.find(dialog, ServicesViews.SERVICE_TITLE_WIDGET, Text.class).setText("UI test copy of local");
            Widgets.click(DialogDriver.button(dialog, "OK"));
        });
        Widgets.click(button(ServicesViews.SERVICES_ADD_WIDGET));
        add.check();
        UiWait.until(() -> row("ui-test") != null && row("ui-test").getText(AVAILABILITY).startsWith("available"),
                NETWORK, "the added service, available", this::rows);
        assertEquals("UI test copy of local", catalogue.find("ui-test").orElseThrow().title());

        select("ui-test");
        DialogDriver edit = DialogDriver.whenOpen(ServicesViews.SERVICE_DIALOG_WIDGET, dialog -> {
            assertFalse(Widgets.find(dialog, ServicesViews.SERVICE_NAME_WIDGET, Text.class).getEditable());
            Widgets.find(dialog, ServicesViews.SERVICE_TITLE_WIDGET, Text.class).setText("edited");
            Widgets.click(DialogDriver.button(dialog, "OK"));
        });
        Widgets.click(button(ServicesViews.SERVICES_EDIT_WIDGET));
        edit.check();
        UiWait.until(() -> catalogue.find("ui-test").map(a -> a.title().equals("edited")).orElse(false), NETWORK,
                "the edited title saved", this::rows);

        UiWait.until(() -> row("ui-test") != null, NETWORK, "the list again", this::rows);
        select("ui-test");
        Widgets.click(button(ServicesViews.SERVICES_REMOVE_WIDGET));
        UiWait.until(() -> row("ui-test") == null, NETWORK, "the service gone", this::rows);
        assertTrue(catalogue.find("ui-test").isEmpty(), "removed from the catalogue");
        select("local");
        assertFalse(button(ServicesViews.SERVICES_REMOVE_WIDGET).isEnabled(), "presets cannot be removed");
    }

    @Test
    @Order(3)
    void logsInThroughTheDialogThenTheRestrictedServiceAnswers() throws Exception {
        // Anonymous: the challenge reaches the UI's prompt, which the user cancels.
        DialogDriver cancel = DialogDriver.whenOpen(ServicesViews.LOGIN_DIALOG_WIDGET,
                dialog -> Widgets.click(DialogDriver.button(dialog, "Cancel")));
        AuthenticationException anonymous = assertThrows(AuthenticationException.class,
                () -> offUiThread(ServicesUiTest::restrictedCone));
        cancel.check();
        assertTrue(anonymous.getMessage().contains("Authentication required"), anonymous.getMessage());

        logInThroughDialog("astro", "stargazer", true);
        assertTrue(status().getText().endsWith("remembered in secure storage"), status().getText());
        RememberedLogin kept = service(CredentialStore.class).load(TAP).orElseThrow();
        assertEquals(RememberedLogin.Kind.PASSWORD, kept.kind());
        assertEquals("astro", kept.user());
        assertEquals("stargazer", new String(kept.secret()));
        assertEquals(21L, offUiThread(ServicesUiTest::restrictedCone).rowCount(), "the restricted cone search");
        Screenshots.save(ui.shell, "services-view");

        select("local");
        Widgets.click(button(ServicesViews.SERVICES_LOGOUT_WIDGET));
        assertEquals("", row("local").getText(LOGIN), rows());
        assertTrue(status().getText().startsWith("Logged out of local"), status().getText());
        assertTrue(service(SessionManager.class).session(TAP).isEmpty(), "no session after logout");
    }

    @Test
    @Order(4)
    void aWrongPasswordIsRefusedWithTheAuthBundlesMessage() throws Exception {
        logInThroughDialog("astro", "not-the-password", false);
        AuthenticationException refused = assertThrows(AuthenticationException.class,
                () -> offUiThread(ServicesUiTest::restrictedCone));
        assertTrue(refused.getMessage().contains("Access refused") && refused.getMessage().contains("did not accept"),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("not-the-password"), refused.getMessage());
    }

    @Test
    @Order(5)
    void anExpiredCertificateIsRefusedWithItsDates() throws Exception {
        Path dir = Files.createTempDirectory("astrolabe-ui-cert");
        Path p12 = dir.resolve("expired.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", p12.toString(), "-storetype", "PKCS12", "-storepass", "sesame",
                "-keypass", "sesame", "-alias", "client", "-dname", "CN=expired test", "-keyalg", "RSA",
                "-keysize", "2048", "-startdate", "-10d", "-validity", "2").redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        select("local");
        String[] shown = new String[1];
        DialogDriver driver = DialogDriver.whenOpen(ServicesViews.LOGIN_DIALOG_WIDGET, dialog -> {
            Widgets.click(select(Widgets.find(dialog, ServicesViews.LOGIN_CERTIFICATE_MODE_WIDGET, Button.class)));
            Widgets.find(dialog, ServicesViews.LOGIN_CERTIFICATE_WIDGET, Text.class).setText(p12.toString());
            Widgets.find(dialog, ServicesViews.LOGIN_PASSPHRASE_WIDGET, Text.class).setText("sesame");
            Widgets.click(DialogDriver.button(dialog, "Log In"));
            Label message = Widgets.find(dialog, ServicesViews.LOGIN_MESSAGE_WIDGET, Label.class);
            UiWait.until(() -> message.getText().contains("expired"), NETWORK, "the refusal", message::getText);
            shown[0] = message.getText();
            Screenshots.save(dialog, "login-dialog-expired");
            assertTrue(DialogDriver.button(dialog, "Log In").isEnabled(), "the user can try again");
            Widgets.click(DialogDriver.button(dialog, "Cancel"));
        });
        Widgets.click(button(ServicesViews.SERVICES_LOGIN_WIDGET));
        driver.check();
        assertTrue(shown[0].matches("(?s).*expired on \\d{4}-\\d\\d-\\d\\d .*valid from \\d{4}-\\d\\d-\\d\\d .*"),
                shown[0]);
        assertFalse(shown[0].contains("sesame"), shown[0]);
        assertEquals("", row("local").getText(LOGIN), rows());
        Files.delete(p12);
        Files.delete(dir);
    }

    @Test
    @Order(6)
    void aChallengeDuringABackgroundRequestIsAnsweredThroughTheDialog() throws Exception {
        DialogDriver driver = DialogDriver.whenOpen(ServicesViews.LOGIN_DIALOG_WIDGET, dialog -> {
            assertFalse(Widgets.find(dialog, ServicesViews.LOGIN_CERTIFICATE_MODE_WIDGET, Button.class).isEnabled(),
                    "a challenge takes a user and password");
            fillPassword(dialog, "astro", "stargazer");
            Widgets.click(DialogDriver.button(dialog, "Log In"));
        });
        assertEquals(21L, offUiThread(ServicesUiTest::restrictedCone).rowCount());
        driver.check();
        UiWait.until(() -> row("local").getText(LOGIN).startsWith("logged in"), Duration.ofSeconds(5),
                "the Login column to show the login made through the prompt", this::rows);
        assertTrue(Arrays.stream(Display().getShells()).noneMatch(s -> !s.isDisposed()
                && ServicesViews.LOGIN_DIALOG_WIDGET.equals(s.getData(org.astrolabe.ui.AstrolabeUi.WIDGET_KEY))));
    }

    private static org.eclipse.swt.widgets.Display Display() {
        return org.eclipse.swt.widgets.Display.getCurrent();
    }
}
