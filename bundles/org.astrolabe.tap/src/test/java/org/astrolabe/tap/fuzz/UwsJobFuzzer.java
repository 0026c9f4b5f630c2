package org.astrolabe.tap.fuzz;

import java.net.URI;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.tap.internal.uws.UwsDocumentReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** UWS job documents: {@link UwsDocumentReader#readJob}. */
class UwsJobFuzzer {

    static final FuzzHarness HARNESS = new FuzzHarness("job", InvalidInputException.class);
    private static final URI SOURCE = URI.create("http://fuzz.example/tap/async/abc");

    @BeforeAll
    static void seed() {
        HARNESS.seed(UwsJobFuzzer.class, "read", "job", ".xml");
    }

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) throws Exception {
        HARNESS.run(data, in -> new UwsDocumentReader().readJob(in, SOURCE));
    }

    @AfterAll
    static void report() throws Exception {
        HARNESS.report();
    }
}
