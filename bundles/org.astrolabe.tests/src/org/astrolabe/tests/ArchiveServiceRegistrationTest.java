package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.OptionalLong;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.ArchiveCatalogue;
import org.astrolabe.archive.ArchiveRecipes;
import org.astrolabe.archive.Profile;
import org.astrolabe.archive.ResolvedArchive;
import org.astrolabe.archive.dal.DalClient;
import org.astrolabe.archive.dal.NameResolver;
import org.junit.jupiter.api.Test;

/** The archive bundle's services are registered by DS and usable from another bundle. */
class ArchiveServiceRegistrationTest {

    @Test
    void catalogueRegisteredWithPresets() throws Exception {
        ArchiveCatalogue catalogue = Services.get(ArchiveCatalogue.class);
        assertEquals("org.astrolabe.archive", Services.provider(ArchiveCatalogue.class));
        Archive cadc = catalogue.find("cadc").orElseThrow();
        assertEquals(Profile.CAOM2, cadc.profile());
        assertEquals("ivo://cadc.nrc.ca/argus", cadc.tap().toString());
        assertTrue(catalogue.find("csc").isPresent() && catalogue.find("koa").isPresent());
        // an archive given by URL resolves without any network access
        Archive byUrl = catalogue.lookup("https://example.org/tap");
        ResolvedArchive r = catalogue.resolve(byUrl, null, null);
        assertEquals(URI.create("https://example.org/tap"), r.tap());
    }

    @Test
    void recipesAndClientsRegistered() throws Exception {
        ArchiveRecipes recipes = Services.get(ArchiveRecipes.class);
        assertEquals("org.astrolabe.archive", Services.provider(ArchiveRecipes.class));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> recipes.name(Services.get(ArchiveCatalogue.class).resolve(
                        Services.get(ArchiveCatalogue.class).lookup("https://example.org/tap"), null, null), " ",
                        OptionalLong.empty(), null));
        assertTrue(e.getMessage().contains("target name"));
        Services.get(DalClient.class);
        Services.get(NameResolver.class);
        assertEquals("org.astrolabe.archive", Services.provider(DalClient.class));
    }
}
