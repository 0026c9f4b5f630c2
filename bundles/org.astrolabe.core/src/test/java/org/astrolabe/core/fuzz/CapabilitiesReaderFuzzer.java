package org.astrolabe.core.fuzz;

import java.net.URI;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.vosi.CapabilitiesReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** VOSI capabilities documents: {@link CapabilitiesReader}. */
class CapabilitiesReaderFuzzer {

    static final FuzzHarness HARNESS = new FuzzHarness("capabilities", InvalidInputException.class);
    private static final URI SOURCE = URI.create("http://fuzz.example/tap/capabilities");

    @BeforeAll
    static void seed() {
        HARNESS.seed(CapabilitiesReaderFuzzer.class, "read", "capabilities", ".xml");
    }

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) throws Exception {
        HARNESS.run(data, in -> new CapabilitiesReader().read(in, SOURCE));
    }

    @AfterAll
    static void report() throws Exception {
        HARNESS.report();
    }
}
