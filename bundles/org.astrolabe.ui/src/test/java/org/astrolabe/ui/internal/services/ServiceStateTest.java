package org.astrolabe.ui.internal.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.Profile;
import org.astrolabe.core.registry.ServiceAddress;
import org.junit.jupiter.api.Test;

class ServiceStateTest {

    @Test
    void headlinesKeepTheFirstWords() {
        assertEquals("available", ServiceState.headline("available (up since 2026-11-21T17:54:51Z)"));
        assertEquals("unreachable", ServiceState.headline("unreachable: Unknown host koa.ipac.caltech.edu: check"));
        assertEquals("not available until 2026-12-01", ServiceState.headline(
                "not available until 2026-12-01: maintenance"));
        assertEquals("logged in", ServiceState.headline("logged in (HTTP Basic)"));
        assertEquals("", ServiceState.headline(""));
    }

    @Test
    void urlsAreKnownAtOnceIdentifiersAfterResolution() {
        var url = ServiceState.unchecked(Archive.of("a", Profile.OBSCORE, ServiceAddress.parse("http://h/tap")));
        assertEquals("http://h/tap", url.tap().toString());
        assertEquals(ServiceState.CHECKING, url.availability());
        var ivo = ServiceState.unchecked(Archive.of("b", Profile.CAOM2, ServiceAddress.parse("ivo://x.y/tap")));
        assertNull(ivo.tap());
    }
}
