package org.astrolabe.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.ServerSocket;
import java.time.Duration;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpTransports;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.sky.SkyPosition;
import org.junit.jupiter.api.Test;

class SesameTest {

    private static final URI SRC = URI.create("https://cds.unistra.fr/cgi-bin/nph-sesame/-oxp/SNV?M31");

    @Test
    void readsFirstResolver() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("sesame-m31.xml")) {
            SkyPosition p = SesameNameResolver.read(in, "M31", SRC);
            assertEquals(10.68470833, p.ra(), 1e-9);
            assertEquals(41.26875, p.dec(), 1e-9);
        }
    }

    @Test
    void unknownNameAndGarbage() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("sesame-unknown.xml")) {
            var e = assertThrows(NotFoundException.class, () -> SesameNameResolver.read(in, "NoSuchThing", SRC));
            assertTrue(e.getMessage().contains("NoSuchThing"));
        }
        assertThrows(InvalidInputException.class, () -> SesameNameResolver.read(
                new ByteArrayInputStream("<html><body>proxy error</body></html>".getBytes()), "M31", SRC));
    }

    @Test
    void offlineGivesAClearError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        var resolver = new SesameNameResolver(HttpTransports.create(TransportSettings.defaults()
                .withTimeout(Duration.ofSeconds(3))), URI.create("http://127.0.0.1:" + port + "/sesame"));
        var e = assertThrows(TransientException.class, () -> resolver.resolve("M31", null));
        assertTrue(e.getMessage().startsWith("Cannot reach CDS Sesame to resolve 'M31'"), e.getMessage());
        assertTrue(e.getMessage().contains("give the position as coordinates"), e.getMessage());
    }
}
