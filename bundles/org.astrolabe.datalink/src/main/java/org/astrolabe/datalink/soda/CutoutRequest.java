package org.astrolabe.datalink.soda;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to cut out of one dataset with SODA: its ID and any of POS, CIRCLE, POLYGON, BAND, TIME,
 * POL (each may repeat, as SODA allows) and other parameters of the service descriptor sent as
 * given. Every value is validated by its value type when built. Immutable and thread-safe.
 *
 * @param id the dataset identifier (SODA {@code ID})
 * @param positions {@code POS} values
 * @param circles {@code CIRCLE} values
 * @param polygons {@code POLYGON} values
 * @param bands {@code BAND} values, wavelengths in metres
 * @param times {@code TIME} values, MJD
 * @param pols {@code POL} values (Stokes or polarisation states, e.g. {@code I}, {@code Q})
 * @param extra other descriptor parameters by name (e.g. {@code KIND}, {@code PIXEL_1})
 */
public record CutoutRequest(String id, List<SkyRegion> positions, List<Circle> circles, List<Polygon> polygons,
        List<Interval> bands, List<Interval> times, List<String> pols, Map<String, String> extra) {

    /** @throws IllegalArgumentException for a blank id, a blank POL, or an empty request */
    public CutoutRequest {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A cutout needs the dataset's identifier");
        }
        positions = List.copyOf(positions);
        circles = List.copyOf(circles);
        polygons = List.copyOf(polygons);
        bands = List.copyOf(bands);
        times = List.copyOf(times);
        pols = List.copyOf(pols);
        for (String p : pols) {
            if (p.isBlank() || !p.strip().matches("[A-Za-z]+")) {
                throw new IllegalArgumentException("Not a polarisation state: '" + p + "'");
            }
        }
        extra = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extra));
        if (positions.isEmpty() && circles.isEmpty() && polygons.isEmpty() && bands.isEmpty() && times.isEmpty()
                && pols.isEmpty() && extra.isEmpty()) {
            throw new IllegalArgumentException("A cutout of " + id + " needs at least one of POS, CIRCLE, POLYGON, "
                    + "BAND, TIME, POL");
        }
    }

    /** @return a builder for a cutout of {@code id} */
    public static Builder of(String id) {
        return new Builder(id);
    }

    /** @return the same cut of another dataset */
    public CutoutRequest forId(String otherId) {
        return new CutoutRequest(otherId, positions, circles, polygons, bands, times, pols, extra);
    }

    /** Collects the parts of a request. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final List<SkyRegion> positions = new ArrayList<>();
        private final List<Circle> circles = new ArrayList<>();
        private final List<Polygon> polygons = new ArrayList<>();
        private final List<Interval> bands = new ArrayList<>();
        private final List<Interval> times = new ArrayList<>();
        private final List<String> pols = new ArrayList<>();
        private final Map<String, String> extra = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        /** @return this, with a {@code POS} */
        public Builder pos(SkyRegion region) {
            positions.add(Objects.requireNonNull(region, "region"));
            return this;
        }

        /** @return this, with a {@code CIRCLE} */
        public Builder circle(Circle circle) {
            circles.add(Objects.requireNonNull(circle, "circle"));
            return this;
        }

        /** @return this, with a {@code POLYGON} */
        public Builder polygon(Polygon polygon) {
            polygons.add(Objects.requireNonNull(polygon, "polygon"));
            return this;
        }

        /** @return this, with a {@code BAND} in metres */
        public Builder band(Interval band) {
            bands.add(Objects.requireNonNull(band, "band"));
            return this;
        }

        /** @return this, with a {@code TIME} in MJD */
        public Builder time(Interval time) {
            times.add(Objects.requireNonNull(time, "time"));
            return this;
        }

        /** @return this, with a {@code POL} */
        public Builder pol(String state) {
            pols.add(Objects.requireNonNull(state, "state").strip());
            return this;
        }

        /**
         * @return this, with another descriptor parameter
         * @throws IllegalArgumentException for a blank name or one of the parameters named above
         */
        public Builder parameter(String name, String value) {
            if (name == null || name.isBlank()
                    || List.of("ID", "POS", "CIRCLE", "POLYGON", "BAND", "TIME", "POL").contains(name.toUpperCase())) {
                throw new IllegalArgumentException("Use the typed methods for SODA parameter " + name);
            }
            extra.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** @return the request; @throws IllegalArgumentException as the record's constructor */
        public CutoutRequest build() {
            return new CutoutRequest(id, positions, circles, polygons, bands, times, pols, extra);
        }
    }
}
