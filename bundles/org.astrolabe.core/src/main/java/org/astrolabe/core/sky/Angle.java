package org.astrolabe.core.sky;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A non-negative angle such as a search radius, held in degrees. Immutable and thread-safe.
 *
 * @param degrees the angle in degrees, 0 ≤ degrees ≤ 180
 */
public record Angle(double degrees) {

    private static final Pattern WITH_UNIT = Pattern.compile(
            "([+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(deg|degrees?|d|°|arcmin|amin|'|arcsec|asec|\"|mas|rad)?");

    /** @throws IllegalArgumentException naming the value when it is negative, above 180° or not a number */
    public Angle {
        if (!(degrees >= 0 && degrees <= 180)) {
            throw new IllegalArgumentException("An angle must be between 0 and 180 degrees: " + degrees);
        }
    }

    /** @return an angle of {@code arcmin} arc minutes */
    public static Angle ofArcmin(double arcmin) {
        return new Angle(arcmin / 60.0);
    }

    /** @return an angle of {@code arcsec} arc seconds */
    public static Angle ofArcsec(double arcsec) {
        return new Angle(arcsec / 3600.0);
    }

    /**
     * Parses a radius as users write it: {@code 1arcmin}, {@code 0.1deg}, {@code 30arcsec},
     * {@code 2'}, {@code 5"}, {@code 100mas}, {@code 0.01rad}, or a plain number in degrees.
     *
     * @param text the angle
     * @return the angle
     * @throws IllegalArgumentException naming the text when it is not an angle or out of range
     */
    public static Angle parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = WITH_UNIT.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not an angle: '" + Shown.text(text)
                    + "' (use e.g. 1arcmin, 0.1deg, 30arcsec, or a number of degrees)");
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "deg" : m.group(2);
        double deg = switch (unit) {
            case "arcmin", "amin", "'" -> value / 60.0;
            case "arcsec", "asec", "\"" -> value / 3600.0;
            case "mas" -> value / 3.6e6;
            case "rad" -> Math.toDegrees(value);
            default -> value;
        };
        if (!(deg >= 0 && deg <= 180)) {
            throw new IllegalArgumentException("An angle must be between 0 and 180 degrees: '" + Shown.text(text) + "'");
        }
        return new Angle(deg);
    }

    /** @return the angle in arc minutes */
    public double arcmin() {
        return degrees * 60.0;
    }

    /** @return the angle in arc seconds */
    public double arcsec() {
        return degrees * 3600.0;
    }

    /** @return the degrees in the shortest decimal form that reads back to the same double */
    @Override
    public String toString() {
        return SkyPosition.format(degrees) + "deg";
    }
}
