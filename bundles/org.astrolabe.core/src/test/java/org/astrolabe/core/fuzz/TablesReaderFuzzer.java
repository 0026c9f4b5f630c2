package org.astrolabe.core.fuzz;

import java.net.URI;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.vosi.TablesReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** VOSI tables (tableset or single table) documents: {@link TablesReader}. */
class TablesReaderFuzzer {

    static final FuzzHarness HARNESS = new FuzzHarness("tables", InvalidInputException.class);
    private static final URI SOURCE = URI.create("http://fuzz.example/tap/tables");

    @BeforeAll
    static void seed() {
        HARNESS.seed(TablesReaderFuzzer.class, "read", "tables", ".xml");
    }

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) throws Exception {
        HARNESS.run(data, in -> new TablesReader().read(in, SOURCE));
    }

    @AfterAll
    static void report() throws Exception {
        HARNESS.report();
    }
}
