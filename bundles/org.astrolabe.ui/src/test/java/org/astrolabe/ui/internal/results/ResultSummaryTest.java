package org.astrolabe.ui.internal.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.VOTableReader;
import org.astrolabe.ui.internal.jobs.QueryOutcome;
import org.astrolabe.ui.internal.jobs.QueryRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Results view's sentences for a real answer: {@code dachs-sources-maxrec3.vot} was recorded
 * from the local DaCHS 2.7 test server (releng/test-server) for
 * {@code SELECT source_id, ra, dec, mag, src_class FROM astrolabe.sources ORDER BY source_id}
 * with MAXREC=3; it holds 3 rows and QUERY_STATUS=OVERFLOW.
 */
class ResultSummaryTest {

    private static final String ADQL = "SELECT source_id, ra, dec, mag, src_class FROM astrolabe.sources";
    private static ResultTable table;

    @BeforeAll
    static void readRecordedAnswer() throws Exception {
        try (InputStream in = ResultSummaryTest.class.getResourceAsStream("dachs-sources-maxrec3.vot")) {
            table = new VOTableReader().read(in, URI.create("http://127.0.0.1:18080/tap/sync"), null);
        }
    }

    private static QueryOutcome.Succeeded outcome(long maxrec) {
        return new QueryOutcome.Succeeded(QueryRequest.fromForm("http://127.0.0.1:18080/tap", ADQL, maxrec), table,
                Duration.ofMillis(420));
    }

    @Test
    void summarySaysRowsColumnsAndHost() {
        assertEquals("3 rows × 5 columns from 127.0.0.1:18080 in 0.4 s", ResultSummary.of(outcome(3)));
    }

    @Test
    void overflowIsATruncationWarning() {
        Optional<String> warning = ResultSummary.truncation(outcome(3));
        assertTrue(warning.isPresent());
        assertTrue(warning.get().startsWith("Truncated at MAXREC = 3: the service stopped after 3 rows"), warning.get());
    }

    @Test
    void headerTooltipCarriesUnitUcdAndDescription() {
        String tooltip = ResultSummary.tooltip(table.columns().get(1));
        assertTrue(tooltip.startsWith("ra [deg]  (double)\nUCD: pos.eq.ra;meta.main\nICRS right ascension"), tooltip);
    }

    @Test
    void cellsReadAsTheServerSentThem() throws Exception {
        assertEquals("1", CellFormatter.format(table.cell(0, 0)));
        assertEquals("175.005", CellFormatter.format(table.cell(0, 1)));
        assertEquals("-4.995", CellFormatter.format(table.cell(0, 2)));
        assertEquals("star", CellFormatter.format(table.cell(0, 4)));
        assertTrue(CellFormatter.isNumeric(table.columns().get(3).javaType()));
    }
}
