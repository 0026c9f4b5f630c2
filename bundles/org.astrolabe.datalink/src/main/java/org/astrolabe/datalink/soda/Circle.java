package org.astrolabe.datalink.soda;

/**
 * A circle on the sky in ICRS degrees, as SODA's {@code CIRCLE} and {@code POS=CIRCLE} take it.
 * Immutable and thread-safe.
 *
 * @param ra right ascension of the centre, 0 ≤ ra &lt; 360 (360 is taken as 0)
 * @param dec declination of the centre, -90 ≤ dec ≤ 90
 * @param radius radius, 0 &lt; radius ≤ 180
 */
public record Circle(double ra, double dec, double radius) implements SkyRegion {

    /** @throws IllegalArgumentException naming the bad value when one is out of range or not a number */
    public Circle {
        ra = SkyRegion.checkRa(ra);
        SkyRegion.checkDec(dec);
        if (!(radius > 0 && radius <= 180)) {
            throw new IllegalArgumentException("A circle's radius must be above 0 and at most 180 degrees: " + radius);
        }
    }

    /** @return {@code "ra dec radius"}, the value of SODA's {@code CIRCLE} */
    public String sodaValue() {
        return SkyRegion.format(ra) + " " + SkyRegion.format(dec) + " " + SkyRegion.format(radius);
    }

    @Override
    public String posValue() {
        return "CIRCLE " + sodaValue();
    }

    @Override
    public Circle boundingCircle() {
        return this;
    }
}
