package org.astrolabe.core.vosi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.vosi.ServiceInterface.SecurityMethod;
import org.junit.jupiter.api.Test;

/**
 * Every VOSI capabilities and tables document anywhere in ../shared/corpus (skipped when absent)
 * is read: all parse, except the five that pyvo itself refuses, which fail with a message.
 */
class CorpusSweepTest {

    private static final Pattern CAPABILITIES = Pattern.compile("<([A-Za-z0-9]+:)?capabilities[\\s>]");
    private static final Pattern TABLES = Pattern.compile("<([A-Za-z0-9]+:)?(tableset|table)[\\s>]");
    /** pyvo raises E01, E02, E03, E06 for these. */
    private static final Set<String> BROKEN = Set.of("no_schema_name.xml", "no_table_name.xml", "no_fromcolumn.xml",
            "no_targetcolumn.xml", "wrong_arraysize.xml");

    private static List<Path> documents(Pattern root) throws IOException {
        Path corpus = Path.of(System.getProperty("astrolabe.corpus", "../../../shared/corpus"));
        assumeTrue(Files.isDirectory(corpus), "corpus not present: " + corpus);
        try (Stream<Path> files = Files.walk(corpus)) {
            return files.filter(p -> p.toString().endsWith(".xml")).filter(p -> {
                try {
                    String head = Files.readString(p).lines().filter(l -> !l.startsWith("<?")).limit(3)
                            .reduce("", String::concat);
                    return root.matcher(head).find() && !head.contains("<VOTABLE");
                } catch (IOException e) {
                    return false;
                }
            }).sorted().toList();
        }
    }

    @Test
    void everyCapabilitiesDocumentParses() throws Exception {
        List<Path> docs = documents(CAPABILITIES);
        assertTrue(docs.size() >= 10, docs.toString());
        for (Path p : docs) {
            try (InputStream in = Files.newInputStream(p)) {
                Capabilities caps = new CapabilitiesReader().read(in, p.toUri());
                assertFalse(caps.capabilities().isEmpty(), p.toString());
                for (Capability c : caps.capabilities()) {
                    for (ServiceInterface i : c.interfaces()) {
                        assertFalse(i.accessUrls().isEmpty(), p + " " + c.standardId());
                    }
                }
            }
        }
    }

    @Test
    void everyTablesDocumentParsesOrFailsAsPyvoSays() throws Exception {
        List<Path> docs = documents(TABLES);
        assertTrue(docs.size() >= 35, docs.toString());
        for (Path p : docs) {
            try (InputStream in = Files.newInputStream(p)) {
                if (BROKEN.contains(p.getFileName().toString())) {
                    InvalidInputException e = assertThrows(InvalidInputException.class,
                            () -> new TablesReader().read(in, p.toUri()), p.toString());
                    assertTrue(e.getMessage().contains(p.toUri().toString()), e.getMessage());
                } else {
                    TableSet set = new TablesReader().read(in, p.toUri());
                    assertTrue(set.tables().stream().allMatch(t -> !t.name().isBlank()), p.toString());
                }
            }
        }
    }

    @Test
    void siaInterfacesPerSecurityMethod() throws Exception {
        Path p = CapabilitiesReaderTest.corpus("pyvo/dal/sia2/capabilities.xml");
        try (InputStream in = Files.newInputStream(p)) {
            Capability sia = new CapabilitiesReader().read(in, URI.create("https://example.com/sia/capabilities"))
                    .find("ivo://ivoa.net/std/SIA#query-2.0").get(0);
            assertEquals(4, sia.interfaces().size());
            assertTrue(sia.interfaces().get(0).allowsAnonymous());
            assertEquals(List.of(SecurityMethod.BASIC_AA, SecurityMethod.COOKIE, SecurityMethod.TLS_WITH_CERTIFICATE),
                    sia.interfaces().stream().skip(1).map(i -> i.securityMethods().get(0).standardId()).toList());
            assertEquals(URI.create("https://example.com/sia/auth-v2query"), sia.interfaces().get(1).accessUrls().get(0).url());
        }
    }

    @Test
    void esaUserTablesWithCdataDescriptions() throws Exception {
        Path p = CapabilitiesReaderTest.corpus("astroquery/utils/tap/test_table_rename.xml");
        try (InputStream in = Files.newInputStream(p)) {
            TableSet set = new TablesReader().read(in, p.toUri());
            TableMetadata t = set.tables().get(0);
            assertEquals("user_test.table1", t.name());
            assertEquals("Uploaded from disk", t.description());
            assertEquals("Object Identifier", t.columns().get(0).description());
        }
    }
}
