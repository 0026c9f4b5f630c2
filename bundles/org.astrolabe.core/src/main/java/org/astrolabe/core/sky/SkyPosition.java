package org.astrolabe.core.sky;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position on the sky in ICRS degrees. Immutable and thread-safe.
 *
 * @param ra right ascension, 0 ≤ ra &lt; 360
 * @param dec declination, -90 ≤ dec ≤ 90
 */
public record SkyPosition(double ra, double dec) {

    private static final String NUM = "(\\d+(?:\\.\\d*)?|\\.\\d+)";
    private static final Pattern HMS = Pattern.compile(
            "(\\d{1,2})\\s*h\\s*(?:(\\d{1,2})\\s*m\\s*(?:" + NUM + "\\s*s?)?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DMS = Pattern.compile(
            "([-+]?)(\\d{1,2})\\s*[d°]\\s*(?:(\\d{1,2})\\s*[m']\\s*(?:" + NUM + "\\s*(?:s|\"|'')?)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COLONS = Pattern.compile("([-+]?)(\\d{1,3}):(\\d{1,2})(?::" + NUM + ")?");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    /** @throws IllegalArgumentException naming the value when a coordinate is out of range or not a number */
    public SkyPosition {
        if (!(ra >= 0 && ra < 360)) {
            throw new IllegalArgumentException("Right ascension must be at least 0 and below 360 degrees: " + ra);
        }
        if (!(dec >= -90 && dec <= 90)) {
            throw new IllegalArgumentException("Declination must be between -90 and +90 degrees: " + dec);
        }
    }

    /**
     * Parses a position as users write it: {@code 08h45m07.5s +54d18m00s},
     * {@code 08:45:07.5 +54:18:00} (right ascension in hours), or {@code 131.28125 54.3} (degrees);
     * the two coordinates separated by blanks or a comma.
     *
     * @param text the position
     * @return the position
     * @throws IllegalArgumentException naming the text (and the coordinate) when it cannot be read
     *         or a coordinate is out of range
     */
    public static SkyPosition parse(String text) {
        String t = text == null ? "" : text.strip();
        String[] parts = split(t);
        if (parts == null) {
            throw new IllegalArgumentException("Not a sky position: '" + Shown.text(text)
                    + "' (use e.g. '08h45m07.5s +54d18m00s', '08:45:07.5 +54:18:00' or '131.28125 54.3')");
        }
        String shown = Shown.text(text);
        double ra = parseRa(parts[0], shown);
        double dec = parseDec(parts[1], shown);
        if (ra == 360) {
            ra = 0;
        }
        return new SkyPosition(ra, dec);
    }

    private static String[] split(String t) {
        String[] words = t.split("[\\s,]+");
        if (words.length == 2) {
            return words;
        }
        if (words.length == 6) {
            // "08 45 07.5 +54 18 00" or "08h 45m 07.5s +54d 18m 00s"
            String sep = t.matches(".*[a-zA-Z°].*") ? "" : ":";
            return new String[] {String.join(sep, words[0], words[1], words[2]),
                    String.join(sep, words[3], words[4], words[5])};
        }
        return null;
    }

    private static double parseRa(String s, String whole) {
        Matcher m = HMS.matcher(s);
        if (m.matches()) {
            return hours(m.group(1), m.group(2), m.group(3), "right ascension", s);
        }
        m = COLONS.matcher(s);
        if (m.matches()) {
            if (!m.group(1).isEmpty()) {
                throw new IllegalArgumentException("Right ascension cannot have a sign: '" + Shown.text(s) + "' in '" + whole + "'");
            }
            return hours(m.group(2), m.group(3), m.group(4), "right ascension", s);
        }
        if (DECIMAL.matcher(s).matches()) {
            double ra = Double.parseDouble(s);
            if (!(ra >= 0 && ra <= 360)) {
                throw new IllegalArgumentException("Right ascension must be at least 0 and below 360 degrees: '" + Shown.text(s)
                        + "' in '" + whole + "'");
            }
            return ra;
        }
        throw new IllegalArgumentException("Not a right ascension: '" + Shown.text(s) + "' in '" + whole + "'");
    }

    private static double hours(String h, String m, String sec, String what, String s) {
        int hh = Integer.parseInt(h);
        int mm = m == null ? 0 : Integer.parseInt(m);
        double ss = sec == null ? 0 : Double.parseDouble(sec);
        if (hh >= 24 || mm >= 60 || ss >= 60) {
            throw new IllegalArgumentException("Right ascension out of range (hours 0-23, minutes and seconds 0-59): '"
                    + Shown.text(s) + "'");
        }
        return (hh + mm / 60.0 + ss / 3600.0) * 15.0;
    }

    private static double parseDec(String s, String whole) {
        Matcher m = DMS.matcher(s);
        if (!m.matches()) {
            m = COLONS.matcher(s);
        }
        double dec;
        if (m.matches()) {
            int dd = Integer.parseInt(m.group(2));
            int mm = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            double ss = m.group(4) == null ? 0 : Double.parseDouble(m.group(4));
            if (mm >= 60 || ss >= 60) {
                throw new IllegalArgumentException("Declination out of range (minutes and seconds 0-59): '" + Shown.text(s)
                        + "' in '" + whole + "'");
            }
            dec = dd + mm / 60.0 + ss / 3600.0;
            if (m.group(1).equals("-")) {
                dec = -dec;
            }
        } else if (DECIMAL.matcher(s).matches()) {
            dec = Double.parseDouble(s);
        } else {
            throw new IllegalArgumentException("Not a declination: '" + Shown.text(s) + "' in '" + whole + "'");
        }
        if (!(dec >= -90 && dec <= 90)) {
            throw new IllegalArgumentException("Declination must be between -90 and +90 degrees: '" + Shown.text(s) + "' in '"
                    + whole + "'");
        }
        return dec;
    }

    /** @return the angular distance to {@code other}, in degrees */
    public double separation(SkyPosition other) {
        double ra1 = Math.toRadians(ra);
        double ra2 = Math.toRadians(other.ra);
        double d1 = Math.toRadians(dec);
        double d2 = Math.toRadians(other.dec);
        double sdd = Math.sin((d2 - d1) / 2);
        double sda = Math.sin((ra2 - ra1) / 2);
        double h = sdd * sdd + Math.cos(d1) * Math.cos(d2) * sda * sda;
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }

    /** @return {@code "ra dec"} in decimal degrees, as ADQL and SODA take them */
    @Override
    public String toString() {
        return format(ra) + " " + format(dec);
    }

    /** @return a number in plain decimal notation (never exponent form), shortest round-trip digits */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value) + ".0";
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }
}
