package org.astrolabe.datalink.soda;

/**
 * A region of the sky that SODA's {@code POS} accepts: {@link Circle}, {@link Polygon} or
 * {@link PosRange}. Implementations are immutable records that validate in their constructor.
 */
public sealed interface SkyRegion permits Circle, Polygon, PosRange {

    /** @return the value of SODA's {@code POS}, e.g. {@code CIRCLE 180 0 0.02} */
    String posValue();

    /** @return a circle that contains the whole region, for checking it against a dataset's footprint */
    Circle boundingCircle();

    /**
     * @return the angular distance in degrees between two positions given in degrees
     */
    static double separation(double ra1, double dec1, double ra2, double dec2) {
        double p1 = Math.toRadians(dec1);
        double p2 = Math.toRadians(dec2);
        double dra = Math.toRadians(ra2 - ra1);
        double a = Math.pow(Math.sin((p2 - p1) / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dra / 2), 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(a))));
    }

    /** @return {@code ra}, with 360 taken as 0; @throws IllegalArgumentException outside [0, 360] */
    static double checkRa(double ra) {
        if (!(ra >= 0 && ra <= 360)) {
            throw new IllegalArgumentException("A right ascension must be between 0 and 360 degrees: " + ra);
        }
        return ra == 360 ? 0 : ra;
    }

    /** @throws IllegalArgumentException outside [-90, 90] */
    static void checkDec(double dec) {
        if (!(dec >= -90 && dec <= 90)) {
            throw new IllegalArgumentException("A declination must be between -90 and 90 degrees: " + dec);
        }
    }

    /** @return the shortest decimal text that reads back as {@code value} */
    static String format(double value) {
        if (value == Double.POSITIVE_INFINITY) {
            return "+Inf";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
