package org.astrolabe.ui.internal.fits;

import java.util.Arrays;

/**
 * IRAF's {@code zscale} display limits: a sample of the image's finite pixels, sorted, is fitted
 * with a straight line by iterative least squares that rejects points more than
 * {@value #KREJ} standard deviations off the line (and their neighbours); the limits are the
 * sample's median minus and plus the fitted slope, divided by the contrast, times half the sample.
 * When too many points are rejected the sample's minimum and maximum are used instead. The same
 * algorithm as IRAF's {@code display} task and astropy's {@code ZScaleInterval}. Stateless.
 */
public final class ZScale {

    /** Points in the sample at most. */
    public static final int SAMPLES = 1000;
    /** The contrast: smaller gives a wider range. */
    public static final double CONTRAST = 0.25;
    /** Rejection threshold in standard deviations. */
    static final double KREJ = 2.5;
    private static final int MAX_ITERATIONS = 5;
    private static final double MAX_REJECT = 0.5;
    private static final int MIN_PIXELS = 5;

    private ZScale() {
    }

    /**
     * Display limits of a picture.
     *
     * @param pixels the values, NaN and infinities ignored
     * @return {@code {z1, z2}} with {@code z1 <= z2}; {@code {0, 0}} when no value is finite
     */
    public static double[] limits(float[] pixels) {
        return limitsOfSample(sample(pixels, SAMPLES));
    }

    /**
     * Takes at most {@code max} finite values spread evenly over the whole array, sorted.
     */
    static double[] sample(float[] pixels, int max) {
        int finite = 0;
        for (float p : pixels) {
            if (Float.isFinite(p)) {
                finite++;
            }
        }
        // Rounded up, so that the sample spans the whole picture (astropy rounds down and keeps the
        // first max values, which for 1,764 pixels leaves the last 40% of the rows unsampled).
        int stride = Math.max(1, (finite + max - 1) / max);
        double[] out = new double[Math.min(finite, max)];
        int n = 0;
        int seen = 0;
        for (int i = 0; i < pixels.length && n < out.length; i++) {
            if (Float.isFinite(pixels[i])) {
                if (seen % stride == 0) {
                    out[n++] = pixels[i];
                }
                seen++;
            }
        }
        double[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * @param samples sorted finite values
     * @return the zscale limits of the sample
     */
    static double[] limitsOfSample(double[] samples) {
        int npix = samples.length;
        if (npix == 0) {
            return new double[] {0, 0};
        }
        double zmin = samples[0];
        double zmax = samples[npix - 1];
        int center = (npix - 1) / 2;
        double median = npix % 2 == 1 ? samples[center] : 0.5 * (samples[center] + samples[center + 1]);
        int minpix = Math.max(MIN_PIXELS, (int) (npix * MAX_REJECT));
        int ngrow = Math.max(1, (int) (npix * 0.01));
        boolean[] bad = new boolean[npix];
        int ngood = npix;
        int lastNgood = npix + 1;
        double slope = 0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            if (ngood >= lastNgood || ngood < minpix) {
                break;
            }
            double[] fit = fitLine(samples, bad);
            double intercept = fit[0];
            slope = fit[1];
            double[] flat = new double[npix];
            double sum = 0;
            double sumSq = 0;
            int count = 0;
            for (int i = 0; i < npix; i++) {
                flat[i] = samples[i] - (intercept + slope * i);
                if (!bad[i]) {
                    sum += flat[i];
                    sumSq += flat[i] * flat[i];
                    count++;
                }
            }
            double mean = sum / count;
            double sigma = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
            double threshold = KREJ * sigma;
            boolean[] rejected = new boolean[npix];
            for (int i = 0; i < npix; i++) {
                rejected[i] = bad[i] || flat[i] < -threshold || flat[i] > threshold;
            }
            bad = grow(rejected, ngrow);
            lastNgood = ngood;
            ngood = 0;
            for (boolean b : bad) {
                if (!b) {
                    ngood++;
                }
            }
        }
        if (ngood < minpix) {
            return new double[] {zmin, zmax};
        }
        slope /= CONTRAST;
        double z1 = Math.max(zmin, median - (center - 1) * slope);
        double z2 = Math.min(zmax, median + (npix - center) * slope);
        if (z2 < z1) {
            return new double[] {zmin, zmax};
        }
        return new double[] {z1, z2};
    }

    /** Least-squares line through the good points: {@code {intercept, slope}} over the index. */
    private static double[] fitLine(double[] y, boolean[] bad) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (!bad[i]) {
                sx += i;
                sy += y[i];
                sxx += (double) i * i;
                sxy += i * y[i];
                n++;
            }
        }
        double denominator = n * sxx - sx * sx;
        if (n < 2 || denominator == 0) {
            return new double[] {n == 0 ? 0 : sy / n, 0};
        }
        double slope = (n * sxy - sx * sy) / denominator;
        return new double[] {(sy - slope * sx) / n, slope};
    }

    /** Marks the neighbours of rejected points too (IRAF's "ngrow"), as a centred box of width {@code width}. */
    private static boolean[] grow(boolean[] rejected, int width) {
        if (width <= 1) {
            return rejected;
        }
        boolean[] out = new boolean[rejected.length];
        int before = (width - 1) / 2;
        int after = width - 1 - before;
        for (int i = 0; i < rejected.length; i++) {
            if (rejected[i]) {
                for (int j = Math.max(0, i - after); j <= Math.min(rejected.length - 1, i + before); j++) {
                    out[j] = true;
                }
            }
        }
        return out;
    }
}
