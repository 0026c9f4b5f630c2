package org.astrolabe.tap.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.astrolabe.core.AstrolabeException;

/**
 * What every fuzz target of this bundle shares (one copy per bundle: the test sources of one bundle
 * cannot see another's). A target is one small class: a {@code @BeforeAll} that calls
 * {@link #seed} and a {@code @FuzzTest} method that hands the fuzzer's bytes to {@link #run}.
 *
 * <p>{@link #run} lets through only the failures the reader documents (its typed
 * {@link AstrolabeException}s, each with a one-line message); anything else (a runtime exception,
 * an error, an undocumented checked exception) propagates and is a crash for Jazzer. Executions
 * and refusals are counted and written to {@code target/fuzz/<target>.properties} by
 * {@link #report} (the README's figures).
 */
final class FuzzHarness {

    /** Reads one document. */
    @FunctionalInterface
    interface Reader {
        void read(InputStream in) throws Exception;
    }

    private final String name;
    private final List<Class<? extends AstrolabeException>> documented;
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private long seeds;

    @SafeVarargs
    FuzzHarness(String name, Class<? extends AstrolabeException>... documented) {
        this.name = name;
        this.documented = List.of(documented);
    }

    /** Runs {@code reader} on {@code data}; returns normally for a document read or refused as documented. */
    void run(byte[] data, Reader reader) throws Exception {
        runs.incrementAndGet();
        try {
            reader.read(new ByteArrayInputStream(data));
        } catch (AstrolabeException e) {
            if (documented.stream().noneMatch(c -> c.isInstance(e))) {
                throw new AssertionError(name + ": undocumented failure " + e, e);
            }
            String m = e.getMessage();
            if (m == null || m.isBlank() || m.contains("\n")) {
                throw new AssertionError(name + ": the message must be one non-empty line: " + m, e);
            }
            refused.incrementAndGet();
        }
    }

    /**
     * Seeds the fuzzer: copies the recorded documents of {@code src/test/resources/fuzz-seeds/<dir>}
     * and the files of the shared corpus ({@code astrolabe.corpus}, skipped when absent) whose names
     * end with one of {@code suffixes} into Jazzer's corpus directory of {@code target}'s fuzz
     * test {@code method} (under {@code jazzer.internal.basedir}).
     */
    void seed(Class<?> target, String method, String dir, String... suffixes) {
        Path base = Path.of(System.getProperty("jazzer.internal.basedir", System.getProperty("user.dir")));
        Path corpus = base.resolve(".cifuzz-corpus").resolve(target.getName()).resolve(method);
        try {
            Files.createDirectories(corpus);
            long n = copy(Path.of("src/test/resources/fuzz-seeds", dir), corpus, "recorded-", suffixes);
            Path shared = Path.of(System.getProperty("astrolabe.corpus", "../../../shared/corpus"));
            n += copy(shared, corpus, "corpus-", suffixes);
            seeds = n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long copy(Path from, Path to, String prefix, String... suffixes) throws IOException {
        if (!Files.isDirectory(from)) {
            return 0;
        }
        long n = 0;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String file = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Stream.of(suffixes).anyMatch(file::endsWith) && Files.size(f) < 1_000_000) {
                    String flat = prefix + from.relativize(f).toString().replace('/', '_');
                    Files.copy(f, to.resolve(flat), StandardCopyOption.REPLACE_EXISTING);
                    n++;
                }
            }
        }
        return n;
    }

    /** Writes the counts to {@code target/fuzz/<name>.properties} and stdout. */
    void report() throws IOException {
        Path out = Path.of("target", "fuzz", name + ".properties");
        Files.createDirectories(out.getParent());
        String text = "target=" + name + "\nseeds=" + seeds + "\nexecutions=" + runs.get() + "\nrefused="
                + refused.get() + "\n";
        Files.writeString(out, text, StandardCharsets.UTF_8);
        System.out.println("FUZZ " + text.replace('\n', ' '));
    }
}
