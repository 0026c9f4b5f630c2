package org.astrolabe.tap.internal.uws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.astrolabe.tap.uws.RememberedJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local job store: round trip, odd characters, atomic replacement, damaged lines. */
class JobStoreTest {

    @TempDir
    Path dir;

    private static RememberedJob job(String id, String query) {
        return new RememberedJob(URI.create("http://127.0.0.1:18080/tap"),
                URI.create("http://127.0.0.1:18080/__system__/tap/run/async/" + id), id,
                Instant.parse("2026-11-21T16:00:00.123Z"), query);
    }

    @Test
    void roundTripKeepsEverythingIncludingTabsAndNewlines() throws Exception {
        JobStore store = new JobStore(dir.resolve("sub/uws"));
        assertTrue(store.all().isEmpty());
        RememberedJob a = job("a1", "SELECT *\n\tFROM t -- 100% 'ünïcode' & more");
        RememberedJob b = job("b2", "");
        store.add(a);
        store.add(b);
        assertEquals(List.of(a, b), new JobStore(dir.resolve("sub/uws")).all());
        store.add(a);
        assertEquals(List.of(b, a), store.all(), "re-adding replaces and moves to the end");
        assertTrue(store.remove(a.job()));
        assertFalse(store.remove(a.job()));
        assertEquals(List.of(b), new JobStore(dir.resolve("sub/uws")).all());
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws Exception {
        JobStore store = new JobStore(dir);
        for (int i = 0; i < 20; i++) {
            store.add(job("j" + i, "SELECT " + i));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(JobStore.FILE, JobStore.FILE + ".lock"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(20, store.all().size());
    }

    @Test
    void damagedLinesAreSkipped() throws Exception {
        JobStore store = new JobStore(dir);
        store.add(job("ok", "SELECT 1"));
        Files.writeString(store.file(), "garbage line\nhttp://x\tonly two\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertEquals(1, store.all().size());
        store.add(job("ok2", "SELECT 2"));
        assertEquals(2, store.all().size());
    }

    @Test
    void twoStoresOnOneDirectoryDoNotLoseEntries() throws Exception {
        JobStore one = new JobStore(dir);
        JobStore two = new JobStore(dir);
        Thread t = new Thread(() -> {
            for (int i = 0; i < 30; i++) {
                try {
                    one.add(job("x" + i, ""));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        t.start();
        for (int i = 0; i < 30; i++) {
            two.add(job("y" + i, ""));
        }
        t.join();
        assertEquals(60, one.all().size());
    }
}
