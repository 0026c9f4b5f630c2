import java.net.URI;

import org.astrolabe.core.internal.http.HttpClient5Transport;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.internal.HttpTapClientFactory;

/**
 * The "into a result table through the API" case of sync-bench.sh: what a plug-in gets from
 * {@code TapClientFactory.create(url).query(...)}, wired by hand instead of by OSGi Declarative
 * Services (the same classes, constructed exactly as DS constructs them), so that the figure is
 * the query and not the framework's start-up. Prints the row count and a checksum of two columns
 * read back from the table, so the work cannot be skipped.
 *
 * <p>Usage: {@code java -cp <bundle jars> ApiBench TAP_URL MAXREC ADQL}
 */
public final class ApiBench {

    private ApiBench() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient5Transport transport = new HttpClient5Transport();
        try {
            TapClient tap = new HttpTapClientFactory(transport).create(URI.create(args[0]));
            long start = System.nanoTime();
            ResultTable table = tap.query(TapQuery.of(args[2]).withMaxrec(Long.parseLong(args[1])), null);
            long queried = System.nanoTime();
            long ids = 0;
            double ras = 0;
            for (long r = 0; r < table.rowCount(); r++) {
                ids += ((Number) table.cell(r, 0)).longValue();
                ras += ((Number) table.cell(r, 1)).doubleValue();
            }
            System.out.printf("rows=%d truncated=%s sum(col1)=%d sum(col2)=%.3f, query() %.2f s in a JVM up %.2f s%n",
                    table.rowCount(), table.isTruncated(), ids, ras, (queried - start) / 1e9,
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        } finally {
            transport.close();
        }
    }
}
