package org.astrolabe.core.sky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkyPositionTest {

    private static final double RA = (8 + 45 / 60.0 + 7.5 / 3600.0) * 15; // 131.28125
    private static final double DEC = 54.3;

    private static void assertPosition(double ra, double dec, SkyPosition p) {
        assertEquals(ra, p.ra(), 1e-9, "ra of " + p);
        assertEquals(dec, p.dec(), 1e-9, "dec of " + p);
    }

    @Test
    void hmsDms() {
        assertEquals(131.28125, RA, 1e-12);
        assertPosition(RA, DEC, SkyPosition.parse("08h45m07.5s +54d18m00s"));
        assertPosition(RA, DEC, SkyPosition.parse("8h45m7.5s 54d18m"));
        assertPosition(RA, DEC, SkyPosition.parse("08h 45m 07.5s +54d 18m 00s"));
        assertPosition(150, 2, SkyPosition.parse("10h00m00s +02d00m00s"));
        assertPosition(RA, -DEC, SkyPosition.parse("08h45m07.5s -54d18m00s"));
        assertPosition(180, -0.5, SkyPosition.parse("12h00m00s -00d30m00s"));
    }

    /** Found by SkyPositionFuzzer: a line break in the text broke the one-line message. */
    @Test
    void messagesStayOnOneLine() {
        var e = assertThrows(IllegalArgumentException.class, () -> SkyPosition.parse("1a\n2"));
        assertTrue(e.getMessage().contains("'1a\\n2'") && !e.getMessage().contains("\n"), e.getMessage());
        var a = assertThrows(IllegalArgumentException.class, () -> Angle.parse("1\u0000arcmin"));
        assertTrue(!a.getMessage().contains("\u0000") && a.getMessage().contains("\\u0000"), a.getMessage());
        var longText = assertThrows(IllegalArgumentException.class, () -> SkyPosition.parse("x".repeat(500)));
        assertTrue(longText.getMessage().length() < 250, longText.getMessage());
    }

    @Test
    void colons() {
        assertPosition(RA, DEC, SkyPosition.parse("08:45:07.5 +54:18:00"));
        assertPosition(RA, DEC, SkyPosition.parse("08:45:07.5, +54:18:00"));
        assertPosition(RA, DEC, SkyPosition.parse("08 45 07.5 +54 18 00"));
        assertPosition(180, -0.5, SkyPosition.parse("12:00:00 -00:30:00"));
    }

    @Test
    void degrees() {
        assertPosition(131.28125, 54.3, SkyPosition.parse("131.28125 54.3"));
        assertPosition(131.28125, 54.3, SkyPosition.parse("131.28125,54.3"));
        assertPosition(131.28, -54.30, SkyPosition.parse("  131.28   -54.30 "));
        assertPosition(0, 90, SkyPosition.parse("360 90"));
        assertPosition(0, -90, SkyPosition.parse("0 -90"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"361 0", "-1 0", "10 91", "10 -90.5", "24h00m00s +00d00m00s", "08h60m00s +00d00m00s",
            "08h45m07.5s +54d61m00s", "08:45:60 +54:18:00", "-08:45:07 +54:18:00", "08h45m07.5s +91d00m00s"})
    void outOfRangeNamesTheValue(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> SkyPosition.parse(text));
        String bad = text.split(" ")[text.startsWith("08h45m07.5s") || text.startsWith("08:45:07.5")
                || text.startsWith("10 ") ? 1 : 0];
        assertTrue(e.getMessage().contains(bad), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "M31", "12", "1 2 3", "abc def", "12x +5d", "1e999 0"})
    void garbageRefused(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> SkyPosition.parse(text));
        assertTrue(e.getMessage().contains("'" + text) || e.getMessage().contains(text), e.getMessage());
    }

    @Test
    void recordValidates() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SkyPosition(Double.NaN, 0));
        assertTrue(e.getMessage().contains("NaN"));
        e = assertThrows(IllegalArgumentException.class, () -> new SkyPosition(10, -95));
        assertTrue(e.getMessage().contains("-95"));
    }

    @Test
    void separationAndFormat() {
        assertEquals(1.0, new SkyPosition(180, 0).separation(new SkyPosition(181, 0)), 1e-12);
        assertEquals(Math.sqrt(2), new SkyPosition(180, 0).separation(new SkyPosition(181, 1)), 1e-3);
        assertEquals("131.28125 54.3", SkyPosition.parse("08h45m07.5s +54d18m00s").toString());
        assertEquals("180.0 -0.5", new SkyPosition(180, -0.5).toString());
        assertEquals("0.0001", SkyPosition.format(1e-4));
    }
}
