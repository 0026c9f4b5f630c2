package org.astrolabe.datalink.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.LinkFilter;
import org.astrolabe.datalink.Semantics;
import org.junit.jupiter.api.Test;

class SemanticsTest {

    private final Semantics core = Semantics.core();

    private static DataLink link(String semantics) {
        return new DataLink("ivo://x/y", java.net.URI.create("http://x.org/f"), "", "", semantics, "", "", -1, "", "",
                "", null);
    }

    @Test
    void hierarchy() {
        assertTrue(core.isA("#preview-image", "#preview"));
        assertTrue(core.isA("#preview-plot", "#preview"));
        assertTrue(core.isA("#thumbnail", "#preview"));
        assertTrue(core.isA("#noise", "#auxiliary"));
        assertTrue(core.isA("#weight", "auxiliary"));
        assertTrue(core.isA("#cutout", "#proc"));
        assertTrue(core.isA("#flat", "#calibration"));
        assertTrue(core.isA("http://www.ivoa.net/rdf/datalink/core#preview-image", "#preview"));
        assertFalse(core.isA("#preview", "#preview-image"));
        assertFalse(core.isA("#this", "#preview"));
        assertFalse(core.isA("#custom-thing", "#this"));
        assertEquals(Optional.of("#documentation"), core.parent("#detached-header"));
    }

    @Test
    void filters() {
        List<DataLink> links = List.of(link("#this"), link("#preview"), link("#preview-image"), link("#noise"),
                link("#flat"), link("#package"), link("#cutout"), link("#progenitor"));
        assertEquals(List.of("#this"), semantics(links, LinkFilter.thisOnly()));
        assertEquals(List.of("#this", "#preview", "#preview-image", "#noise", "#flat"),
                semantics(links, LinkFilter.withAuxiliariesAndPreviews()));
        assertEquals(List.of("#this", "#noise", "#flat"),
                semantics(links, new LinkFilter(List.of(), true, false, false)));
        assertEquals(List.of("#preview", "#preview-image"), semantics(links, LinkFilter.of(List.of("preview"))));
        assertEquals(List.of("#cutout"), semantics(links, LinkFilter.of(List.of("#proc"))));
        assertEquals(List.of("#package"), semantics(links, LinkFilter.of(List.of("#package"))));
        assertEquals(List.of("#this"), semantics(links, new LinkFilter(List.of(), false, false, true)));
    }

    private static List<String> semantics(List<DataLink> links, LinkFilter filter) {
        return links.stream().filter(filter).map(DataLink::semantics).toList();
    }

    /** The vocabulary shipped matches the real one recorded in pyvo's corpus (datalink.desise). */
    @Test
    void sameTermsAndParentsAsTheRecordedVocabulary() throws Exception {
        Path desise = Path.of(System.getProperty("astrolabe.corpus", "../../../shared/corpus"),
                "pyvo/dal/datalink/datalink.desise");
        assumeTrue(Files.isRegularFile(desise), "corpus not present: " + desise);
        String json = Files.readString(desise);
        // "term": { ... "wider": [ "parent" ] ... }
        Matcher m = Pattern.compile("\"([a-z-]+)\"\\s*:\\s*\\{[^{}]*?\"wider\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        int n = 0;
        while (m.find()) {
            n++;
            String term = "#" + m.group(1);
            assertTrue(core.isKnown(term), term);
            String wider = m.group(2).replaceAll("[\"\\s]", "");
            assertEquals(wider.isEmpty() ? Optional.empty() : Optional.of("#" + wider.split(",")[0]), core.parent(term),
                    term);
        }
        assertEquals(core.terms().size(), n);
    }
}
