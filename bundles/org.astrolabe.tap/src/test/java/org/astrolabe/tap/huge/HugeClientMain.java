package org.astrolabe.tap.huge;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.HttpTransports;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.internal.HttpTapClientFactory;

/**
 * The client side of {@link HugeInputsTest}, run in a JVM of its own with a small heap so that its
 * memory can be measured alone: {@code save URL FILE} saves the sync answer to a file,
 * {@code query URL} reads it into a result table and counts its rows. Prints one
 * {@code RESULT ...} line with the bytes, rows, seconds, peak heap and peak RSS.
 */
public final class HugeClientMain {

    private HugeClientMain() {
    }

    public static void main(String[] args) throws Exception {
        HttpTransport transport = HttpTransports.create(TransportSettings.defaults());
        TapClient tap = new HttpTapClientFactory(transport).create(URI.create(args[1]));
        long t0 = System.nanoTime();
        long bytes = -1;
        long rows = -1;
        if (args[0].equals("save")) {
            Path file = Path.of(args[2]);
            tap.save(TapQuery.of("SELECT * FROM huge"), file, null);
            bytes = Files.size(file);
        } else {
            ResultTable table = tap.query(TapQuery.of("SELECT * FROM huge"), null);
            rows = table.rowCount();
            // read the last row back from wherever the table keeps it
            Object last = table.cell(rows - 1, 0);
            if (((Number) last).longValue() != 999) {
                throw new AssertionError("last row id " + last);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
        System.out.printf("RESULT bytes=%d rows=%d seconds=%.2f heapPeakMiB=%d rssPeakMiB=%d maxHeapMiB=%d%n", bytes,
                rows, seconds, heapPeak >> 20, rssKb >> 10, Runtime.getRuntime().maxMemory() >> 20);
    }
}
