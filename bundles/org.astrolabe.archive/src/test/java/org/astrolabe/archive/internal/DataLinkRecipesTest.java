package org.astrolabe.archive.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.astrolabe.archive.Archive;
import org.astrolabe.archive.ResolvedArchive;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;
import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.DataLinkResolver;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ResolveOptions;
import org.astrolabe.datalink.ServiceDescriptor;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.astrolabe.datalink.soda.CutoutService;
import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;

/**
 * The DataLink side of the CAOM2 recipes on the CADC preset, with a DataLink resolver that
 * records what it is asked and answers rows shaped like CADC's caom2ops (semantics #this,
 * #auxiliary, #preview, #package, #cutout with a SODA descriptor, an error row).
 */
class DataLinkRecipesTest {

    private static final URI CAOM2OPS = URI.create("https://ws-cadc.canfar.net/caom2ops/datalink");

    private final List<URI> endpoints = new ArrayList<>();
    private final List<ResolveOptions> options = new ArrayList<>();

    private final DataLinkResolver resolver = new DataLinkResolver() {
        @Override
        public LinksDocument resolve(URI service, List<String> ids, ResolveOptions o, IProgressMonitor monitor) {
            endpoints.add(service);
            options.add(o);
            List<DataLink> rows = new ArrayList<>();
            for (String id : ids) {
                if (id.endsWith("bad")) {
                    rows.add(link(id, null, "", "NotFoundFault: " + id, "#this"));
                    continue;
                }
                rows.add(link(id, URI.create("https://x.org/files/" + id.hashCode() + ".fits"), "", "", "#this"));
                rows.add(link(id, URI.create("https://x.org/files/" + id.hashCode() + ".aux"), "", "", "#auxiliary"));
                rows.add(link(id, URI.create("https://x.org/files/" + id.hashCode() + ".png"), "", "", "#preview"));
                rows.add(link(id, URI.create("https://x.org/pkg/" + id.hashCode() + ".tar"), "", "", "#package"));
                rows.add(link(id, null, "soda-" + id.hashCode(), "", "#cutout"));
            }
            Map<String, ServiceDescriptor> descriptors = new java.util.LinkedHashMap<>();
            for (String id : ids) {
                descriptors.put("soda-" + id.hashCode(), new ServiceDescriptor("soda-" + id.hashCode(),
                        ServiceDescriptor.SODA_SYNC, URI.create("https://x.org/soda/sync"), "", List.of()));
            }
            return new LinksDocument(rows, descriptors);
        }

        @Override
        public LinksDocument read(InputStream in, URI source, IProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }
    };

    private static DataLink link(String id, URI url, String serviceDef, String error, String semantics) {
        return new DataLink(id, url, serviceDef, error, semantics, "", "", -1, "", "", "", null);
    }

    /** Answers the parameters a CADC descriptor fixes (ID, RUNID) and POS, as the real service does. */
    private final CutoutService cutouts = new CutoutService() {
        @Override
        public List<HttpRequest.Parameter> parameters(ServiceDescriptor d, CutoutRequest r) {
            return List.of(new HttpRequest.Parameter("ID", r.id()), new HttpRequest.Parameter("RUNID", "astrolabe"),
                    new HttpRequest.Parameter("POS", r.positions().get(0).posValue()));
        }

        @Override
        public HttpResult open(ServiceDescriptor d, CutoutRequest r, Mode m, IProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.file.Path save(ServiceDescriptor d, CutoutRequest r, Mode m, java.nio.file.Path dir,
                IProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }
    };

    private ResolvedArchive cadc() {
        Archive preset = Presets.all("http://127.0.0.1:18080").get(0);
        assertEquals("cadc", preset.name());
        return new ResolvedArchive(preset, URI.create("https://ws-uv.canfar.net/argus"), CAOM2OPS, null, Instant.now());
    }

    private TapArchiveRecipes recipes() {
        return new TapArchiveRecipes(null, resolver, cutouts, null, null);
    }

    @Test
    void dataUrlsThisOnlyInBatchesOf20WithDownloadsOnly() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            ids.add("ivo://cadc.nrc.ca/CFHT?" + i + "/p");
        }
        ids.add("ivo://cadc.nrc.ca/CFHT?bad");
        var urls = recipes().dataUrls(cadc(), ids, false, null);
        assertEquals(URI.create(CAOM2OPS + "?REQUEST=downloads-only"), endpoints.get(0));
        assertEquals(20, options.get(0).batchSize());
        assertEquals(45, urls.links().size());
        assertTrue(urls.links().stream().allMatch(l -> l.semantics().equals("#this")));
        assertEquals(List.of("ivo://cadc.nrc.ca/CFHT?bad: NotFoundFault: ivo://cadc.nrc.ca/CFHT?bad"), urls.problems());

        var withAux = recipes().dataUrls(cadc(), ids.subList(0, 2), true, null);
        assertEquals(List.of("#this", "#auxiliary", "#this", "#auxiliary"),
                withAux.links().stream().map(DataLink::semantics).toList(), "packages and previews left out");
    }

    @Test
    void imageUrlsFromCutoutDescriptors() throws Exception {
        var urls = recipes().imageUrls(cadc(), List.of("ivo://cadc.nrc.ca/CFHT?1/p", "ivo://cadc.nrc.ca/CFHT?bad"),
                SkyPosition.parse("08h45m07.5s +54d18m00s"), Angle.parse("1arcmin"), null);
        assertEquals(1, urls.urls().size());
        assertEquals("https://x.org/soda/sync?ID=ivo%3A%2F%2Fcadc.nrc.ca%2FCFHT%3F1%2Fp&RUNID=astrolabe"
                + "&POS=CIRCLE%20131.28125%2054.3%200.016666666666666666", urls.urls().get(0).url().toString());
        assertEquals(1, urls.problems().size());
        assertTrue(urls.problems().get(0).startsWith("ivo://cadc.nrc.ca/CFHT?bad: NotFoundFault"), urls.problems().toString());
    }

}
