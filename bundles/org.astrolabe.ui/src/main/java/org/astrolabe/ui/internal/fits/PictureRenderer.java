package org.astrolabe.ui.internal.fits;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;

/**
 * Renders a {@link FitsPicture} as 8-bit grey levels with a {@link Stretch}: the file's first row
 * at the bottom (as astronomers display FITS), NaN pixels in a dark blue so that blanks are not
 * mistaken for sky. Stateless; SWT image data only, so it may run on any thread.
 */
public final class PictureRenderer {

    /** Palette index of NaN pixels. */
    static final int BLANK = 256 - 1;
    private static final int GREYS = 255;

    private PictureRenderer() {
    }

    /**
     * @param picture the values
     * @param stretch how to map them
     * @return an indexed image of the picture's shown size
     */
    public static ImageData render(FitsPicture picture, Stretch stretch) {
        RGB[] colours = new RGB[256];
        for (int i = 0; i < GREYS; i++) {
            int g = Math.round(i * 255f / (GREYS - 1));
            colours[i] = new RGB(g, g, g);
        }
        colours[BLANK] = new RGB(24, 32, 96);
        int w = picture.shownWidth();
        int h = picture.shownHeight();
        ImageData data = new ImageData(w, h, 8, new PaletteData(colours));
        double[] range = stretch.range(picture.pixels());
        byte[] line = new byte[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double level = stretch.apply(picture.value(x, y), range[0], range[1]);
                line[x] = (byte) (Double.isNaN(level) ? BLANK : (int) Math.round(level * (GREYS - 1)));
            }
            data.setPixels(0, h - 1 - y, w, line, 0);
        }
        return data;
    }
}
