package org.astrolabe.datalink.internal.soda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.astrolabe.datalink.DescriptorParameter;
import org.astrolabe.datalink.ServiceDescriptor;
import org.astrolabe.datalink.soda.Circle;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.astrolabe.datalink.soda.Interval;
import org.astrolabe.datalink.soda.SkyRegion;

/** Turns a cutout request into the parameters a descriptor accepts, checking its limits. Stateless. */
public final class SodaParameters {

    private SodaParameters() {
    }

    /**
     * @return the parameters to send
     * @throws InvalidInputException naming the parameter or value the descriptor does not allow
     */
    public static List<Parameter> build(ServiceDescriptor d, CutoutRequest r) throws InvalidInputException {
        List<Parameter> out = new ArrayList<>();
        String id = d.input("ID").flatMap(DescriptorParameter::fixedValue).orElse(r.id());
        out.add(new Parameter("ID", id));
        for (DescriptorParameter p : d.inputs()) {
            // Fixed values other than ID (CADC's RUNID) go along as the descriptor says.
            if (!p.name().equalsIgnoreCase("ID") && p.fixedValue().isPresent() && p.ref().isEmpty()
                    && !r.extra().containsKey(p.name())) {
                out.add(new Parameter(p.name(), p.value()));
            }
        }
        Optional<Circle> footprint = footprint(d);
        for (SkyRegion pos : r.positions()) {
            require(d, "POS", r);
            checkSky(d, "POS " + pos.posValue(), pos, footprint);
            out.add(new Parameter("POS", pos.posValue()));
        }
        for (Circle c : r.circles()) {
            require(d, "CIRCLE", r);
            checkSky(d, "CIRCLE " + c.sodaValue(), c, footprint);
            out.add(new Parameter("CIRCLE", c.sodaValue()));
        }
        for (var p : r.polygons()) {
            require(d, "POLYGON", r);
            checkSky(d, "POLYGON " + p.sodaValue(), p, footprint);
            out.add(new Parameter("POLYGON", p.sodaValue()));
        }
        for (Interval band : r.bands()) {
            checkInterval(d, "BAND", band, r, "wavelength");
            out.add(new Parameter("BAND", band.sodaValue()));
        }
        for (Interval time : r.times()) {
            checkInterval(d, "TIME", time, r, "time");
            out.add(new Parameter("TIME", time.sodaValue()));
        }
        for (String pol : r.pols()) {
            DescriptorParameter p = require(d, "POL", r);
            if (p != null && !p.options().isEmpty() && p.options().stream().noneMatch(pol::equalsIgnoreCase)) {
                throw new InvalidInputException("Dataset " + r.id() + " has no polarisation state " + pol
                        + "; it offers " + String.join(", ", p.options()), d.accessUrl(), null);
            }
            out.add(new Parameter("POL", pol));
        }
        for (var e : r.extra().entrySet()) {
            DescriptorParameter p = require(d, e.getKey(), r);
            if (p != null && !p.options().isEmpty() && !p.options().contains(e.getValue())) {
                throw new InvalidInputException("Parameter " + e.getKey() + " of " + r.id() + " takes one of "
                        + String.join(", ", p.options()) + ", not " + e.getValue(), d.accessUrl(), null);
            }
            out.removeIf(x -> x.name().equalsIgnoreCase(e.getKey()));
            out.add(new Parameter(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** @return the descriptor's parameter, or {@code null} when the descriptor declares no inputs at all */
    private static DescriptorParameter require(ServiceDescriptor d, String name, CutoutRequest r)
            throws InvalidInputException {
        if (d.inputs().isEmpty()) {
            return null;
        }
        return d.input(name).orElseThrow(() -> new InvalidInputException("The cutout service of " + r.id()
                + " does not take " + name + " (it takes " + String.join(", ", d.inputs().stream()
                        .map(DescriptorParameter::name).toList()) + ")", d.accessUrl(), null));
    }

    /** The dataset's footprint as a circle: CIRCLE's MAX, else POLYGON's MAX, else RA/DEC ranges. */
    static Optional<Circle> footprint(ServiceDescriptor d) {
        Optional<double[]> circle = d.input("CIRCLE").map(DescriptorParameter::maxNumbers).filter(n -> n.length == 3);
        if (circle.isPresent()) {
            double[] c = circle.get();
            return Optional.of(new Circle((c[0] % 360 + 360) % 360, c[1], Math.min(180, Math.max(c[2], 1e-9))));
        }
        Optional<double[]> poly = d.input("POLYGON").map(DescriptorParameter::maxNumbers)
                .filter(n -> n.length >= 6 && n.length % 2 == 0);
        if (poly.isPresent()) {
            return Optional.of(org.astrolabe.datalink.soda.Polygon.of(poly.get()).boundingCircle());
        }
        return Optional.empty();
    }

    private static void checkSky(ServiceDescriptor d, String parameter, SkyRegion region, Optional<Circle> footprint)
            throws InvalidInputException {
        if (footprint.isEmpty()) {
            return;
        }
        Circle f = footprint.get();
        Circle b = region.boundingCircle();
        double distance = SkyRegion.separation(f.ra(), f.dec(), b.ra(), b.dec());
        if (distance > f.radius() + b.radius()) {
            throw new InvalidInputException(String.format(Locale.ROOT,
                    "%s misses the dataset: its centre is %.4f° from the dataset's centre (%s %s), "
                            + "farther than the two radii (%.4f° + %.4f°)",
                    parameter, distance, SkyRegion.format(f.ra()), SkyRegion.format(f.dec()), b.radius(),
                    f.radius()), d.accessUrl(), null);
        }
    }

    private static void checkInterval(ServiceDescriptor d, String name, Interval value, CutoutRequest r, String what)
            throws InvalidInputException {
        DescriptorParameter p = require(d, name, r);
        if (p == null) {
            return;
        }
        double[] min = p.minNumbers();
        double[] max = p.maxNumbers();
        double lo = min.length > 0 ? min[0] : Double.NEGATIVE_INFINITY;
        double hi = max.length > 0 ? max[max.length - 1] : Double.POSITIVE_INFINITY;
        if (hi < lo) {
            return;
        }
        if (!value.overlaps(new Interval(lo, hi))) {
            throw new InvalidInputException("The " + name + " " + value.sodaValue() + " is outside the " + what
                    + " range of " + r.id() + " (" + SkyRegion.format(lo) + " to " + SkyRegion.format(hi)
                    + (p.unit().isEmpty() ? "" : " " + p.unit()) + ")", d.accessUrl(), null);
        }
    }
}
