package org.astrolabe.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.http.HttpTransports;
import org.astrolabe.core.http.TransportSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceCapsTest {

    private static final URI SRC = URI.create("https://example.org/reg/resource-caps");

    private static ResourceCaps read(String text) throws InvalidInputException {
        return ResourceCaps.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SRC);
    }

    @Test
    void readsCadcStyleDocument() throws Exception {
        ResourceCaps caps;
        try (InputStream in = getClass().getResourceAsStream("resource-caps.txt")) {
            caps = ResourceCaps.read(in, SRC);
        }
        assertEquals(4, caps.capabilities().size());
        assertEquals(URI.create("https://ws-uv.canfar.net/argus/capabilities"),
                caps.lookup(URI.create("ivo://cadc.nrc.ca/argus")).orElseThrow());
        assertEquals(URI.create("https://ws-uv.canfar.net/youcat/capabilities"),
                caps.lookup(URI.create("ivo://cadc.nrc.ca/youcat")).orElseThrow());
        assertEquals(URI.create("https://ws-cadc.canfar.net/caom2ops/capabilities"),
                caps.lookup(URI.create("IVO://CADC.NRC.CA/caom2ops/")).orElseThrow(), "case-insensitive, slash");
        assertFalse(caps.lookup(URI.create("ivo://cadc.nrc.ca/nothing")).isPresent());
    }

    @Test
    void refusesHtmlAndBadLines() {
        var e = assertThrows(InvalidInputException.class, () -> read("<html><body>Not here</body></html>\n"));
        assertTrue(e.getMessage().contains("Line 1") && e.getMessage().contains("<html>"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> read("ivo://a.b/c = https://x.org/cap\nhttps://x = https://y\n"));
        assertTrue(e.getMessage().contains("Line 2"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> read("ivo://a.b/c = ftp://x.org/cap\n"));
        assertTrue(e.getMessage().contains("ftp://x.org/cap"), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> read("# only a comment\n\n"));
        assertTrue(e.getMessage().contains("lists no service"), e.getMessage());
    }

    @Test
    void serviceAddresses() {
        assertTrue(ServiceAddress.parse("ivo://cadc.nrc.ca/argus").isIvoId());
        ServiceAddress url = ServiceAddress.parse(" https://koa.ipac.caltech.edu/TAP/ ");
        assertFalse(url.isIvoId());
        assertEquals("https://koa.ipac.caltech.edu/TAP", url.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> ServiceAddress.parse("ftp://x.org/tap"));
        assertTrue(e.getMessage().contains("ftp://x.org/tap"));
        e = assertThrows(IllegalArgumentException.class, () -> ServiceAddress.parse("cadc"));
        assertTrue(e.getMessage().contains("cadc"));
        e = assertThrows(IllegalArgumentException.class, () -> ServiceAddress.parse("ivo://x"));
        assertTrue(e.getMessage().contains("ivo://x"));
    }

    @Test
    void resolverReadsFileRegistry(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("resource-caps");
        Files.writeString(file, "ivo://astrolabe.test/tap = http://127.0.0.1:1/tap/capabilities\n");
        var transport = HttpTransports.create(TransportSettings.defaults().withTimeout(Duration.ofSeconds(2)));
        RegistryResolver resolver = new RegistryResolver(transport, file.toUri());
        assertEquals(URI.create("http://127.0.0.1:1/tap/capabilities"),
                resolver.capabilitiesUrl(URI.create("ivo://astrolabe.test/tap"), null));
        var e = assertThrows(NotFoundException.class,
                () -> resolver.capabilitiesUrl(URI.create("ivo://astrolabe.test/other"), null));
        assertTrue(e.getMessage().contains("ivo://astrolabe.test/other") && e.getMessage().contains(file.toUri().toString()),
                e.getMessage());
        RegistryResolver missing = new RegistryResolver(transport, dir.resolve("nope").toUri());
        assertThrows(NotFoundException.class, () -> missing.resourceCaps(null));
    }
}
