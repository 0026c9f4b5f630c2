package org.astrolabe.core.fuzz;

import java.net.URI;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.votable.VOTableReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Query results: {@link VOTableReader} (STIL behind Astrolabe's secure parser). */
class VOTableReaderFuzzer {

    static final FuzzHarness HARNESS = new FuzzHarness("votable", InvalidInputException.class,
            QueryFailedException.class);
    private static final URI SOURCE = URI.create("http://fuzz.example/tap/sync");

    @BeforeAll
    static void seed() {
        HARNESS.seed(VOTableReaderFuzzer.class, "read", "votable", ".vot", ".xml");
    }

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) throws Exception {
        HARNESS.run(data, in -> new VOTableReader().read(in, SOURCE, null));
    }

    @AfterAll
    static void report() throws Exception {
        HARNESS.report();
    }
}
