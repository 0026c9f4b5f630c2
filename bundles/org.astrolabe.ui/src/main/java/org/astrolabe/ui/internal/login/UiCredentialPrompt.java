package org.astrolabe.ui.internal.login;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.astrolabe.auth.CredentialPrompt;
import org.astrolabe.auth.Credentials;
import org.astrolabe.auth.LoginOptions;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.osgi.service.component.annotations.Component;

/**
 * The workbench's {@link CredentialPrompt}: a 401 challenge met by a job (a query, a download)
 * opens the {@link LoginDialog} in prompt mode on the UI thread and waits for the answer on the
 * job's thread; an {@code ivoa_x509} challenge opens it in certificate mode (a file, with a
 * file dialog behind Browse, and its passphrase). Ranked above the command line's terminal prompt
 * ({@code service.ranking} -100), so in a workbench that has both the dialog is asked; the
 * product's command-line configuration does not include this bundle. Answers "no answer" when
 * there is no workbench display, and when called on the UI thread itself, which must never wait
 * for a login. Thread-safe.
 */
@Component(service = CredentialPrompt.class, property = "service.ranking:Integer=100")
public final class UiCredentialPrompt implements CredentialPrompt {

    @Override
    public Optional<Credentials.Password> askPassword(URI service, String realm) {
        return onUiThread(shell -> {
            LoginDialog dialog = new LoginDialog(shell, service, realm, null);
            return dialog.open() == Window.OK ? dialog.answer().orElse(null) : null;
        });
    }

    /** Certificates first, as in the Login dialog's default order. */
    @Override
    public List<String> preference() {
        return LoginOptions.DEFAULT_PREFERENCE;
    }

    @Override
    public Optional<CertificateFile> askCertificate(URI service, String hint) {
        return onUiThread(shell -> {
            LoginDialog dialog = LoginDialog.forCertificate(shell, service, hint);
            return dialog.open() == Window.OK ? dialog.certificateAnswer().orElse(null) : null;
        });
    }

    /** Runs {@code ask} on the UI thread and waits; empty without a workbench or on the UI thread itself. */
    private static <T> Optional<T> onUiThread(Function<Shell, T> ask) {
        if (!PlatformUI.isWorkbenchRunning()) {
            return Optional.empty();
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        if (display == null || display.isDisposed() || display.getThread() == Thread.currentThread()) {
            return Optional.empty();
        }
        AtomicReference<T> answer = new AtomicReference<>();
        try {
            display.syncExec(() -> answer.set(ask.apply(parentShell(display))));
        } catch (SWTException e) {
            // The display was disposed while the job waited: nobody can answer.
            return Optional.empty();
        }
        return Optional.ofNullable(answer.get());
    }

    private static Shell parentShell(Display display) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window != null) {
            return window.getShell();
        }
        return display.getActiveShell();
    }
}
