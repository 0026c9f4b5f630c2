package org.astrolabe.core.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AngleTest {

    @Test
    void units() {
        assertEquals(1 / 60.0, Angle.parse("1arcmin").degrees(), 1e-15);
        assertEquals(0.1, Angle.parse("0.1deg").degrees(), 1e-15);
        assertEquals(30 / 3600.0, Angle.parse("30arcsec").degrees(), 1e-15);
        assertEquals(0.01, Angle.parse("0.01").degrees(), 1e-15);
        assertEquals(2 / 60.0, Angle.parse("2'").degrees(), 1e-15);
        assertEquals(5 / 3600.0, Angle.parse("5\"").degrees(), 1e-15);
        assertEquals(1.5, Angle.parse(" 1.5 DEG ").degrees(), 1e-15);
        assertEquals(0.1, Angle.parse("360mas").degrees() * 1000, 1e-12);
        assertEquals(180, Angle.parse("3.141592653589793rad").degrees(), 1e-9);
        assertEquals(60, Angle.parse("1deg").arcmin(), 1e-12);
        assertEquals(30, Angle.ofArcsec(30).arcsec(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1arcmin", "181deg", "200", "1e6arcsec", "0.1 furlong", "", "deg", "1..2"})
    void refusedWithTheValue(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> Angle.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void recordValidates() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Angle(-0.5));
        assertTrue(e.getMessage().contains("-0.5"));
        assertThrows(IllegalArgumentException.class, () -> new Angle(Double.NaN));
    }
}
