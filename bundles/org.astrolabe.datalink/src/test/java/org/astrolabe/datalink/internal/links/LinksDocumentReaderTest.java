package org.astrolabe.datalink.internal.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.DescriptorParameter;
import org.astrolabe.datalink.LinkFilter;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ServiceDescriptor;
import org.junit.jupiter.api.Test;

/**
 * DataLink documents recorded by pyvo's test suite (../shared/corpus/pyvo/dal/datalink, skipped
 * when absent): cutout1.xml and cutout2.xml are real CADC answers; the others are GAVO DaCHS
 * answers (datalink-ssa.xml and datalink-obscore.xml are SSA and ObsCore results carrying
 * descriptors: only those are read from them). Every one parses fully: as many links as TR elements, as many descriptors as
 * {@code adhoc:service} resources.
 */
class LinksDocumentReaderTest {

    private final LinksDocumentReader reader = new LinksDocumentReader();

    static Path corpus(String name) {
        Path p = Path.of(System.getProperty("astrolabe.corpus", "../../../shared/corpus"), "pyvo/dal/datalink", name);
        assumeTrue(Files.isRegularFile(p), "corpus not present: " + p);
        return p;
    }

    static LinksDocument read(String name) throws Exception {
        try (InputStream in = Files.newInputStream(corpus(name))) {
            return new LinksDocumentReader().read(in, URI.create("file:///" + name), null);
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void everyLinksDocumentOfTheCorpusParsesFully() throws Exception {
        Path dir = corpus("cutout1.xml").getParent();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertTrue(files.size() >= 8, "corpus files: " + files);
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            int services = count(text, "utype=\"adhoc:service\"");
            if (List.of("datalink-ssa.xml", "datalink-obscore.xml").contains(f.getFileName().toString())) {
                // SSA and ObsCore results that carry descriptors, not {links} tables.
                assertThrows(InvalidInputException.class, () -> read(f.getFileName().toString()));
                assertEquals(services, reader.descriptors(Files.readAllBytes(f), f.toUri()).size(), f.toString());
                continue;
            }
            LinksDocument doc = read(f.getFileName().toString());
            assertEquals(count(text, "<TR[ >]"), doc.links().size(), "links of " + f);
            assertEquals(services, doc.descriptors().size(), "descriptors of " + f);
            for (DataLink l : doc.links()) {
                assertFalse(l.id().isEmpty(), f + ": every row has an ID");
                assertTrue(l.isError() || l.accessUrl() != null || l.isService(), f + ": " + l);
                if (l.isService()) {
                    assertNotNull(doc.descriptor(l).orElse(null), f + ": descriptor " + l.serviceDef());
                }
            }
        }
    }

    @Test
    void cadcCutoutAnswerHasThisPreviewCutoutAndSodaDescriptors() throws Exception {
        LinksDocument doc = read("cutout1.xml");
        assertEquals(6, doc.links().size());
        DataLink first = doc.links().get(0);
        assertEquals("ivo://cadc.nrc.ca/MACHO?54150/cal054150r", first.id());
        assertEquals("#this", first.semantics());
        assertEquals(18616320L, first.contentLength());
        assertEquals("application/fits", first.contentType());
        assertEquals(Boolean.TRUE, first.linkAuthorized(), "CADC's 'readable' column");
        assertEquals(2, doc.select(LinkFilter.thisOnly()).size());
        List<DataLink> cutouts = doc.select(LinkFilter.of(List.of("#cutout")));
        assertEquals(4, cutouts.size());
        ServiceDescriptor sync = doc.descriptor(cutouts.get(0)).orElseThrow();
        assertTrue(sync.isSodaSync());
        assertEquals(URI.create("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/caom2ops/sync"), sync.accessUrl());
        assertEquals("ad:MACHO/cal054150r.fits.fz", sync.input("ID").orElseThrow().value());
        DescriptorParameter circle = sync.input("CIRCLE").orElseThrow();
        assertEquals("circle", circle.xtype());
        assertEquals(3, circle.maxNumbers().length);
        DescriptorParameter band = sync.input("BAND").orElseThrow();
        assertEquals("interval", band.xtype());
        assertEquals(5.8e-7, band.minNumbers()[0], 1e-15);
        assertEquals(7.8e-7, band.maxNumbers()[0], 1e-15);
        assertTrue(doc.descriptor(cutouts.get(1)).orElseThrow().isSodaAsync());
        assertTrue(doc.sodaDescriptor(first.id(), false).orElseThrow().isSodaSync());
        assertTrue(doc.sodaDescriptor(first.id(), true).orElseThrow().isSodaAsync());

        LinksDocument two = read("cutout2.xml");
        assertEquals(List.of("#this", "#cutout", "#cutout"), two.links().stream().map(DataLink::semantics).toList());
        // DaCHS's proc.xml: #preview keeps #preview-image too
        LinksDocument proc = read("proc.xml");
        assertEquals(List.of("#preview", "#preview-image"), proc.select(LinkFilter.of(List.of("#preview"))).stream()
                .map(DataLink::semantics).sorted().toList());
    }

    @Test
    void dachsAnswersHaveOptionsRefsAndNullLengths() throws Exception {
        LinksDocument doc = read("datalink.xml");
        assertTrue(doc.links().stream().anyMatch(l -> l.contentLength() < 0), "null content_length");
        ServiceDescriptor d = doc.descriptors().values().iterator().next();
        assertFalse(d.inputs().isEmpty());
        Path ssa = corpus("datalink-ssa.xml");
        var descriptors = reader.descriptors(Files.readAllBytes(ssa), ssa.toUri());
        ServiceDescriptor soda = descriptors.get("ndndtgsodnha");
        assertEquals("ssa_pubDID", soda.input("ID").orElseThrow().ref());
        assertEquals(java.util.Map.of("ID", "ivo://org.gavo.dc/~?flashheros/data/ca90/f0011.mt"),
                soda.bind(java.util.Map.of("ssa_pubDID", "ivo://org.gavo.dc/~?flashheros/data/ca90/f0011.mt",
                        "other", "x")));
        assertEquals(2, soda.input("FLUXCALIB").orElseThrow().options().size());
        ServiceDescriptor anonymous = descriptors.values().stream().filter(x -> !x.id().equals("ndndtgsodnha"))
                .findFirst().orElseThrow();
        assertEquals("ivo://ivoa.net/std/DataLink#links-1.0", anonymous.standardId());
    }

    @Test
    void errorRowsAreKeptAndReported() throws Exception {
        String doc = """
                <?xml version="1.0"?>
                <VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE type="results"><TABLE>
                <FIELD name="ID" datatype="char" arraysize="*"/><FIELD name="access_url" datatype="char" arraysize="*"/>
                <FIELD name="service_def" datatype="char" arraysize="*"/><FIELD name="error_message" datatype="char" arraysize="*"/>
                <FIELD name="semantics" datatype="char" arraysize="*"/><FIELD name="content_length" datatype="long"><VALUES null="-1"/></FIELD>
                <FIELD name="link_auth" datatype="char" arraysize="*"/><FIELD name="link_authorized" datatype="boolean"/>
                <FIELD name="content_qualifier" datatype="char" arraysize="*"/><FIELD name="local_semantics" datatype="char" arraysize="*"/>
                <DATA><TABLEDATA>
                <TR><TD>a</TD><TD>http://x.org/a.fits</TD><TD/><TD/><TD>#this</TD><TD>10</TD><TD>optional</TD><TD>F</TD><TD>#image</TD><TD>sci</TD></TR>
                <TR><TD>b</TD><TD/><TD/><TD>NotFoundFault: b</TD><TD>#this</TD><TD>-1</TD><TD/><TD/><TD/><TD/></TR>
                </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>
                """;
        LinksDocument links = reader.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                URI.create("http://x.org/links"), null);
        assertEquals(2, links.links().size());
        assertEquals(1, links.errors().size());
        assertEquals("NotFoundFault: b", links.errors().get(0).errorMessage());
        DataLink a = links.links().get(0);
        assertEquals("optional", a.linkAuth());
        assertEquals(Boolean.FALSE, a.linkAuthorized());
        assertEquals("#image", a.contentQualifier());
        assertEquals("sci", a.localSemantics());
        assertNull(links.links().get(1).accessUrl());
        assertEquals(-1, links.links().get(1).contentLength());
    }

    @Test
    void htmlAndDoctypesAreRefused() {
        String html = "<!DOCTYPE html><html><body>DataLink</body></html>";
        assertThrows(InvalidInputException.class, () -> reader.read(
                new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), URI.create("http://x.org/l"), null));
    }
}
