package org.astrolabe.datalink.soda;

/**
 * A closed interval of numbers, as SODA's {@code BAND} (metres of wavelength) and {@code TIME}
 * (MJD) take it; either end may be infinite. Immutable and thread-safe.
 *
 * @param lower the lower end (may be {@code -Infinity})
 * @param upper the upper end, at least {@code lower} (may be {@code +Infinity})
 */
public record Interval(double lower, double upper) {

    /** @throws IllegalArgumentException for NaN or an upper end below the lower */
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            throw new IllegalArgumentException("An interval cannot have an undefined end: " + lower + " " + upper);
        }
        if (upper < lower) {
            throw new IllegalArgumentException("An interval's upper end " + upper + " is below its lower end " + lower);
        }
    }

    /** @return {@code "lower upper"} with {@code -Inf}/{@code +Inf} for infinite ends */
    public String sodaValue() {
        return SkyRegion.format(lower) + " " + SkyRegion.format(upper);
    }

    /** @return {@code true} if the two intervals share at least one point */
    public boolean overlaps(Interval other) {
        return lower <= other.upper && other.lower <= upper;
    }
}
