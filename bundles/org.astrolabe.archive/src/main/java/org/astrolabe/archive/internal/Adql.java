package org.astrolabe.archive.internal;

import java.util.Locale;

import org.astrolabe.core.sky.SkyPosition;

/** ADQL literals. Stateless. */
final class Adql {

    private Adql() {
    }

    /** @return {@code value} as an ADQL string literal: quoted, inner quotes doubled */
    static String string(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /**
     * A LIKE pattern matching every string that contains {@code value} (lower-cased): quotes doubled,
     * and each {@code %} or {@code _} of the value replaced by {@code _} (which matches that
     * character and any other single one; ADQL 2.0 has no ESCAPE and DaCHS refuses it). Callers
     * must filter the rows for the exact substring afterwards ({@link #containsIgnoreCase}).
     *
     * @return the pattern as a quoted literal, e.g. {@code '%o''brien_s 100_%'}
     */
    static String containsPattern(String value) {
        String lower = value.toLowerCase(Locale.ROOT).replace('%', '_');
        return string("%" + lower + "%");
    }

    /** @return whether {@code text} contains {@code part}, case-insensitively */
    static boolean containsIgnoreCase(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    /** @return {@code CIRCLE('ICRS', ra, dec, r)} */
    static String circle(SkyPosition p, double radius) {
        return "CIRCLE('ICRS', " + SkyPosition.format(p.ra()) + ", " + SkyPosition.format(p.dec()) + ", "
                + SkyPosition.format(radius) + ")";
    }
}
