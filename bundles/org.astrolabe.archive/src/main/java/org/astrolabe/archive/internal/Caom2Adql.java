package org.astrolabe.archive.internal;

import org.astrolabe.archive.RegionQuery;

/**
 * The ADQL of the CAOM2 recipes, as astroquery.cadc builds it (and with the target name escaped).
 * Stateless.
 */
public final class Caom2Adql {

    /** The columns the region and name recipes return. */
    static final String COLUMNS = "o.obsID, o.collection, o.observationID, o.target_name, o.instrument_name, "
            + "o.intent, p.planeID, p.productID, p.publisherID, p.dataProductType, p.calibrationLevel, "
            + "p.energy_emBand, p.quality_flag";
    private static final String FROM = " FROM caom2.Observation AS o JOIN caom2.Plane AS p ON o.obsID = p.obsID";

    private Caom2Adql() {
    }

    /** @return the collections and their bands */
    public static String collections() {
        return "SELECT DISTINCT collection, energy_emBand FROM caom2.EnumField";
    }

    /** @return the observations whose planes' footprints intersect the circle, junk left out */
    public static String region(RegionQuery q) {
        StringBuilder adql = new StringBuilder("SELECT ").append(COLUMNS).append(FROM)
                .append(" WHERE INTERSECTS(").append(Adql.circle(q.position(), q.radius().degrees()))
                .append(", p.position_bounds) = 1")
                .append(" AND (p.quality_flag IS NULL OR p.quality_flag != 'junk')");
        q.collection().ifPresent(c -> adql.append(" AND o.collection = ").append(Adql.string(c)));
        q.dataProductType().ifPresent(t -> adql.append(" AND p.dataProductType = ").append(Adql.string(t)));
        return adql.toString();
    }

    /** @return the observations whose target name may contain {@code target} (filter the rows afterwards) */
    public static String name(String target) {
        return "SELECT " + COLUMNS + FROM + " WHERE LOWER(o.target_name) LIKE " + Adql.containsPattern(target);
    }
}
