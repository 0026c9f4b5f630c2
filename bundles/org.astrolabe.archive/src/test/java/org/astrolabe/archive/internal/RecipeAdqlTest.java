package org.astrolabe.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.astrolabe.archive.RegionQuery;
import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;
import org.junit.jupiter.api.Test;

/** The ADQL each recipe builds. */
class RecipeAdqlTest {

    private static final RegionQuery M = RegionQuery.of(SkyPosition.parse("08h45m07.5s +54d18m00s"),
            Angle.parse("1arcmin"));

    @Test
    void caom2Collections() {
        assertEquals("SELECT DISTINCT collection, energy_emBand FROM caom2.EnumField", Caom2Adql.collections());
    }

    @Test
    void caom2Region() {
        assertEquals("SELECT " + Caom2Adql.COLUMNS + " FROM caom2.Observation AS o JOIN caom2.Plane AS p"
                + " ON o.obsID = p.obsID WHERE INTERSECTS(CIRCLE('ICRS', 131.28125, 54.3, 0.016666666666666666),"
                + " p.position_bounds) = 1 AND (p.quality_flag IS NULL OR p.quality_flag != 'junk')",
                Caom2Adql.region(M));
        String filtered = Caom2Adql.region(M.withCollection("CFHT").withDataProductType("image"));
        assertTrue(filtered.endsWith(" AND o.collection = 'CFHT' AND p.dataProductType = 'image'"), filtered);
        String quoted = Caom2Adql.region(M.withCollection("X' OR '1'='1"));
        assertTrue(quoted.endsWith(" AND o.collection = 'X'' OR ''1''=''1'"), quoted);
    }

    @Test
    void caom2NameEscapesQuotesAndWildcards() {
        assertEquals("SELECT " + Caom2Adql.COLUMNS + " FROM caom2.Observation AS o JOIN caom2.Plane AS p"
                + " ON o.obsID = p.obsID WHERE LOWER(o.target_name) LIKE '%m31%'", Caom2Adql.name("M31"));
        String q = Caom2Adql.name("O'Brien's 100% field");
        assertTrue(q.endsWith("LIKE '%o''brien''s 100_ field%'"), q);
        q = Caom2Adql.name("x' OR 1=1 --");
        assertTrue(q.endsWith("LIKE '%x'' or 1=1 --%'"), q);
        assertFalse(q.replace("''", "").contains("' OR"), q);
        q = Caom2Adql.name("a_b");
        assertTrue(q.endsWith("LIKE '%a_b%'"), q);
    }

    @Test
    void obsCoreRecipes() {
        assertEquals("SELECT * FROM ivoa.ObsCore WHERE 1 = INTERSECTS(CIRCLE('ICRS', 131.28125, 54.3, "
                + "0.016666666666666666), s_region)", ObsCoreAdql.region(M));
        assertEquals("SELECT * FROM ivoa.ObsCore WHERE 1 = CONTAINS(POINT('ICRS', s_ra, s_dec), CIRCLE('ICRS', "
                + "180.0, 0.0, 1.0)) AND obs_collection = 'astrolabe-sim' AND dataproduct_type = 'cube'",
                ObsCoreAdql.region(RegionQuery.of(new SkyPosition(180, 0), new Angle(1)).withCentreOnly(true)
                        .withCollection("astrolabe-sim").withDataProductType("cube")));
        assertEquals("SELECT * FROM ivoa.ObsCore WHERE LOWER(target_name) LIKE '%o''brien''s 100_ field%'",
                ObsCoreAdql.name("O'Brien's 100% field"));
        assertEquals("SELECT obs_collection, MIN(em_min) AS em_min, MAX(em_max) AS em_max FROM ivoa.ObsCore"
                + " GROUP BY obs_collection", ObsCoreAdql.collections());
        assertEquals("SELECT obs_publisher_did, access_url, access_format FROM ivoa.ObsCore WHERE obs_publisher_did"
                + " IN ('ivo://a/b?c', 'it''s')", ObsCoreAdql.accessUrls(List.of("ivo://a/b?c", "it's")));
    }

    @Test
    void exactSubstringAfterLike() {
        assertTrue(Adql.containsIgnoreCase("O'Brien's 100% field", "brien's 100%"));
        assertFalse(Adql.containsIgnoreCase("O'Brien's 1000 field", "100%"), "LIKE's '_' matched '0': dropped");
    }

    @Test
    void emBands() {
        assertEquals(List.of("Optical"), EmBands.of(3.9e-7, 7.1e-7));
        assertEquals(List.of("Optical", "Infrared"), EmBands.of(5e-7, 2e-6));
        assertEquals(List.of("Radio"), EmBands.of(0.2, 0.21));
        assertEquals(List.of(), EmBands.of(Double.NaN, 1));
    }

    @Test
    void dalUrls() {
        var p = new SkyPosition(180.005, 0.005);
        assertEquals("http://h/scs.xml?RA=180.005&DEC=0.005&SR=0.025&VERB=2",
                DalUrls.cone(java.net.URI.create("http://h/scs.xml"), p, new Angle(0.025), 2).toString());
        assertEquals("http://h/cs?cat=x&RA=180.005&DEC=0.005&SR=0.025&VERB=1",
                DalUrls.cone(java.net.URI.create("http://h/cs?cat=x"), p, new Angle(0.025), 1).toString());
        assertEquals("http://h/siap.xml?POS=180.0%2C0.0&SIZE=0.1&FORMAT=image%2Ffits",
                DalUrls.sia1(java.net.URI.create("http://h/siap.xml"), new SkyPosition(180, 0), new Angle(0.1),
                        "image/fits").toString());
        assertEquals("http://h/siap2?POS=CIRCLE%20180.0%200.0%200.05&BAND=5.0E-7%206.0E-7&MAXREC=5",
                DalUrls.sia2(java.net.URI.create("http://h/siap2"), new SkyPosition(180, 0), new Angle(0.05),
                        new org.astrolabe.datalink.soda.Interval(5e-7, 6e-7), null, java.util.OptionalLong.of(5))
                        .toString());
    }
}
