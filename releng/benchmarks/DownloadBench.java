import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.astrolabe.core.internal.http.HttpClient5Transport;
import org.astrolabe.datalink.download.DownloadOptions;
import org.astrolabe.datalink.download.DownloadOutcome;
import org.astrolabe.datalink.internal.download.HttpDownloadManager;

/**
 * 50 SODA cutouts (CIRCLE of 0.010-0.034 deg around points of img_a, img_b and img_c) downloaded by
 * the real {@link HttpDownloadManager} on the real transport, made as DS makes them, in one JVM:
 * with N parallel transfers per host, and one after another. Runs alternate so that drift of a
 * shared machine affects both alike; a warm-up round of each comes first (JIT, connection pool, the
 * server's own caches). Prints one line per run and a table of medians.
 *
 *   java -cp ... DownloadBench BASE_URL RUNS PARALLEL
 *   java -cp ... DownloadBench --urls BASE_URL      (the 50 URLs, for the curl yardstick)
 */
public final class DownloadBench {

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("--urls")) {
            cutouts(args[1]).forEach(System.out::println);
            return;
        }
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:18080";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int parallel = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<URI> urls = cutouts(base);
        HttpClient5Transport transport = new HttpClient5Transport();
        try {
            HttpDownloadManager manager = new HttpDownloadManager(transport);
            time(manager, urls, parallel);
            time(manager, urls, 1);
            List<Double> par = new ArrayList<>();
            List<Double> seq = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            for (int r = 1; r <= runs; r++) {
                double s = time(manager, urls, 1);
                double p = time(manager, urls, parallel);
                seq.add(s);
                par.add(p);
                ratios.add(s / p);
                System.out.printf(Locale.ROOT, "run %d: one after another %.2f s, %d parallel %.2f s, ratio %.2f%n", r, s,
                        parallel, p, s / p);
            }
            System.out.println();
            System.out.println("| 50 SODA cutouts from DaCHS | wall (median of " + runs + ") | files/s |");
            System.out.println("|---|---|---|");
            System.out.printf(Locale.ROOT, "| one after another (--parallel 1) | %.2f s | %.1f |%n", median(seq),
                    urls.size() / median(seq));
            System.out.printf(Locale.ROOT, "| %d parallel transfers (--parallel %d) | %.2f s | %.1f |%n", parallel, parallel,
                    median(par), urls.size() / median(par));
            System.out.printf(Locale.ROOT, "| speed-up (median of the run-by-run ratios) | %.2f x | |%n", median(ratios));
        } finally {
            transport.close();
        }
    }

    static List<URI> cutouts(String base) {
        double[][] centres = {{180.0, 0.0}, {181.0, 1.0}, {179.0, -1.0}};
        String[] files = {"img_a", "img_b", "img_c"};
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int f = i % 3;
            double ra = centres[f][0] + ((i * 7) % 11 - 5) * 0.004;
            double dec = centres[f][1] + ((i * 5) % 9 - 4) * 0.004;
            double r = 0.010 + (i % 13) * 0.002;
            String id = "ivo://astrolabe.test/~?astrolabe/data/" + files[f] + ".fits";
            String circle = String.format(Locale.ROOT, "%.4f %.4f %.3f", ra, dec, r);
            urls.add(URI.create(base + "/astrolabe/q/dl/dlget?ID=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + "&CIRCLE=" + URLEncoder.encode(circle, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        return urls;
    }

    static double time(HttpDownloadManager manager, List<URI> urls, int parallel) throws Exception {
        Path dir = Files.createTempDirectory("astrolabe-download-bench");
        try {
            long t0 = System.nanoTime();
            List<DownloadOutcome> out = manager.download(urls, DownloadOptions.into(dir).withParallelPerHost(parallel),
                    null);
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (DownloadOutcome o : out) {
                if (o.status() != DownloadOutcome.Status.DOWNLOADED) {
                    throw new IllegalStateException("not downloaded: " + o.describe());
                }
            }
            return seconds;
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    static double median(List<Double> values) {
        List<Double> v = values.stream().sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }
}
