package org.astrolabe.datalink.internal.soda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CutoutFilesTest {

    @TempDir
    Path dir;

    private static HttpResult answer(byte[] body, long length, Map<String, String> headers) {
        return new HttpResult() {
            @Override
            public int status() {
                return 200;
            }

            @Override
            public URI uri() {
                return URI.create("http://x.org/dlget");
            }

            @Override
            public Optional<String> header(String name) {
                return Optional.ofNullable(headers.get(name));
            }

            @Override
            public String mediaType() {
                return "image/fits";
            }

            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public InputStream body() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void savedUnderAFreeNameNeverOverwriting() throws Exception {
        byte[] data = {1, 2, 3};
        Path a = CutoutFiles.save(answer(data, 3, Map.of()), "ivo://astrolabe.test/~?astrolabe/data/img_a.fits", dir);
        Path b = CutoutFiles.save(answer(data, 3, Map.of()), "ivo://astrolabe.test/~?astrolabe/data/img_a.fits", dir);
        assertEquals("img_a-cutout.fits", a.getFileName().toString());
        assertEquals("img_a-cutout-1.fits", b.getFileName().toString());
        assertArrayEquals(data, Files.readAllBytes(b));
        Path c = CutoutFiles.save(answer(data, -1, Map.of("Content-Disposition", "attachment; filename=\"../../evil.fits\"")),
                "x", dir);
        assertEquals(dir.resolve("evil.fits"), c);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("evil.fits", "img_a-cutout-1.fits", "img_a-cutout.fits"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void emptyAnswersAreRefusedAndLeaveNoFile() throws Exception {
        var e = assertThrows(org.astrolabe.core.ServiceFailureException.class,
                () -> CutoutFiles.save(answer(new byte[0], 0, Map.of()), "x", dir));
        assertTrue(e.getMessage().contains("empty answer"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void shortAnswersLeaveNoFile() throws Exception {
        assertThrows(TransientException.class, () -> CutoutFiles.save(answer(new byte[] {1}, 10, Map.of()), "x", dir));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
