package org.astrolabe.datalink.internal.soda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.astrolabe.datalink.soda.Circle;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.astrolabe.datalink.soda.Interval;
import org.astrolabe.datalink.soda.Polygon;
import org.astrolabe.datalink.soda.PosRange;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void circles() {
        assertEquals("180 0 0.02", new Circle(180, 0, 0.02).sodaValue());
        assertEquals("CIRCLE 12.5 -30.25 1", new Circle(12.5, -30.25, 1).posValue());
        assertEquals(0, new Circle(360, 0, 1).ra());
        var e = assertThrows(IllegalArgumentException.class, () -> new Circle(10, 0, 0));
        assertTrue(e.getMessage().contains("radius"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Circle(10, 0, 181));
        assertThrows(IllegalArgumentException.class, () -> new Circle(10, 0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Circle(-1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Circle(10, 91, 1));
    }

    @Test
    void polygons() {
        Polygon p = Polygon.of(10, 10, 10.1, 10, 10.1, 10.1);
        assertEquals("10 10 10.1 10 10.1 10.1", p.sodaValue());
        assertEquals("POLYGON 10 10 10.1 10 10.1 10.1", p.posValue());
        var e = assertThrows(IllegalArgumentException.class, () -> Polygon.of(10, 10, 10.1, 10));
        assertTrue(e.getMessage().contains("at least 3 vertices"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Polygon.of(10, 10, 10.1, 10, 10.1));
        assertThrows(IllegalArgumentException.class, () -> Polygon.of(10, 10, 10.1, 10, 10.1, 95));
        Circle b = Polygon.of(179.9, -0.1, 179.9, 0.1, 180.1, 0.1, 180.1, -0.1).boundingCircle();
        assertEquals(180, b.ra(), 1e-9);
        assertEquals(0, b.dec(), 1e-9);
        assertEquals(0.1414, b.radius(), 1e-3);
    }

    @Test
    void intervalsAndRanges() {
        assertEquals("5.0E-7 6.0E-7", new Interval(5e-7, 6e-7).sodaValue());
        assertEquals("-Inf 58849", new Interval(Double.NEGATIVE_INFINITY, 58849).sodaValue());
        assertThrows(IllegalArgumentException.class, () -> new Interval(2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Interval(Double.NaN, 1));
        assertTrue(new Interval(1, 2).overlaps(new Interval(2, 3)));
        assertTrue(!new Interval(1, 2).overlaps(new Interval(2.5, 3)));
        assertEquals("RANGE 10 11 -Inf +Inf", new PosRange(new Interval(10, 11),
                new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)).posValue());
        assertThrows(IllegalArgumentException.class, () -> new PosRange(new Interval(10, 400), new Interval(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> new PosRange(new Interval(10, 11), new Interval(-91, 1)));
    }

    @Test
    void requests() {
        assertThrows(IllegalArgumentException.class, () -> CutoutRequest.of("x").build());
        assertThrows(IllegalArgumentException.class, () -> CutoutRequest.of(" ").circle(new Circle(1, 1, 1)).build());
        assertThrows(IllegalArgumentException.class, () -> CutoutRequest.of("x").pol("I Q").build());
        assertThrows(IllegalArgumentException.class, () -> CutoutRequest.of("x").parameter("CIRCLE", "1 2 3"));
        CutoutRequest r = CutoutRequest.of("x").pol("I").pol("Q").build();
        assertEquals(List.of("I", "Q"), r.pols());
        assertEquals("y", r.forId("y").id());
    }
}
