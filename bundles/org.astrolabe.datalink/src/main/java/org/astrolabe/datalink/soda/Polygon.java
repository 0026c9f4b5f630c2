package org.astrolabe.datalink.soda;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A polygon on the sky in ICRS degrees (vertices joined by great circles), as SODA's
 * {@code POLYGON} and {@code POS=POLYGON} take it. Immutable and thread-safe.
 *
 * @param vertices ra, dec, ra, dec, ...: at least 3 vertices, each valid
 */
public record Polygon(List<Double> vertices) implements SkyRegion {

    /** @throws IllegalArgumentException for fewer than 3 vertices, an odd count of numbers, or a bad coordinate */
    public Polygon {
        vertices = List.copyOf(vertices);
        if (vertices.size() % 2 != 0) {
            throw new IllegalArgumentException("A polygon needs pairs of ra dec, not " + vertices.size() + " numbers");
        }
        if (vertices.size() < 6) {
            throw new IllegalArgumentException("A polygon needs at least 3 vertices, not " + vertices.size() / 2);
        }
        Double[] v = vertices.toArray(new Double[0]);
        for (int i = 0; i < v.length; i += 2) {
            v[i] = SkyRegion.checkRa(v[i]);
            SkyRegion.checkDec(v[i + 1]);
        }
        vertices = List.of(v);
    }

    /** @return a polygon of the given ra, dec pairs */
    public static Polygon of(double... raDec) {
        return new Polygon(java.util.Arrays.stream(raDec).boxed().toList());
    }

    /** @return {@code "ra1 dec1 ra2 dec2 ..."}, the value of SODA's {@code POLYGON} */
    public String sodaValue() {
        return vertices.stream().map(SkyRegion::format).collect(Collectors.joining(" "));
    }

    @Override
    public String posValue() {
        return "POLYGON " + sodaValue();
    }

    @Override
    public Circle boundingCircle() {
        // Centre: the normalised mean of the vertices' unit vectors; radius: the farthest vertex.
        double x = 0, y = 0, z = 0;
        for (int i = 0; i < vertices.size(); i += 2) {
            double ra = Math.toRadians(vertices.get(i));
            double dec = Math.toRadians(vertices.get(i + 1));
            x += Math.cos(dec) * Math.cos(ra);
            y += Math.cos(dec) * Math.sin(ra);
            z += Math.sin(dec);
        }
        double ra = (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
        double dec = Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
        double r = 0;
        for (int i = 0; i < vertices.size(); i += 2) {
            r = Math.max(r, SkyRegion.separation(ra, dec, vertices.get(i), vertices.get(i + 1)));
        }
        return new Circle(ra, dec, Math.min(180, Math.max(r, 1e-9)));
    }
}
