package org.astrolabe.datalink.soda;

/**
 * A range in right ascension and declination, as SODA's {@code POS=RANGE} takes it. Immutable
 * and thread-safe.
 *
 * @param ra the right ascension range in degrees, within [0, 360] (infinite ends allowed)
 * @param dec the declination range in degrees, within [-90, 90] (infinite ends allowed)
 */
public record PosRange(Interval ra, Interval dec) implements SkyRegion {

    /** @throws IllegalArgumentException when a finite end is outside the sky */
    public PosRange {
        java.util.Objects.requireNonNull(ra, "ra");
        java.util.Objects.requireNonNull(dec, "dec");
        if (Double.isFinite(ra.lower()) && (ra.lower() < 0 || ra.lower() > 360)
                || Double.isFinite(ra.upper()) && (ra.upper() < 0 || ra.upper() > 360)) {
            throw new IllegalArgumentException("A right ascension range must lie within 0 to 360 degrees: " + ra);
        }
        if (Double.isFinite(dec.lower()) && dec.lower() < -90 || Double.isFinite(dec.upper()) && dec.upper() > 90) {
            throw new IllegalArgumentException("A declination range must lie within -90 to 90 degrees: " + dec);
        }
    }

    @Override
    public String posValue() {
        return "RANGE " + ra.sodaValue() + " " + dec.sodaValue();
    }

    @Override
    public Circle boundingCircle() {
        double ra1 = Double.isFinite(ra.lower()) ? ra.lower() : 0;
        double ra2 = Double.isFinite(ra.upper()) ? ra.upper() : 360;
        double d1 = Double.isFinite(dec.lower()) ? dec.lower() : -90;
        double d2 = Double.isFinite(dec.upper()) ? dec.upper() : 90;
        if (ra2 - ra1 >= 180) {
            return new Circle(0, 0, 180);
        }
        double cra = (ra1 + ra2) / 2;
        double cdec = (d1 + d2) / 2;
        double r = Math.max(Math.max(SkyRegion.separation(cra, cdec, ra1, d1), SkyRegion.separation(cra, cdec, ra1, d2)),
                Math.max(SkyRegion.separation(cra, cdec, ra2, d1), SkyRegion.separation(cra, cdec, ra2, d2)));
        return new Circle(cra, cdec, Math.min(180, Math.max(r, 1e-9)));
    }
}
