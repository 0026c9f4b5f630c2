package org.astrolabe.ui.internal.fits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected limits computed with astropy 5.2 (Debian bookworm python3-astropy)
 * {@code ZScaleInterval().get_limits(...)}, the reference implementation of IRAF's algorithm.
 */
class ZScaleTest {

    @Test
    void sawToothWithOutliersMatchesAstropy() {
        // numpy: x = np.arange(10000, dtype='float32') % 100; x[::97] = 1e6 -> (0.0, 251.22191715679963)
        float[] x = new float[10000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 97 == 0 ? 1e6f : i % 100;
        }
        double[] limits = ZScale.limits(x);
        assertEquals(0.0, limits[0], 1e-9);
        assertEquals(251.22191715679963, limits[1], 251.22 * 0.02, "within 2% of astropy");
        assertTrue(limits[1] < 1e6, "the outliers are rejected");
    }

    @Test
    void testImageMatchesAstropy() {
        // img_a.fits of the test server: value(x, y) = 1000*y + x on 200 x 200 -> (0.0, 199160.0)
        float[] img = new float[200 * 200];
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                img[y * 200 + x] = 1000 * y + x;
            }
        }
        assertArrayEquals(new double[] {0.0, 199160.0}, ZScale.limits(img), 1e-6);
    }

    @Test
    void sampleSpansTheWholePicture() {
        // 42 x 42 ramp (a SODA cutout of img_a): the sample must reach the last rows.
        float[] ramp = new float[42 * 42];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = i;
        }
        double[] sample = ZScale.sample(ramp, ZScale.SAMPLES);
        assertEquals(882, sample.length);
        assertEquals(ramp.length - 2, sample[sample.length - 1], 0);
        double[] limits = ZScale.limits(ramp);
        assertEquals(0, limits[0], 1e-9);
        assertEquals(ramp.length - 2, limits[1], 1e-9, "a ramp is shown whole");
    }

    @Test
    void nanAndEmptyPictures() {
        assertArrayEquals(new double[] {0, 0}, ZScale.limits(new float[] {Float.NaN, Float.NaN}));
        assertArrayEquals(new double[] {0, 0}, ZScale.limits(new float[0]));
        assertArrayEquals(new double[] {5, 5}, ZScale.limits(new float[] {5, 5, 5, Float.NaN, 5, 5, 5}), 1e-12);
    }

    @Test
    void noisySkyWithStarsGetsTheSkyRange() {
        java.util.Random random = new java.util.Random(7);
        float[] img = new float[256 * 256];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) (100 + 5 * random.nextGaussian());
        }
        for (int i = 0; i < img.length; i += 211) {
            img[i] = 60000; // stars
        }
        double[] limits = ZScale.limits(img);
        assertTrue(limits[0] > 70 && limits[0] < 100, "low limit near the sky: " + limits[0]);
        assertTrue(limits[1] > 100 && limits[1] < 200, "high limit well below the stars: " + limits[1]);
    }

    @Test
    void stretchesMapTheRange() {
        assertEquals(0.5, Stretch.LINEAR.apply(5, 0, 10), 1e-12);
        assertEquals(Math.sqrt(0.5), Stretch.SQRT.apply(5, 0, 10), 1e-12);
        assertEquals(Math.log10(501) / Math.log10(1001), Stretch.LOG.apply(5, 0, 10), 1e-12);
        assertEquals(1.0, Stretch.LOG.apply(10, 0, 10), 1e-12);
        assertEquals(0.0, Stretch.LINEAR.apply(-3, 0, 10));
        assertEquals(1.0, Stretch.LINEAR.apply(30, 0, 10));
        assertTrue(Double.isNaN(Stretch.ZSCALE.apply(Double.NaN, 0, 10)));
        assertArrayEquals(new double[] {-1, 7}, Stretch.LINEAR.range(new float[] {3, -1, Float.NaN, 7}));
        assertEquals(Stretch.SQRT, Stretch.of("square root"));
        assertEquals(Stretch.ZSCALE, Stretch.of("zscale"));
    }
}
