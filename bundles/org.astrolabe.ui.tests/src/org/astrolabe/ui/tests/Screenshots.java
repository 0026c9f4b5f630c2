package org.astrolabe.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Saves what the screen shows of a workbench window as a PNG, under the folder named by the system
 * property {@code astrolabe.screenshots} (the build sets it to the module's target/screenshots).
 */
final class Screenshots {

    private Screenshots() {
    }

    /** @return the file written */
    static Path save(Shell shell, String name) throws IOException {
        Path folder = Path.of(System.getProperty("astrolabe.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        Display display = shell.getDisplay();
        // GTK paints on its frame clock: give the X server time to show what the widgets hold.
        shell.update();
        UiWait.spin(Duration.ofMillis(400));
        Rectangle bounds = windowArea(shell);
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
        return file;
    }

    /**
     * The window as it is on screen: from its top-left corner (its frame's, when a window manager
     * draws one) to the bottom-right of its client area. Under Xvfb there is no window manager, and
     * SWT's bounds then include a frame that does not exist.
     */
    static Rectangle windowArea(Shell shell) {
        Rectangle bounds = shell.getBounds();
        Rectangle client = shell.getDisplay().map(shell, null, shell.getClientArea());
        return new Rectangle(bounds.x, bounds.y, client.x + client.width - bounds.x,
                client.y + client.height - bounds.y);
    }
}
