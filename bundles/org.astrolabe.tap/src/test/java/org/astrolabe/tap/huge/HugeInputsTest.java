package org.astrolabe.tap.huge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.HttpTransports;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.internal.HttpTapClientFactory;
import org.astrolabe.tap.internal.uws.HttpUwsJobManager;
import org.astrolabe.tap.uws.ExecutionPhase;
import org.astrolabe.tap.uws.JobFilter;
import org.astrolabe.tap.uws.JobSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Huge answers from {@link SyntheticTapServer}: a VOTable of {@code astrolabe.test.hugeBytes}
 * bytes (2 GiB by default) saved to disk by a client JVM limited to {@code -Xmx256m}, a
 * 300 MB one read into a result table by the same small JVM (the rows go to disk), a column of
 * 100,000-character strings, and a job list of 100,000 jobs. The figures (time, peak heap,
 * peak RSS) are written to {@code target/huge-inputs.txt}.
 */
class HugeInputsTest {

    static final long HUGE = Long.getLong("astrolabe.test.hugeBytes", 2L << 30);
    static final long TABLE = Long.getLong("astrolabe.test.hugeTableBytes", 300L << 20);
    static final Pattern RESULT = Pattern.compile("RESULT (.*)");

    @TempDir
    Path dir;

    private static final List<String> figures = new ArrayList<>();

    private Map<String, String> runClient(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + dir, "-cp",
                System.getProperty("java.class.path"), HugeClientMain.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
        Matcher m = RESULT.matcher(out);
        assertTrue(m.find(), out);
        Map<String, String> r = new java.util.LinkedHashMap<>();
        for (String kv : m.group(1).trim().split(" ")) {
            r.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        return r;
    }

    private static void record(String line) throws IOException {
        figures.add(line);
        System.out.println("HUGE " + line);
        Path f = Path.of("target", "huge-inputs.txt");
        Files.createDirectories(f.getParent());
        Files.write(f, figures, StandardCharsets.UTF_8);
    }

    @Test
    void hugeVOTableIsSavedToDiskWithASmallHeap() throws Exception {
        try (SyntheticTapServer server = new SyntheticTapServer(HUGE, 0, 0)) {
            Path file = dir.resolve("huge.vot");
            Map<String, String> r = runClient("save", server.base().toString(), file.toString());
            assertEquals(server.votableBytes(), Long.parseLong(r.get("bytes")), "every byte saved");
            assertEquals(server.votableBytes(), Files.size(file));
            assertTrue(Long.parseLong(r.get("rssPeakMiB")) < 400, () -> "peak RSS " + r);
            double mbps = server.votableBytes() / 1e6 / Double.parseDouble(r.get("seconds"));
            record(String.format("save %d bytes (%d rows) with -Xmx256m: %s s, %.0f MB/s, peak heap %s MiB, peak RSS %s MiB",
                    server.votableBytes(), server.rows(), r.get("seconds"), mbps, r.get("heapPeakMiB"),
                    r.get("rssPeakMiB")));
        }
    }

    @Test
    void largerThanHeapResultIsReadIntoATable() throws Exception {
        try (SyntheticTapServer server = new SyntheticTapServer(TABLE, 0, 0)) {
            Map<String, String> r = runClient("query", server.base().toString());
            assertEquals(server.rows(), Long.parseLong(r.get("rows")));
            record(String.format("query %d bytes (%d rows) into a result table with -Xmx256m: %s s, peak heap %s MiB,"
                    + " peak RSS %s MiB", server.votableBytes(), server.rows(), r.get("seconds"), r.get("heapPeakMiB"),
                    r.get("rssPeakMiB")));
        }
    }

    @Test
    void columnOfHundredThousandCharacterStrings() throws Exception {
        HttpTransport transport = HttpTransports.create(TransportSettings.defaults());
        try (SyntheticTapServer server = new SyntheticTapServer(0, 200, 0)) {
            TapClient tap = new HttpTapClientFactory(transport).create(server.base());
            long t0 = System.nanoTime();
            ResultTable table = tap.query(TapQuery.of("SELECT * FROM wide"), null);
            double s = (System.nanoTime() - t0) / 1e9;
            assertEquals(200, table.rowCount());
            for (int r : new int[] {0, 1, 99, 199}) {
                String cell = (String) table.cell(r, 2);
                assertEquals(SyntheticTapServer.WIDE, cell.length());
                assertEquals(SyntheticTapServer.wide(r), cell);
            }
            record(String.format("200 rows with a 100,000-character string each (20 MB): %.2f s", s));
        }
    }

    @Test
    void jobListOfHundredThousandJobs() throws Exception {
        HttpTransport transport = HttpTransports.create(TransportSettings.defaults());
        try (SyntheticTapServer server = new SyntheticTapServer(0, 0, 100_000)) {
            HttpUwsJobManager jobs = new HttpUwsJobManager(transport, dir.resolve("store"));
            long t0 = System.nanoTime();
            List<JobSummary> all = jobs.list(server.base(), JobFilter.all(), null);
            double s = (System.nanoTime() - t0) / 1e9;
            assertEquals(100_000, all.size());
            assertEquals("job99999", all.get(99_999).id());
            assertEquals(URI.create(server.base() + "/async/job12345"), all.get(12_345).uri());
            assertEquals(ExecutionPhase.COMPLETED, all.get(99_999).phase());
            long errors = jobs.list(server.base(), JobFilter.all().withPhases(ExecutionPhase.ERROR), null).size();
            assertEquals(33_333, errors);
            record(String.format("job list of 100,000 jobs (%.1f MB): %.2f s", 100_000 * 190 / 1e6, s));
        }
    }
}
