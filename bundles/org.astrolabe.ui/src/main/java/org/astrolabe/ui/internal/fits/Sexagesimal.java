package org.astrolabe.ui.internal.fits;

import java.util.Locale;

/** Sexagesimal text for angles in degrees. Stateless. */
final class Sexagesimal {

    private Sexagesimal() {
    }

    /** @return right ascension as {@code hh:mm:ss.sss} */
    static String hours(double degrees) {
        long millis = Math.round(((degrees % 360 + 360) % 360) / 15 * 3_600_000);
        millis %= 24L * 3_600_000;
        return String.format(Locale.ROOT, "%02d:%02d:%06.3f", millis / 3_600_000, millis / 60_000 % 60,
                millis % 60_000 / 1000.0);
    }

    /** @return declination as {@code ±dd:mm:ss.ss} */
    static String degrees(double degrees) {
        long centis = Math.round(Math.abs(degrees) * 360_000);
        return String.format(Locale.ROOT, "%s%02d:%02d:%05.2f", degrees < 0 && centis > 0 ? "-" : "+",
                centis / 360_000, centis / 6000 % 60, centis % 6000 / 100.0);
    }
}
