package org.astrolabe.ui.internal.fits;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.astrolabe.datalink.fits.FitsHdu.HeaderCard;

/**
 * One plane of a FITS image as the viewer shows it: its values, possibly downsampled (every
 * {@code step}-th pixel on both axes), with what is needed to map a shown pixel back to the file's
 * pixel and to the sky. Immutable (the array is not copied: nobody writes it after loading).
 *
 * @param file the file
 * @param hduIndex the image HDU shown (0: primary)
 * @param cards the HDU's header cards
 * @param width NAXIS1
 * @param height NAXIS2
 * @param planes the number of planes (NAXIS3, or 1)
 * @param plane the plane shown, from 0
 * @param step the sampling step: shown pixel (i, j) is file pixel (i·step, j·step)
 * @param pixels the shown values, row by row from the file's first row (y = 0, the bottom of the
 *        picture), {@code shownWidth() * shownHeight()} of them
 * @param wcs the world coordinates, if the header has WCS keywords
 */
public record FitsPicture(Path file, int hduIndex, List<HeaderCard> cards, int width, int height, int planes,
        int plane, int step, float[] pixels, Optional<WorldCoordinates> wcs) {

    /** @throws IllegalArgumentException if the sizes do not match */
    public FitsPicture {
        cards = List.copyOf(cards);
        if (width < 1 || height < 1 || planes < 1 || step < 1 || plane < 0 || plane >= planes) {
            throw new IllegalArgumentException("Bad picture geometry " + width + "x" + height + "x" + planes
                    + ", plane " + plane + ", step " + step);
        }
        if (pixels.length != shownSize(width, step) * shownSize(height, step)) {
            throw new IllegalArgumentException("Expected " + shownSize(width, step) * shownSize(height, step)
                    + " values, got " + pixels.length);
        }
    }

    static int shownSize(int size, int step) {
        return (size + step - 1) / step;
    }

    /** @return the shown width */
    public int shownWidth() {
        return shownSize(width, step);
    }

    /** @return the shown height */
    public int shownHeight() {
        return shownSize(height, step);
    }

    /**
     * @param x 0-based shown column
     * @param y 0-based shown row (0 = the file's first row)
     * @return the value there
     */
    public float value(int x, int y) {
        return pixels[y * shownWidth() + x];
    }

    /**
     * What the status line says about a shown pixel.
     *
     * @param x 0-based shown column
     * @param y 0-based shown row (0 = the file's first row)
     * @return file pixel (1-based, FITS convention) and value; on a second line the world
     *         coordinates, when the header has a WCS
     */
    public String describe(int x, int y) {
        int fx = x * step + 1;
        int fy = y * step + 1;
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, "x %d  y %d", fx, fy));
        if (planes > 1) {
            text.append("  plane ").append(plane + 1);
        }
        text.append("  value ").append(formatValue(value(x, y)));
        wcs.ifPresent(w -> text.append('\n').append(planes > 1 ? w.describe(fx, fy, plane + 1) : w.describe(fx, fy)));
        return text.toString();
    }

    private static String formatValue(float v) {
        if (Float.isNaN(v)) {
            return "NaN";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT,
                "%.6g", v);
    }
}
