package org.astrolabe.ui.internal.datalink;

import java.util.Arrays;
import java.util.Locale;

import org.astrolabe.datalink.soda.Circle;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.astrolabe.datalink.soda.Interval;
import org.astrolabe.datalink.soda.Polygon;

/**
 * Turns what the user typed in the cutout dialog into a {@link CutoutRequest}; every mistake is
 * an {@link IllegalArgumentException} whose message names the field and the bad text. A field
 * given as {@code null} is not used.
 *
 * @param circle {@code ra dec radius} in degrees, or {@code null}
 * @param polygon {@code ra1 dec1 ra2 dec2 ra3 dec3 ...} in degrees, or {@code null}
 * @param band {@code lower upper} wavelengths in metres ({@code -Inf}, {@code +Inf} allowed), or {@code null}
 * @param time {@code lower upper} in MJD, or {@code null}
 * @param pol polarisation states separated by spaces or commas, or {@code null}
 */
public record CutoutInput(String circle, String polygon, String band, String time, String pol) {

    /**
     * @param id the dataset identifier
     * @return the request
     * @throws IllegalArgumentException naming the field when a value is malformed or out of range,
     *         or when no field is used
     */
    public CutoutRequest toRequest(String id) {
        CutoutRequest.Builder builder = CutoutRequest.of(id);
        boolean any = false;
        if (circle != null) {
            double[] v = numbers("Circle", circle, 3, 3);
            builder.circle(guard("Circle", () -> new Circle(v[0], v[1], v[2])));
            any = true;
        }
        if (polygon != null) {
            double[] v = numbers("Polygon", polygon, 6, Integer.MAX_VALUE);
            builder.polygon(guard("Polygon", () -> Polygon.of(v)));
            any = true;
        }
        if (band != null) {
            double[] v = numbers("Band", band, 2, 2);
            builder.band(guard("Band", () -> new Interval(v[0], v[1])));
            any = true;
        }
        if (time != null) {
            double[] v = numbers("Time", time, 2, 2);
            builder.time(guard("Time", () -> new Interval(v[0], v[1])));
            any = true;
        }
        if (pol != null) {
            String[] states = pol.strip().split("[\\s,]+");
            if (states.length == 0 || states[0].isEmpty()) {
                throw new IllegalArgumentException("Pol: give at least one polarisation state, e.g. I or Q U");
            }
            for (String s : states) {
                builder.pol(guard("Pol", () -> {
                    if (!s.matches("[A-Za-z]+")) {
                        throw new IllegalArgumentException("not a polarisation state: '" + s + "'");
                    }
                    return s.toUpperCase(Locale.ROOT);
                }));
            }
            any = true;
        }
        if (!any) {
            throw new IllegalArgumentException("Choose at least one of circle, polygon, band, time or polarisation");
        }
        return builder.build();
    }

    private static double[] numbers(String field, String text, int min, int max) {
        String[] parts = text.strip().split("[\\s,]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            try {
                out[i] = switch (p.toLowerCase(Locale.ROOT)) {
                    case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
                    case "inf", "+inf", "infinity", "+infinity" -> Double.POSITIVE_INFINITY;
                    default -> Double.parseDouble(p);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + ": '" + p + "' is not a number");
            }
        }
        if (text.isBlank() || out.length < min || out.length > max) {
            String count = min == max ? String.valueOf(min) : "at least " + min;
            throw new IllegalArgumentException(field + ": expected " + count + " numbers, got '" + text.strip() + "'");
        }
        if (Arrays.stream(out).anyMatch(Double::isNaN)) {
            throw new IllegalArgumentException(field + ": NaN is not allowed");
        }
        return out;
    }

    private static <T> T guard(String field, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }
}
