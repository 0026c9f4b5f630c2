package org.astrolabe.archive.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.astrolabe.archive.RegionQuery;

/** The ADQL of the ObsCore recipes. Stateless. */
public final class ObsCoreAdql {

    private ObsCoreAdql() {
    }

    /** @return each collection with the wavelength range it covers */
    public static String collections() {
        return "SELECT obs_collection, MIN(em_min) AS em_min, MAX(em_max) AS em_max FROM ivoa.ObsCore"
                + " GROUP BY obs_collection";
    }

    /** @return the observations whose footprint (or centre) is in the circle */
    public static String region(RegionQuery q) {
        String circle = Adql.circle(q.position(), q.radius().degrees());
        StringBuilder adql = new StringBuilder("SELECT * FROM ivoa.ObsCore WHERE ");
        if (q.centreOnly()) {
            adql.append("1 = CONTAINS(POINT('ICRS', s_ra, s_dec), ").append(circle).append(")");
        } else {
            adql.append("1 = INTERSECTS(").append(circle).append(", s_region)");
        }
        q.collection().ifPresent(c -> adql.append(" AND obs_collection = ").append(Adql.string(c)));
        q.dataProductType().ifPresent(t -> adql.append(" AND dataproduct_type = ").append(Adql.string(t)));
        return adql.toString();
    }

    /** @return the observations whose target name may contain {@code target} (filter the rows afterwards) */
    public static String name(String target) {
        return "SELECT * FROM ivoa.ObsCore WHERE LOWER(target_name) LIKE " + Adql.containsPattern(target);
    }

    /** @return access URL and format of these datasets */
    public static String accessUrls(List<String> ids) {
        return "SELECT obs_publisher_did, access_url, access_format FROM ivoa.ObsCore WHERE obs_publisher_did IN ("
                + ids.stream().map(Adql::string).collect(Collectors.joining(", ")) + ")";
    }
}
