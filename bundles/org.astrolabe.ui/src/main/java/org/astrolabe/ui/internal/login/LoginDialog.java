package org.astrolabe.ui.internal.login;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.astrolabe.auth.CredentialPrompt;
import org.astrolabe.auth.Credentials;
import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.ServicesViews;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for a user and password, or a certificate file (PEM or PKCS#12) and its passphrase, and
 * whether to remember the login in secure storage. In login mode it runs a {@link LoginJob} when
 * OK is pressed and stays open, showing the failure, until the login succeeds; in prompt mode
 * (a 401 challenge, see {@link UiCredentialPrompt}) it only collects a user and password, or
 * ({@link #forCertificate}) a certificate file and its passphrase. Secrets
 * are read from the fields as char arrays and the fields cleared. UI thread only.
 */
public final class LoginDialog extends Dialog {

    /** Runs the login for the dialog; {@code null} in prompt mode. */
    @FunctionalInterface
    public interface Runner {
        /**
         * @param request what the user typed
         * @param outcome called on the UI thread with the outcome
         * @return the job, so that Cancel can cancel it
         */
        LoginJob start(LoginJob.Request request, java.util.function.Consumer<LoginJob.Outcome> outcome);
    }

    private final URI service;
    private final String realm;
    private final Runner runner;
    private Button passwordMode;
    private Button certificateMode;
    private Text user;
    private Text password;
    private Text certificate;
    private Button browse;
    private Text passphrase;
    private Button remember;
    private Label message;
    private LoginJob running;
    private Credentials.Password answer;
    /** Prompt mode for an {@code ivoa_x509} challenge: certificate file and passphrase only. */
    private boolean certificatePrompt;
    private CredentialPrompt.CertificateFile certificateAnswer;
    private String outcome = "";

    /**
     * @param parent the parent shell
     * @param service the service to log in to
     * @param realm what the server named (prompt mode), or ""
     * @param runner runs the login, or {@code null} for prompt mode (password only, nothing run)
     */
    public LoginDialog(Shell parent, URI service, String realm, Runner runner) {
        super(parent);
        this.service = service;
        this.realm = realm == null ? "" : realm;
        this.runner = runner;
    }

    /**
     * A prompt for an {@code ivoa_x509} challenge: a certificate file and, if it needs one, its passphrase.
     *
     * @param parent the parent shell
     * @param service the URL that asked for a certificate
     * @param hint where the service says a certificate can be had, or ""
     * @return the dialog, not open yet
     */
    public static LoginDialog forCertificate(Shell parent, URI service, String hint) {
        LoginDialog dialog = new LoginDialog(parent, service, hint, null);
        dialog.certificatePrompt = true;
        return dialog;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Log in to " + service.getHost());
        shell.setData(AstrolabeUi.WIDGET_KEY, ServicesViews.LOGIN_DIALOG_WIDGET);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(12, 12).spacing(8, 6).applyTo(area);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(certificatePrompt ? service + " asks for a client certificate" + (realm.isEmpty() ? "."
                : " (" + realm + ").") : runner == null ? service + " asks for a login" + (realm.isEmpty() ? "."
                : " (" + realm + ").")
                : "Log in to " + service + ". Every Astrolabe request to this archive's hosts then carries your "
                        + "credentials, and no request to any other host.");
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(460, SWT.DEFAULT).applyTo(intro);

        passwordMode = radio(area, "User and &password", ServicesViews.LOGIN_PASSWORD_MODE_WIDGET);
        user = field(area, "&User:", SWT.NONE, ServicesViews.LOGIN_USER_WIDGET);
        password = field(area, "Pass&word:", SWT.PASSWORD, ServicesViews.LOGIN_PASSWORD_WIDGET);

        certificateMode = radio(area, "&Certificate file (PEM or PKCS#12)", ServicesViews.LOGIN_CERTIFICATE_MODE_WIDGET);
        Label fileLabel = new Label(area, SWT.NONE);
        fileLabel.setText("&File:");
        GridDataFactory.fillDefaults().indent(16, 0).applyTo(fileLabel);
        certificate = new Text(area, SWT.BORDER | SWT.SINGLE);
        certificate.setData(AstrolabeUi.WIDGET_KEY, ServicesViews.LOGIN_CERTIFICATE_WIDGET);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(certificate);
        browse = new Button(area, SWT.PUSH);
        browse.setText("&Browse…");
        browse.addListener(SWT.Selection, e -> browse());
        passphrase = field(area, "Pass&phrase:", SWT.PASSWORD, ServicesViews.LOGIN_PASSPHRASE_WIDGET);

        remember = new Button(area, SWT.CHECK);
        remember.setText("&Remember in secure storage");
        remember.setData(AstrolabeUi.WIDGET_KEY, ServicesViews.LOGIN_REMEMBER_WIDGET);
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 6).applyTo(remember);

        message = new Label(area, SWT.WRAP);
        message.setData(AstrolabeUi.WIDGET_KEY, ServicesViews.LOGIN_MESSAGE_WIDGET);
        message.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).hint(460, SWT.DEFAULT).applyTo(message);

        passwordMode.setSelection(!certificatePrompt);
        certificateMode.setSelection(certificatePrompt);
        if (runner == null) {
            certificateMode.setEnabled(false);
            remember.setEnabled(false);
        }
        passwordMode.addListener(SWT.Selection, e -> updateEnablement());
        certificateMode.addListener(SWT.Selection, e -> updateEnablement());
        updateEnablement();
        return area;
    }

    private static Button radio(Composite area, String text, String widget) {
        Button b = new Button(area, SWT.RADIO);
        b.setText(text);
        b.setData(AstrolabeUi.WIDGET_KEY, widget);
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 4).applyTo(b);
        return b;
    }

    private static Text field(Composite area, String label, int style, String widget) {
        Label l = new Label(area, SWT.NONE);
        l.setText(label);
        GridDataFactory.fillDefaults().indent(16, 0).applyTo(l);
        Text text = new Text(area, SWT.BORDER | SWT.SINGLE | style);
        text.setData(AstrolabeUi.WIDGET_KEY, widget);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(text);
        return text;
    }

    private void browse() {
        FileDialog files = new FileDialog(getShell(), SWT.OPEN);
        files.setFilterExtensions(new String[] {"*.pem;*.p12;*.pfx", "*"});
        files.setFilterNames(new String[] {"Certificates (PEM, PKCS#12)", "All files"});
        String chosen = files.open();
        if (chosen != null) {
            certificate.setText(chosen);
        }
    }

    private void updateEnablement() {
        boolean idle = running == null;
        boolean pw = passwordMode.getSelection();
        user.setEnabled(idle && pw);
        password.setEnabled(idle && pw);
        certificate.setEnabled(idle && !pw);
        browse.setEnabled(idle && !pw);
        passphrase.setEnabled(idle && !pw);
        passwordMode.setEnabled(idle && !certificatePrompt);
        certificateMode.setEnabled(idle && (runner != null || certificatePrompt));
        remember.setEnabled(idle && runner != null);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(idle);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Log In", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    /** Reads a secret field into a char array and empties the field. */
    private static char[] take(Text field) {
        char[] secret = field.getTextChars();
        field.setText("");
        return secret;
    }

    @Override
    protected void okPressed() {
        boolean pw = passwordMode.getSelection();
        char[] secret = take(pw ? password : passphrase);
        LoginJob.Request request;
        try {
            request = new LoginJob.Request(service, pw ? Optional.of(user.getText().strip()) : Optional.empty(), secret,
                    pw ? Optional.empty() : certificatePath(), remember.getSelection());
            if (certificatePrompt) {
                Path file = request.certificate().orElseThrow();
                if (!java.nio.file.Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("No certificate file " + file);
                }
                certificateAnswer = new CredentialPrompt.CertificateFile(file, secret);
                Arrays.fill(secret, '\0');
                super.okPressed();
                return;
            }
            if (runner == null) {
                answer = new Credentials.Password(request.user().get(), secret);
                Arrays.fill(secret, '\0');
                super.okPressed();
                return;
            }
        } catch (IllegalArgumentException e) {
            Arrays.fill(secret, '\0');
            show(e.getMessage());
            return;
        }
        show("Logging in…");
        running = runner.start(request, this::finished);
        updateEnablement();
    }

    private Optional<Path> certificatePath() {
        String text = certificate.getText().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Choose the certificate file (PEM or .p12)");
        }
        return Optional.of(Path.of(text));
    }

    private void finished(LoginJob.Outcome result) {
        running = null;
        if (getShell() == null || getShell().isDisposed()) {
            return;
        }
        outcome = result.message();
        if (result.session().isPresent()) {
            super.okPressed();
            return;
        }
        show(result.message());
        updateEnablement();
    }

    private void show(String text) {
        message.setText(text);
        message.getParent().layout(true, true);
        Shell shell = getShell();
        var preferred = shell.computeSize(shell.getSize().x, SWT.DEFAULT);
        if (preferred.y > shell.getSize().y) {
            shell.setSize(shell.getSize().x, preferred.y);
        }
    }

    @Override
    protected void cancelPressed() {
        if (running != null) {
            running.cancel();
            running = null;
        }
        super.cancelPressed();
    }

    /** @return in prompt mode after OK, what the user typed */
    public Optional<Credentials.Password> answer() {
        return Optional.ofNullable(answer);
    }

    /** @return in certificate prompt mode, after OK: the file and passphrase chosen */
    public Optional<CredentialPrompt.CertificateFile> certificateAnswer() {
        return Optional.ofNullable(certificateAnswer);
    }

    /** @return after a successful login, what happened (method, remembered) */
    public String outcome() {
        return outcome;
    }
}
