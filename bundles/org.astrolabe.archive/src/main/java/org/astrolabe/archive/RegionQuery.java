package org.astrolabe.archive;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;

/**
 * Observations around a position. Immutable and thread-safe.
 *
 * @param position the centre
 * @param radius the radius (above 0)
 * @param collection keep only this collection, if given
 * @param dataProductType keep only this product type ({@code image}, {@code cube}, ...), if given
 * @param centreOnly ObsCore: match the observation's centre ({@code s_ra, s_dec}) rather than its
 *        footprint ({@code s_region}); CAOM2 always matches the footprint
 * @param maxrec the MAXREC to send, if any
 */
public record RegionQuery(SkyPosition position, Angle radius, Optional<String> collection,
        Optional<String> dataProductType, boolean centreOnly, OptionalLong maxrec) {

    /** @throws IllegalArgumentException for a zero radius, a blank collection or product type */
    public RegionQuery {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(radius, "radius");
        if (radius.degrees() <= 0) {
            throw new IllegalArgumentException("The search radius must be above 0: " + radius);
        }
        collection = Objects.requireNonNullElse(collection, Optional.<String>empty()).map(String::strip);
        dataProductType = Objects.requireNonNullElse(dataProductType, Optional.<String>empty()).map(String::strip);
        if (collection.isPresent() && collection.get().isEmpty()) {
            throw new IllegalArgumentException("The collection must not be blank");
        }
        if (dataProductType.isPresent() && dataProductType.get().isEmpty()) {
            throw new IllegalArgumentException("The data product type must not be blank");
        }
        maxrec = Objects.requireNonNullElse(maxrec, OptionalLong.empty());
    }

    /** @return a query for the footprints intersecting the circle, no other condition */
    public static RegionQuery of(SkyPosition position, Angle radius) {
        return new RegionQuery(position, radius, Optional.empty(), Optional.empty(), false, OptionalLong.empty());
    }

    /** @return a copy keeping only one collection */
    public RegionQuery withCollection(String name) {
        return new RegionQuery(position, radius, Optional.ofNullable(name), dataProductType, centreOnly, maxrec);
    }

    /** @return a copy keeping only one data product type */
    public RegionQuery withDataProductType(String type) {
        return new RegionQuery(position, radius, collection, Optional.ofNullable(type), centreOnly, maxrec);
    }

    /** @return a copy sending MAXREC */
    public RegionQuery withMaxrec(long rows) {
        return new RegionQuery(position, radius, collection, dataProductType, centreOnly, OptionalLong.of(rows));
    }

    /** @return a copy matching the observations' centres (ObsCore) */
    public RegionQuery withCentreOnly(boolean centre) {
        return new RegionQuery(position, radius, collection, dataProductType, centre, maxrec);
    }
}
