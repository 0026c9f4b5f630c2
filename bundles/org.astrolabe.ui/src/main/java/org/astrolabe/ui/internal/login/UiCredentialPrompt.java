package org.astrolabe.ui.internal.login;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.astrolabe.auth.CredentialPrompt;
import org.astrolabe.auth.Credentials;
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
 * job's thread. Ranked above the command line's terminal prompt ({@code service.ranking} -100), so
 * in a workbench that has both the dialog is asked; the product's command-line configuration does
 * not include this bundle. Answers "no answer" when there is no workbench display, and when called
 * on the UI thread itself, which must never wait for a login. Thread-safe.
 */
@Component(service = CredentialPrompt.class, property = "service.ranking:Integer=100")
public final class UiCredentialPrompt implements CredentialPrompt {

    @Override
    public Optional<Credentials.Password> askPassword(URI service, String realm) {
        if (!PlatformUI.isWorkbenchRunning()) {
            return Optional.empty();
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        if (display == null || display.isDisposed() || display.getThread() == Thread.currentThread()) {
            return Optional.empty();
        }
        AtomicReference<Credentials.Password> answer = new AtomicReference<>();
        try {
            display.syncExec(() -> {
                LoginDialog dialog = new LoginDialog(parentShell(display), service, realm, null);
                if (dialog.open() == Window.OK) {
                    dialog.answer().ifPresent(answer::set);
                }
            });
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
