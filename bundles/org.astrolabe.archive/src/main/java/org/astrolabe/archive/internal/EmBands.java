package org.astrolabe.archive.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * CAOM2's energy band names for a wavelength range (the ranges CAOM2's EnergyBand uses, in
 * metres). Stateless.
 */
final class EmBands {

    private record Band(String name, double min, double max) {
    }

    private static final List<Band> BANDS = List.of(
            new Band("Gamma-ray", 0, 1e-11),
            new Band("X-ray", 1e-11, 1e-8),
            new Band("EUV", 1e-8, 1e-7),
            new Band("UV", 1e-7, 3e-7),
            new Band("Optical", 3e-7, 7.5e-7),
            new Band("Infrared", 7.5e-7, 1e-3),
            new Band("Millimeter", 1e-3, 1e-1),
            new Band("Radio", 1e-1, Double.POSITIVE_INFINITY));

    private EmBands() {
    }

    /** @return the names of the bands that overlap [min, max], shortest wavelength first; none for NaN */
    static List<String> of(double min, double max) {
        List<String> names = new ArrayList<>();
        if (Double.isNaN(min) || Double.isNaN(max)) {
            return names;
        }
        for (Band b : BANDS) {
            if (min < b.max && max > b.min) {
                names.add(b.name);
            }
        }
        return names;
    }
}
