package org.astrolabe.core.fuzz;

import java.net.URI;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.vosi.AvailabilityReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** VOSI availability documents: {@link AvailabilityReader}. */
class AvailabilityReaderFuzzer {

    static final FuzzHarness HARNESS = new FuzzHarness("availability", InvalidInputException.class);
    private static final URI SOURCE = URI.create("http://fuzz.example/tap/availability");

    @BeforeAll
    static void seed() {
        HARNESS.seed(AvailabilityReaderFuzzer.class, "read", "availability", ".xml");
    }

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) throws Exception {
        HARNESS.run(data, in -> new AvailabilityReader().read(in, SOURCE));
    }

    @AfterAll
    static void report() throws Exception {
        HARNESS.report();
    }
}
