package org.astrolabe.ui.internal.fits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.datalink.fits.FitsFile;
import org.astrolabe.datalink.fits.FitsHdu;
import org.astrolabe.datalink.fits.FitsReader;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Loads one plane of the first image HDU of a FITS file through the {@link FitsReader} service,
 * downsampled so that neither side exceeds a limit. Files up to {@link #MEMORY_LIMIT} are read
 * whole; larger ones lazily, only the sampled pixels. Call off the UI thread.
 */
public final class FitsPictures {

    /** The longest side shown without downsampling. */
    public static final int MAX_SIDE = 1024;
    /** Files up to this size are read into memory at once. */
    static final long MEMORY_LIMIT = 256L << 20;

    private FitsPictures() {
    }

    /**
     * @param reader the FITS reader service
     * @param file the file
     * @param plane the plane of a cube, from 0 (clamped to the cube's planes)
     * @param monitor progress by rows, cancellation
     * @return the picture
     * @throws InvalidInputException naming the file when it is not FITS, is damaged, or has no image
     * @throws OperationCanceledException when cancelled
     */
    public static FitsPicture load(FitsReader reader, Path file, int plane, IProgressMonitor monitor)
            throws InvalidInputException {
        SubMonitor sub = SubMonitor.convert(monitor, "Reading " + file.getFileName(), 100);
        FitsReader.Mode mode = size(file) <= MEMORY_LIMIT ? FitsReader.Mode.MEMORY : FitsReader.Mode.LAZY;
        try (FitsFile fits = reader.open(file, mode)) {
            sub.worked(10);
            FitsHdu hdu = fits.hdus().stream().filter(FitsPictures::isPicture).findFirst()
                    .orElseThrow(() -> new InvalidInputException(file + " has no image with two or more axes", null,
                            null));
            List<Integer> shape = hdu.shape();
            int width = shape.get(0);
            int height = shape.get(1);
            int planes = shape.size() > 2 ? shape.get(2) : 1;
            int k = Math.clamp(plane, 0, planes - 1);
            int step = Math.max(1, (Math.max(width, height) + MAX_SIDE - 1) / MAX_SIDE);
            int w = FitsPicture.shownSize(width, step);
            int h = FitsPicture.shownSize(height, step);
            float[] pixels = new float[w * h];
            int[] position = new int[shape.size()];
            SubMonitor rows = sub.split(90).setWorkRemaining(h);
            for (int j = 0; j < h; j++) {
                if (rows.isCanceled()) {
                    throw new OperationCanceledException();
                }
                position[1] = j * step;
                if (position.length > 2) {
                    position[2] = k;
                }
                for (int i = 0; i < w; i++) {
                    position[0] = i * step;
                    pixels[j * w + i] = (float) hdu.pixel(position);
                }
                rows.worked(1);
            }
            Optional<WorldCoordinates> wcs = hdu.wcs().map(WorldCoordinates::of);
            return new FitsPicture(file, hdu.index(), hdu.cards(), width, height, planes, k, step, pixels, wcs);
        }
    }

    private static boolean isPicture(FitsHdu hdu) {
        return hdu.kind() == FitsHdu.Kind.IMAGE && hdu.shape().size() >= 2
                && hdu.shape().stream().allMatch(n -> n > 0);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the reader reports the missing file with its own message
        }
    }
}
