package org.astrolabe.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.Profile;
import org.astrolabe.archive.ResolvedArchive;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.http.HttpTransports;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.registry.ServiceAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTest {

    @TempDir
    Path dir;

    private RegistryArchiveCatalogue catalogue(Path file, Clock clock) {
        return new RegistryArchiveCatalogue(HttpTransports.create(TransportSettings.defaults()
                .withTimeout(Duration.ofSeconds(2))), file, dir.resolve("no-registry").toUri(),
                "http://127.0.0.1:18080", Duration.ofMinutes(10), clock);
    }

    @Test
    void presets() {
        var c = catalogue(dir.resolve("archives.properties"), Clock.systemUTC());
        assertEquals(java.util.List.of("cadc", "csc", "koa", "local", "local-caom2"),
                c.archives().stream().map(Archive::name).toList());
        Archive cadc = c.lookup("CADC");
        assertEquals(Profile.CAOM2, cadc.profile());
        assertEquals("ivo://cadc.nrc.ca/argus", cadc.tap().toString());
        assertEquals("ivo://cadc.nrc.ca/caom2ops", cadc.dataLink().toString());
        assertEquals("ivo://cadc.nrc.ca/gms", cadc.login().toString());
        assertEquals("downloads-only", cadc.dataLinkRequest());
        assertEquals(URI.create("http://cda.cfa.harvard.edu/csc21scs/coneSearch"), c.lookup("csc").coneSearch());
        assertEquals(URI.create("http://cda.cfa.harvard.edu/csc21siap/queryImages"), c.lookup("csc").sia());
        assertEquals("https://koa.ipac.caltech.edu/TAP", c.lookup("koa").tap().toString());
        assertSame(c.lookup("cadc"), c.lookup("ivo://cadc.nrc.ca/argus"), "an identifier of a preset is the preset");
        assertEquals("local", c.lookup("http://127.0.0.1:18080/tap/").name());
        Archive adhoc = c.lookup("https://example.org/tap");
        assertEquals(Profile.OBSCORE, adhoc.profile());
        var e = assertThrows(IllegalArgumentException.class, () -> c.lookup("nosuch"));
        assertTrue(e.getMessage().contains("nosuch") && e.getMessage().contains("cadc"), e.getMessage());
    }

    @Test
    void userArchivesPersistAtomically() throws Exception {
        Path file = dir.resolve("sub/archives.properties");
        var c = catalogue(file, Clock.systemUTC());
        Archive mine = Archive.of("mine", Profile.OBSCORE, ServiceAddress.parse("https://example.org/tap"))
                .withDataLink(ServiceAddress.parse("ivo://example.org/datalink"));
        c.add(mine);
        assertTrue(Files.exists(file));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file left");
        }
        var again = catalogue(file, Clock.systemUTC());
        Archive read = again.find("mine").orElseThrow();
        assertEquals(mine, read);
        assertFalse(read.preset());
        assertEquals(6, again.archives().size());
        var e = assertThrows(IllegalArgumentException.class,
                () -> again.add(Archive.of("cadc", Profile.OBSCORE, ServiceAddress.parse("https://x.org/tap"))));
        assertTrue(e.getMessage().contains("cadc"));
        assertTrue(again.remove("mine"));
        assertFalse(again.remove("mine"));
        assertTrue(catalogue(file, Clock.systemUTC()).find("mine").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> again.remove("local"));
    }

    @Test
    void resolutionIsCachedForTheRefreshPeriod() throws Exception {
        Path registry = dir.resolve("resource-caps");
        Files.writeString(registry, "ivo://example.org/tap = http://127.0.0.1:1/tap/capabilities\n");
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        var c = catalogue(dir.resolve("a.properties"), clock);
        Archive byUrl = Archive.of("u", Profile.OBSCORE, ServiceAddress.parse("http://127.0.0.1:1/tap"));
        ResolvedArchive first = c.resolve(byUrl, registry.toUri(), null);
        assertEquals(URI.create("http://127.0.0.1:1/tap"), first.tap());
        now.set(now.get().plusSeconds(60));
        assertSame(first, c.resolve(byUrl, registry.toUri(), null), "fresh: from the cache");
        now.set(now.get().plus(Duration.ofMinutes(11)));
        ResolvedArchive later = c.resolve(byUrl, registry.toUri(), null);
        assertEquals(now.get(), later.resolvedAt(), "stale: resolved again");

        Archive byId = Archive.of("i", Profile.OBSCORE, ServiceAddress.parse("ivo://example.org/unknown"));
        var e = assertThrows(NotFoundException.class, () -> c.resolve(byId, registry.toUri(), null));
        assertTrue(e.getMessage().contains("ivo://example.org/unknown"), e.getMessage());
    }

    @Test
    void identifiersResolvedOnceAcrossRuns() throws Exception {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
        String caps = "<?xml version='1.0'?><cap:capabilities xmlns:cap='http://www.ivoa.net/xml/VOSICapabilities/v1.0'"
                + " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xmlns:vs='http://www.ivoa.net/xml/VODataService/v1.1'>"
                + "<capability standardID='ivo://ivoa.net/std/TAP'><interface xsi:type='vs:ParamHTTP' role='std'>"
                + "<accessURL use='base'>http://tap.example.org/tap</accessURL></interface></capability>"
                + "<capability standardID='ivo://ivoa.net/std/DataLink#links-1.0'><interface xsi:type='vs:ParamHTTP'"
                + " role='std'><accessURL use='base'>http://dl.example.org/links</accessURL></interface></capability>"
                + "</cap:capabilities>";
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = caps.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String capsUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/capabilities";
            Path registry = dir.resolve("rc");
            Files.writeString(registry, "ivo://example.org/tap = " + capsUrl + "\nivo://example.org/dl = " + capsUrl
                    + "\n");
            Path file = dir.resolve("cache/archives.properties");
            AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
            Clock clock = Clock.fixed(now.get(), ZoneOffset.UTC);
            Archive a = Archive.of("x", Profile.OBSCORE, ServiceAddress.parse("ivo://example.org/tap"))
                    .withDataLink(ServiceAddress.parse("ivo://example.org/dl"));
            ResolvedArchive first = catalogue(file, clock).resolve(a, registry.toUri(), null);
            assertEquals(URI.create("http://tap.example.org/tap"), first.tap());
            assertEquals(URI.create("http://dl.example.org/links"), first.dataLink());
            assertEquals(2, requests.get());
            ResolvedArchive again = catalogue(file, Clock.fixed(now.get().plusSeconds(300), ZoneOffset.UTC))
                    .resolve(a, registry.toUri(), null);
            assertEquals(first, again, "a new catalogue (another run) reads the cache file");
            assertEquals(2, requests.get());
            catalogue(file, Clock.fixed(now.get().plus(Duration.ofMinutes(11)), ZoneOffset.UTC))
                    .resolve(a, registry.toUri(), null);
            assertEquals(4, requests.get(), "stale after the refresh period");
            try (var files = Files.list(file.getParent())) {
                assertEquals(java.util.List.of("resolved-endpoints.properties"),
                        files.map(f -> f.getFileName().toString()).toList(), "no temporary file left");
            }
        } finally {
            server.stop(0);
        }
    }
}
