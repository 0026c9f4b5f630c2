package org.astrolabe.core.fuzz;

import java.nio.charset.StandardCharsets;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Position and radius strings typed by users: {@link SkyPosition#parse} and {@link Angle#parse}
 * document only {@link IllegalArgumentException} naming the text, which the command line turns
 * into a one-line usage error; here it becomes the {@link InvalidInputException} the harness
 * accepts, so that any other exception (or a multi-line message) is a crash.
 */
class SkyPositionFuzzer {

    static final FuzzHarness HARNESS = new FuzzHarness("positions", InvalidInputException.class);

    @BeforeAll
    static void seed() {
        HARNESS.seed(SkyPositionFuzzer.class, "parse", "positions", ".txt");
    }

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] data) throws Exception {
        HARNESS.run(data, in -> {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            IllegalArgumentException refused = null;
            try {
                SkyPosition p = SkyPosition.parse(text);
                if (!(p.ra() >= 0 && p.ra() < 360 && p.dec() >= -90 && p.dec() <= 90)) {
                    throw new AssertionError("out-of-range position accepted from '" + text + "': " + p);
                }
            } catch (IllegalArgumentException e) {
                refused = oneLine(e);
            }
            try {
                Angle a = Angle.parse(text);
                if (!(a.degrees() >= 0 && a.degrees() <= 180)) {
                    throw new AssertionError("out-of-range radius accepted from '" + text + "': " + a);
                }
            } catch (IllegalArgumentException e) {
                refused = oneLine(e);
            }
            if (refused != null) {
                throw new InvalidInputException(refused.getMessage(), null, refused);
            }
        });
    }

    private static IllegalArgumentException oneLine(IllegalArgumentException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.contains("\n")) {
            throw new AssertionError("the message must be one non-empty line: " + m, e);
        }
        return e;
    }

    @AfterAll
    static void report() throws Exception {
        HARNESS.report();
    }
}
