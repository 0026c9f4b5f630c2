package org.astrolabe.ui.internal.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.astrolabe.datalink.fits.Wcs;
import org.junit.jupiter.api.Test;

/**
 * Expected values computed with astropy 5.2 {@code WCS(header).all_pix2world(..., 1)} on the test
 * server's img_a.fits header and variants of it.
 */
class WorldCoordinatesTest {

    private static Wcs tan(double ra, double dec, double cdelt) {
        return new Wcs(List.of("RA---TAN", "DEC--TAN"), List.of(ra, dec), List.of(100.5, 100.5),
                List.of(-cdelt, cdelt), List.of("deg", "deg"), List.of());
    }

    @Test
    void imgACornersAndCentre() {
        WorldCoordinates w = WorldCoordinates.of(tan(180, 0, 0.001));
        assertTrue(w.isCelestial());
        double[] centre = w.toWorld(100.5, 100.5);
        assertEquals(180.0, centre[0], 1e-12);
        assertEquals(0.0, centre[1], 1e-12);
        double[] corner = w.toWorld(1, 1);
        assertEquals(180.09949989997654, corner[0], 1e-10);
        assertEquals(-0.09949974994183665, corner[1], 1e-10);
        double[] other = w.toWorld(51, 151);
        assertEquals(180.04949998768458, other[0], 1e-10);
        assertEquals(0.050499968076730226, other[1], 1e-10);
    }

    @Test
    void highDeclinationShowsTheProjection() {
        WorldCoordinates w = WorldCoordinates.of(tan(180, 60, 0.01));
        double[] a = w.toWorld(1, 1);
        assertEquals(181.9311593425237, a[0], 1e-9);
        assertEquals(58.990728986353986, a[1], 1e-9);
        double[] b = w.toWorld(200, 20);
        assertEquals(178.058020442297, b[0], 1e-9);
        assertEquals(59.18057195115346, b[1], 1e-9);
    }

    @Test
    void cdMatrixIsUsed() {
        Wcs wcs = new Wcs(List.of("RA---TAN", "DEC--TAN"), List.of(180.0, 60.0), List.of(100.5, 100.5),
                List.of(1.0, 1.0), List.of("deg", "deg"), List.of(List.of(-0.01, 0.0), List.of(0.0, 0.01)));
        double[] b = WorldCoordinates.of(wcs).toWorld(200, 20);
        assertEquals(178.058020442297, b[0], 1e-9);
        assertEquals(59.18057195115346, b[1], 1e-9);
    }

    @Test
    void cubeSpectralAxisIsLinear() {
        // cube.fits: 50 x 50 x 20, CRVAL 180.5 0.5 5e-7, CDELT -0.002 0.002 1e-8, CRPIX 25.5 25.5 1
        Wcs wcs = new Wcs(List.of("RA---TAN", "DEC--TAN", "WAVE"), List.of(180.5, 0.5, 5e-7),
                List.of(25.5, 25.5, 1.0), List.of(-0.002, 0.002, 1e-8), List.of("deg", "deg", "m"), List.of());
        WorldCoordinates w = WorldCoordinates.of(wcs);
        double[] p = w.toWorld(10, 20, 5);
        // astropy: [180.531001, 0.488999929, 5.4e-07]
        assertEquals(180.531001, p[0], 1e-6);
        assertEquals(0.488999929, p[1], 1e-8);
        assertEquals(5.4e-7, p[2], 1e-15);
        String text = w.describe(10, 20, 5);
        assertTrue(text.contains("WAVE 5.40000e-07 m"), text);
    }

    @Test
    void describesInSexagesimal() {
        WorldCoordinates w = WorldCoordinates.of(tan(180, 0, 0.001));
        assertEquals("RA 12:00:00.000  Dec +00:00:00.00  (180.000000°, +0.000000°)", w.describe(100.5, 100.5));
        assertEquals("RA 12:00:23.880  Dec -00:05:58.20  (180.099500°, -0.099500°)", w.describe(1, 1));
    }

    @Test
    void unknownProjectionIsLinear() {
        Wcs wcs = new Wcs(List.of("RA---ZPN", "DEC--ZPN"), List.of(10.0, 20.0), List.of(1.0, 1.0),
                List.of(0.5, 0.5), List.of("", ""), List.of());
        WorldCoordinates w = WorldCoordinates.of(wcs);
        assertFalse(w.isCelestial());
        assertEquals(11.0, w.toWorld(3, 3)[0], 1e-12);
    }
}
