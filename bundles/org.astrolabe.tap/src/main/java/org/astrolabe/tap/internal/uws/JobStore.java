package org.astrolabe.tap.internal.uws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.astrolabe.tap.uws.RememberedJob;

/**
 * The jobs a user created, remembered in one small text file ({@code jobs.tsv}: a header line,
 * then one job per line, fields URL-encoded and separated by tabs). Every change re-reads the
 * file under a file lock (the workbench and the command line may share it), then writes a
 * temporary file and renames it over the old one, so a crash never leaves a half-written store.
 * A line that cannot be read is skipped, not fatal. Thread-safe.
 */
final class JobStore {

    static final String FILE = "jobs.tsv";
    private static final String HEADER = "# Astrolabe UWS jobs v1: service, job URL, job id, created, query";
    private static final Logger LOG = Logger.getLogger(JobStore.class.getName());

    private final Path dir;
    private final Path file;

    /** @param dir the directory the store lives in; created when first written */
    JobStore(Path dir) {
        this.dir = dir;
        this.file = dir.resolve(FILE);
    }

    Path file() {
        return file;
    }

    /** @return every remembered job, oldest first; empty when the file does not exist */
    synchronized List<RememberedJob> all() {
        try {
            return read();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot read the job store " + file + ": " + e.getMessage(), e);
            return List.of();
        }
    }

    /** Adds a job (replacing an entry with the same job URL). */
    void add(RememberedJob job) throws IOException {
        update(jobs -> {
            jobs.removeIf(j -> j.job().equals(job.job()));
            jobs.add(job);
            return jobs;
        });
    }

    /** @return {@code true} if a job with that URL was remembered and is now forgotten */
    boolean remove(URI job) throws IOException {
        boolean[] removed = {false};
        update(jobs -> {
            removed[0] = jobs.removeIf(j -> j.job().equals(job));
            return jobs;
        });
        return removed[0];
    }

    private synchronized void update(UnaryOperator<List<RememberedJob>> change) throws IOException {
        Files.createDirectories(dir);
        try (FileChannel lockFile = FileChannel.open(dir.resolve(FILE + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lock(lockFile)) {
            List<RememberedJob> jobs = change.apply(new ArrayList<>(read()));
            write(jobs);
        }
    }

    /** Another store object of this JVM on the same directory may hold the lock: wait for it. */
    private static FileLock lock(FileChannel channel) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                if (attempt > 200) {
                    throw new IOException("The job store stays locked by another user in this process", e);
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while waiting for the job store", interrupted);
                }
            }
        }
    }

    private List<RememberedJob> read() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<RememberedJob> jobs = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                jobs.add(new RememberedJob(URI.create(decode(f[0])), URI.create(decode(f[1])), decode(f[2]),
                        Instant.parse(decode(f[3])), f.length > 4 ? decode(f[4]) : ""));
            } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
                LOG.warning("Skipping an unreadable line of the job store " + file + ": " + e.getMessage());
            }
        }
        return jobs;
    }

    private void write(List<RememberedJob> jobs) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (RememberedJob j : jobs) {
            text.append(encode(j.service().toString())).append('\t').append(encode(j.job().toString())).append('\t')
                    .append(encode(j.id())).append('\t').append(encode(j.created().toString())).append('\t')
                    .append(encode(j.query())).append('\n');
        }
        Path temp = Files.createTempFile(dir, "." + FILE, ".part");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
