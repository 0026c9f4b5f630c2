package org.astrolabe.ui.internal.fits;

/**
 * How pixel values become grey levels: the range is the picture's minimum to maximum (z-scale: the
 * IRAF zscale limits), and the fraction of the range is mapped to 0–1 linearly, logarithmically
 * (as ds9 does, {@code log10(a·t + 1) / log10(a + 1)} with a = {@value #LOG_EXPONENT}) or by its
 * square root.
 */
public enum Stretch {
    /** Linear from minimum to maximum. */
    LINEAR("Linear"),
    /** Logarithmic from minimum to maximum: faint structure brightened. */
    LOG("Log"),
    /** Square root from minimum to maximum. */
    SQRT("Square root"),
    /** Linear between IRAF's zscale limits: the sky and faint sources, bright ones saturated. */
    ZSCALE("Z-scale");

    /** The {@code a} of the log stretch. */
    static final double LOG_EXPONENT = 1000;

    private final String label;

    Stretch(String label) {
        this.label = label;
    }

    /** @return the name shown to the user */
    public String label() {
        return label;
    }

    /**
     * @param pixels the picture's values
     * @return {@code {low, high}}: the values shown black and white
     */
    public double[] range(float[] pixels) {
        if (this == ZSCALE) {
            return ZScale.limits(pixels);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float p : pixels) {
            if (Float.isFinite(p)) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
        }
        return min > max ? new double[] {0, 0} : new double[] {min, max};
    }

    /**
     * @param value a pixel value
     * @param low the value shown black
     * @param high the value shown white
     * @return the grey level from 0 to 1 (values outside the range are clipped); NaN for NaN
     */
    public double apply(double value, double low, double high) {
        if (Double.isNaN(value)) {
            return Double.NaN;
        }
        double t = high > low ? (value - low) / (high - low) : value >= high ? 1 : 0;
        t = Math.clamp(t, 0, 1);
        return switch (this) {
            case LINEAR, ZSCALE -> t;
            case LOG -> Math.log10(LOG_EXPONENT * t + 1) / Math.log10(LOG_EXPONENT + 1);
            case SQRT -> Math.sqrt(t);
        };
    }

    /** @return the stretch of that label or name, case-insensitive */
    public static Stretch of(String text) {
        for (Stretch s : values()) {
            if (s.label.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("No such stretch: " + text + "; use linear, log, sqrt or zscale");
    }
}
