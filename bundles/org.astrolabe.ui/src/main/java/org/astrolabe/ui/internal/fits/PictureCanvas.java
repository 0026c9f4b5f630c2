package org.astrolabe.ui.internal.fits;

import java.util.function.Consumer;

import org.astrolabe.ui.AstrolabeUi;
import org.astrolabe.ui.DataViews;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * Draws a rendered picture scaled to fit the canvas (aspect kept, centred, nearest-neighbour so
 * that pixels stay sharp) and reports the shown pixel under the mouse. The rectangle the picture
 * is drawn in is kept in the canvas's data under {@link DataViews#FITS_PICTURE_BOUNDS_KEY}. UI
 * thread only.
 */
final class PictureCanvas {

    /** Around the picture: dark, so that a white edge of the picture stays visible. */
    private static final Color SURROUND = new Color(64, 64, 72);

    private final Canvas canvas;
    private Image image;
    private int pictureWidth;
    private int pictureHeight;

    /**
     * @param parent the parent
     * @param hover called with the shown pixel {x, y} (y = 0 is the file's first row) under the
     *        mouse, or {@code null} when the mouse is off the picture
     */
    PictureCanvas(Composite parent, Consumer<int[]> hover) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.setData(AstrolabeUi.WIDGET_KEY, DataViews.FITS_CANVAS_WIDGET);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        canvas.addListener(SWT.MouseMove, e -> hover.accept(pixelAt(e.x, e.y)));
        canvas.addListener(SWT.MouseExit, e -> hover.accept(null));
        canvas.addDisposeListener(e -> disposeImage());
    }

    Canvas control() {
        return canvas;
    }

    /** Shows another rendering (the canvas takes ownership of nothing: it copies into an Image). */
    void show(ImageData data) {
        disposeImage();
        image = new Image(canvas.getDisplay(), data);
        pictureWidth = data.width;
        pictureHeight = data.height;
        canvas.setData(DataViews.FITS_PICTURE_SIZE_KEY, new int[] {pictureWidth, pictureHeight});
        canvas.redraw();
    }

    private void disposeImage() {
        if (image != null) {
            image.dispose();
            image = null;
        }
    }

    /** @return where the picture is drawn in the canvas now */
    Rectangle pictureBounds() {
        Rectangle area = canvas.getClientArea();
        if (pictureWidth == 0 || area.width <= 0 || area.height <= 0) {
            return new Rectangle(0, 0, 0, 0);
        }
        double zoom = Math.min((double) area.width / pictureWidth, (double) area.height / pictureHeight);
        int w = Math.max(1, (int) Math.floor(pictureWidth * zoom));
        int h = Math.max(1, (int) Math.floor(pictureHeight * zoom));
        return new Rectangle(area.x + (area.width - w) / 2, area.y + (area.height - h) / 2, w, h);
    }

    private void paint(GC gc) {
        // Painted here rather than set as the background, which the workbench theme would replace.
        gc.setBackground(SURROUND);
        gc.fillRectangle(canvas.getClientArea());
        Rectangle bounds = pictureBounds();
        canvas.setData(DataViews.FITS_PICTURE_BOUNDS_KEY, bounds);
        if (image == null || bounds.width == 0) {
            return;
        }
        gc.setInterpolation(SWT.NONE);
        gc.setAntialias(SWT.OFF);
        gc.drawImage(image, 0, 0, pictureWidth, pictureHeight, bounds.x, bounds.y, bounds.width, bounds.height);
    }

    /** @return the shown pixel under a canvas point, or {@code null} when it is off the picture */
    int[] pixelAt(int x, int y) {
        Rectangle b = pictureBounds();
        if (image == null || !b.contains(new Point(x, y))) {
            return null;
        }
        int column = Math.min(pictureWidth - 1, (int) ((long) (x - b.x) * pictureWidth / b.width));
        int rowFromTop = Math.min(pictureHeight - 1, (int) ((long) (y - b.y) * pictureHeight / b.height));
        return new int[] {column, pictureHeight - 1 - rowFromTop};
    }
}
