package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.astrolabe.tap.uws.UwsJobManager;
import org.junit.jupiter.api.Test;

/** The UWS job manager is a DS service of the TAP bundle, keeping its job store in the bundle's data area. */
class UwsServiceRegistrationTest {

    @Test
    void jobManagerIsRegisteredWithItsStoreInTheBundleDataArea() throws Exception {
        UwsJobManager jobs = Services.get(UwsJobManager.class);
        assertEquals("org.astrolabe.tap", Services.provider(UwsJobManager.class));
        // The component was activated with the tap bundle's context: its store is under that bundle's data area.
        String where = jobs.toString();
        assertTrue(where.contains("jobs.tsv") && where.contains("data"), where);
        assertEquals(URI.create("https://archive.example/tap/async/abc"),
                jobs.jobUri(URI.create("https://archive.example/tap/"), "abc"));
        assertThrows(IllegalArgumentException.class, () -> jobs.jobUri(null, "abc"));
    }
}
