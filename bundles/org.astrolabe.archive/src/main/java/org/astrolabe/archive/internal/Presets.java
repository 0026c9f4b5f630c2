package org.astrolabe.archive.internal;

import java.net.URI;
import java.util.List;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.Profile;
import org.astrolabe.core.registry.ServiceAddress;

/** The archives Astrolabe knows out of the box. */
final class Presets {

    /** The local test server's base URL when {@code ASTROLABE_LOCAL_URL} is not set. */
    static final String LOCAL_DEFAULT = "http://127.0.0.1:18080";

    private Presets() {
    }

    /**
     * @param localBase the local test server's base URL (no trailing slash)
     * @return cadc, csc, koa, local, local-caom2
     */
    static List<Archive> all(String localBase) {
        String csc = "http://cda.cfa.harvard.edu/";
        return List.of(
                new Archive("cadc", "Canadian Astronomy Data Centre (CAOM2)", Profile.CAOM2,
                        ServiceAddress.parse("ivo://cadc.nrc.ca/argus"), ServiceAddress.parse("ivo://cadc.nrc.ca/caom2ops"),
                        ServiceAddress.parse("ivo://cadc.nrc.ca/gms"), null, null, null, null, "downloads-only", true),
                new Archive("csc", "Chandra Source Catalog 2.1", Profile.OBSCORE,
                        ServiceAddress.parse(csc + "csc21tap"), null, null, URI.create(csc + "csc21scs/coneSearch"),
                        URI.create(csc + "csc21siap/queryImages"), null, null, "", true),
                new Archive("koa", "Keck Observatory Archive", Profile.OBSCORE,
                        ServiceAddress.parse("https://koa.ipac.caltech.edu/TAP"), null, null, null, null, null, null, "",
                        true),
                new Archive("local", "Astrolabe test server (DaCHS, ObsCore)", Profile.OBSCORE,
                        ServiceAddress.parse(localBase + "/tap"),
                        ServiceAddress.parse(localBase + "/__system__/obscore/dl/dlmeta"), null,
                        URI.create(localBase + "/astrolabe/q/scs/scs.xml"),
                        URI.create(localBase + "/astrolabe/q/siap/siap.xml"),
                        URI.create(localBase + "/__system__/siap2/sitewide/siap2.xml"), null, "", true),
                new Archive("local-caom2", "Astrolabe test server, CAOM2 schema (via its registry)", Profile.CAOM2,
                        ServiceAddress.parse("ivo://astrolabe.test/caom2tap"),
                        ServiceAddress.parse("ivo://astrolabe.test/caom2ops"), null, null, null, null,
                        URI.create(localBase + "/astrolabe/caom2/static/static/resource-caps"), "", true));
    }
}
