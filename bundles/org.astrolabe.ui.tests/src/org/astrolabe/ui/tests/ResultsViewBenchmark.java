package org.astrolabe.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.ui.internal.jobs.QueryOutcome;
import org.astrolabe.ui.internal.jobs.QueryRequest;
import org.astrolabe.ui.internal.results.ResultsView;
import org.astrolabe.ui.internal.services.ServiceAccess;
import org.astrolabe.ui.internal.services.ServiceClients;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

/**
 * The UI benchmark (not part of the normal test run: its name does not end in Test; run it with
 * {@code releng/benchmarks/ui-bench.sh}). Fetches the 1,000,000 rows of astrolabe.sources once
 * through the real TAP client, then, {@value #RUNS} times: hands the result to the Results view and
 * times until the first rows are painted, then times a jump to the last row until it is painted.
 * Prints one {@code UI-BENCH} line per figure and the medians.
 */
class ResultsViewBenchmark {

    private static final int RUNS = 5;

    @Test
    void millionRowsInTheResultsView() throws Exception {
        TestServer.assumeUp();
        AstrolabeWindow ui = AstrolabeWindow.open();
        ResultTable table;
        QueryRequest request = new QueryRequest(URI.create(TestServer.URL),
                TapQuery.of("SELECT source_id, ra, dec, mag, src_class FROM astrolabe.sources ORDER BY source_id")
                        .withMaxrec(2_000_000));
        try (ServiceAccess<ServiceClients> services = ServiceAccess.forUiBundle(ServiceClients.class)) {
            ServiceClients clients = services.await(Duration.ofSeconds(10), null).orElseThrow();
            long start = System.nanoTime();
            table = clients.client(request.service(), TransportSettings.defaults()).query(request.query(), null);
            System.out.printf(Locale.ROOT, "UI-BENCH fetch-ms=%d rows=%d%n", (System.nanoTime() - start) / 1_000_000,
                    table.rowCount());
        }
        assertEquals(1_000_000, table.rowCount());
        ResultsView view = Views.results(ui.page);
        List<Long> first = new ArrayList<>();
        List<Long> last = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            view.show(new QueryOutcome.Succeeded(request, table, Duration.ofSeconds(1)));
            Table grid = ui.resultTable();
            paint(grid);
            assertEquals("1", grid.getItem(0).getText(1), "the first row is on screen");
            long firstMs = (System.nanoTime() - start) / 1_000_000;

            start = System.nanoTime();
            view.scrollTo(999_999);
            paint(grid);
            assertEquals("1000000", grid.getItem(grid.getItemCount() - 1).getText(1), "the last row is on screen");
            long lastMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(Locale.ROOT, "UI-BENCH run=%d first-rows-ms=%d last-row-ms=%d%n", run + 1, firstMs,
                    lastMs);
            first.add(firstMs);
            last.add(lastMs);
            if (run == 0) {
                Screenshots.save(ui.shell, "20-bench-last-row");
            }
        }
        System.out.printf(Locale.ROOT, "UI-BENCH median first-rows-ms=%d last-row-ms=%d (runs=%d)%n", median(first),
                median(last), RUNS);
    }

    /** Processes events and forces the pending paints, so the rows are on screen when it returns. */
    private static void paint(Table grid) {
        Display display = grid.getDisplay();
        do {
            grid.update();
        } while (display.readAndDispatch());
        grid.update();
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
