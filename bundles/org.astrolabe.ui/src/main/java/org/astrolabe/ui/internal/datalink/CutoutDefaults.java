package org.astrolabe.ui.internal.datalink;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;

import org.astrolabe.datalink.DescriptorParameter;
import org.astrolabe.datalink.ServiceDescriptor;

/**
 * What the cutout dialog proposes for one dataset: which SODA parameters its descriptor offers and
 * their starting values, from the selected row's position and the descriptor's limits
 * ({@code VALUES/MIN/MAX}). Immutable.
 *
 * @param circle {@code "ra dec radius"} when the descriptor takes CIRCLE, else empty
 * @param polygon the footprint's vertices {@code "ra1 dec1 ra2 dec2 ..."} when it takes POLYGON
 * @param band {@code "lower upper"} in metres when it takes BAND
 * @param time {@code "lower upper"} in MJD when it takes TIME
 * @param pols the polarisation states it offers when it takes POL (empty list: any, free text)
 * @param takesPol whether the descriptor takes POL at all
 */
public record CutoutDefaults(Optional<String> circle, Optional<String> polygon, Optional<String> band,
        Optional<String> time, List<String> pols, boolean takesPol) {

    /** The share of the dataset's radius a proposed circle gets. */
    static final double RADIUS_SHARE = 0.25;

    /** Copies the options. */
    public CutoutDefaults {
        pols = List.copyOf(pols);
    }

    /**
     * @param descriptor the dataset's SODA descriptor
     * @param rowPosition the selected row's (ra, dec) in degrees, if it has one
     * @return the proposals
     */
    public static CutoutDefaults of(ServiceDescriptor descriptor, Optional<double[]> rowPosition) {
        Optional<String> circle = descriptor.input("CIRCLE").map(p -> circle(p, descriptor, rowPosition));
        Optional<String> polygon = descriptor.input("POLYGON").map(p -> polygon(p, descriptor, rowPosition));
        Optional<String> band = descriptor.input("BAND").map(CutoutDefaults::interval);
        Optional<String> time = descriptor.input("TIME").map(CutoutDefaults::interval);
        Optional<DescriptorParameter> pol = descriptor.input("POL");
        return new CutoutDefaults(circle, polygon, band, time, pol.map(DescriptorParameter::options).orElse(List.of()),
                pol.isPresent());
    }

    private static String circle(DescriptorParameter circle, ServiceDescriptor descriptor,
            Optional<double[]> rowPosition) {
        double[] max = circle.maxNumbers();
        double[] centre = rowPosition.orElseGet(() -> max.length == 3 ? new double[] {max[0], max[1]}
                : centreOfRanges(descriptor).orElse(new double[] {0, 0}));
        double radius = max.length == 3 && max[2] > 0 ? max[2] * RADIUS_SHARE
                : radiusOfRanges(descriptor).orElse(1.0 / 60);
        return decimals(centre[0]) + " " + decimals(centre[1]) + " " + round(radius, 3);
    }

    private static String polygon(DescriptorParameter polygon, ServiceDescriptor descriptor,
            Optional<double[]> rowPosition) {
        double[] max = polygon.maxNumbers();
        if (max.length >= 6 && max.length % 2 == 0) {
            return polygon.max();
        }
        // No footprint given: a small square around the position.
        double[] c = rowPosition.or(() -> centreOfRanges(descriptor)).orElse(new double[] {0, 0});
        double h = 1.0 / 60;
        double dRa = h / Math.max(0.01, Math.cos(Math.toRadians(c[1])));
        return String.join(" ", decimals(c[0] - dRa), decimals(c[1] - h), decimals(c[0] + dRa), decimals(c[1] - h),
                decimals(c[0] + dRa), decimals(c[1] + h), decimals(c[0] - dRa), decimals(c[1] + h));
    }

    private static String interval(DescriptorParameter p) {
        double[] min = p.minNumbers();
        double[] max = p.maxNumbers();
        String lower = min.length >= 1 ? round(min[0], 10) : "-Inf";
        String upper = max.length >= 1 ? round(max[max.length - 1], 10) : "+Inf";
        return lower + " " + upper;
    }

    private static Optional<double[]> centreOfRanges(ServiceDescriptor d) {
        Optional<double[]> ra = d.input("RA").map(p -> span(p)).filter(s -> s.length == 2);
        Optional<double[]> dec = d.input("DEC").map(p -> span(p)).filter(s -> s.length == 2);
        if (ra.isEmpty() || dec.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new double[] {(ra.get()[0] + ra.get()[1]) / 2, (dec.get()[0] + dec.get()[1]) / 2});
    }

    private static Optional<Double> radiusOfRanges(ServiceDescriptor d) {
        return d.input("DEC").map(p -> span(p)).filter(s -> s.length == 2)
                .map(s -> Math.abs(s[1] - s[0]) / 2 * RADIUS_SHARE);
    }

    private static double[] span(DescriptorParameter p) {
        double[] min = p.minNumbers();
        double[] max = p.maxNumbers();
        return min.length == 1 && max.length == 1 ? new double[] {min[0], max[0]} : new double[0];
    }

    /** @return an angle in degrees with at most 10 decimals (about 0.4 µas), trailing zeros dropped */
    static String decimals(double value) {
        BigDecimal rounded = new BigDecimal(value).setScale(10, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    /** @return {@code value} with at most {@code digits} significant digits, without exponent for angles */
    static String round(double value, int digits) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        return Math.abs(value) >= 1e-4 ? rounded.toPlainString() : rounded.toString();
    }
}
