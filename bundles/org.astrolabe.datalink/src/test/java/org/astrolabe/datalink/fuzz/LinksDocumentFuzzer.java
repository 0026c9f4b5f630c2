package org.astrolabe.datalink.fuzz;

import java.net.URI;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.datalink.internal.links.LinksDocumentReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** DataLink documents (links and service descriptors): {@link LinksDocumentReader}. */
class LinksDocumentFuzzer {

    static final FuzzHarness HARNESS = new FuzzHarness("datalink", InvalidInputException.class,
            QueryFailedException.class);
    private static final URI SOURCE = URI.create("http://fuzz.example/dl/dlmeta");

    @BeforeAll
    static void seed() {
        HARNESS.seed(LinksDocumentFuzzer.class, "read", "datalink", ".xml", ".vot");
    }

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) throws Exception {
        HARNESS.run(data, in -> new LinksDocumentReader().read(in, SOURCE, null));
    }

    @AfterAll
    static void report() throws Exception {
        HARNESS.report();
    }
}
