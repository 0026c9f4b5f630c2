package org.astrolabe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.List;

import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.vosi.Capabilities;
import org.astrolabe.core.vosi.ColumnMetadata;
import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.core.vosi.TableSet;
import org.astrolabe.core.vosi.TapCapability;
import org.astrolabe.core.vosi.TapCapability.DataLimit;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.metadata.TapMetadata;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Service metadata (VOSI capabilities, VOSI tables 1.1 with per-table detail, TAP_SCHEMA) of the
 * local GAVO DaCHS server, through the TAP service another bundle gets from the registry. Known
 * answers from releng/test-server/README.md and the server's /etc/gavo.rc (MAXREC 20000/2000000).
 * Skipped when the server is not running, unless {@code astrolabe.test.requireServer=true}.
 */
class DachsMetadataIntegrationTest {

    private static final String SOURCES = "astrolabe.sources";
    private static TapClient tap;

    @BeforeAll
    static void connect() throws Exception {
        URI base = URI.create(System.getProperty("astrolabe.test.tap", "http://127.0.0.1:18080/tap"));
        tap = Services.get(TapClientFactory.class).create(base);
        try {
            assertTrue(tap.availability(new NullProgressMonitor()).available());
        } catch (TransientException down) {
            if (Boolean.getBoolean("astrolabe.test.requireServer")) {
                fail("The local DaCHS test server is required but not running: " + down.getMessage());
            }
            assumeTrue(false, "local DaCHS test server not running: " + down.getMessage());
        }
    }

    /** A fresh metadata object, so that one test's cache does not hide another's requests. */
    private static TapMetadata metadata() {
        TapMetadata m = tap.metadata();
        m.forget();
        return m;
    }

    @Test
    void capabilitiesDescribeTheTapService() throws Exception {
        Capabilities caps = metadata().capabilities(new NullProgressMonitor());
        TapCapability t = caps.tap().orElseThrow();
        TapCapability.Language adql = t.language("ADQL").orElseThrow();
        assertTrue(adql.versions().stream().anyMatch(v -> v.ivoId().equals("ivo://ivoa.net/std/ADQL#v2.0")));
        assertFalse(adql.features("ivo://ivoa.net/std/TAPRegExt#features-adqlgeo").isEmpty());
        for (String alias : List.of("votable", "votable/b2", "votable/td", "csv", "tsv", "fits", "json")) {
            assertTrue(t.outputFormat(alias).isPresent(), alias + " in " + t.outputFormats());
        }
        assertTrue(t.uploadMethods().contains("ivo://ivoa.net/std/TAPRegExt#upload-inline"), t.uploadMethods().toString());
        assertTrue(t.uploadMethods().contains("ivo://ivoa.net/std/TAPRegExt#upload-http"), t.uploadMethods().toString());
        var output = t.outputLimit("sync").orElseThrow();
        assertEquals(new DataLimit(20_000, DataLimit.Unit.ROWS), output.defaultLimit().orElseThrow());
        assertEquals(new DataLimit(2_000_000, DataLimit.Unit.ROWS), output.hardLimit().orElseThrow());
        assertTrue(t.retentionPeriod(null).orElseThrow().defaultSeconds().isPresent());
        assertTrue(t.uploadLimit(null).orElseThrow().hardLimit().isPresent());

        var tapInterface = caps.tapCapability().orElseThrow().interfaces().get(0);
        assertEquals("ParamHTTP", tapInterface.type());
        assertTrue(tapInterface.allowsAnonymous());
        assertTrue(tapInterface.accessUrls().get(0).url().toString().endsWith("/tap"));
        assertFalse(caps.find("ivo://ivoa.net/std/VOSI#tables").isEmpty());
        assertEquals(List.of(), caps.warnings());
    }

    @Test
    void tablesListTheKnownTables() throws Exception {
        TableSet set = metadata().tables(new NullProgressMonitor());
        List<String> names = set.tables().stream().map(TableMetadata::name).toList();
        assertTrue(names.contains(SOURCES), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.equalsIgnoreCase("ivoa.ObsCore")), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.equalsIgnoreCase("tap_schema.columns")), names.toString());
        assertFalse(set.table(SOURCES).orElseThrow().description().isBlank());
    }

    @Test
    void sourcesHasItsFiveColumnsWithUnits() throws Exception {
        TableMetadata t = metadata().table(SOURCES, new NullProgressMonitor());
        assertKnownColumns(t);
        assertTrue(t.column("source_id").orElseThrow().indexed());
        assertEquals("long", t.column("source_id").orElseThrow().typeText());
        assertEquals("char(*)", t.column("src_class").orElseThrow().typeText());
    }

    @Test
    void tapSchemaGivesTheSameColumns() throws Exception {
        TapMetadata m = metadata();
        TableMetadata vosi = m.table(SOURCES, new NullProgressMonitor());
        TableMetadata tapSchema = m.tapSchemaTable(SOURCES, new NullProgressMonitor());
        assertKnownColumns(tapSchema);
        for (ColumnMetadata c : vosi.columns()) {
            ColumnMetadata other = tapSchema.column(c.name()).orElseThrow();
            assertEquals(c.unit(), other.unit(), c.name());
            assertEquals(c.ucd(), other.ucd(), c.name());
            assertEquals(c.typeText(), other.typeText(), c.name());
        }
        List<String> listed = m.tapSchemaTables(new NullProgressMonitor()).tables().stream().map(TableMetadata::name).toList();
        assertTrue(listed.contains(SOURCES), listed.toString());
        assertEquals("table", m.tapSchemaTables(new NullProgressMonitor()).table(SOURCES).orElseThrow().type());
    }

    @Test
    void tapSchemaReadsForeignKeys() throws Exception {
        TableMetadata columns = metadata().tapSchemaTable("tap_schema.columns", new NullProgressMonitor());
        assertEquals("tap_schema.tables", columns.foreignKeys().get(0).targetTable());
    }

    @Test
    void namesAreMatchedIgnoringCase() throws Exception {
        assertEquals(SOURCES, metadata().table("Astrolabe.Sources", new NullProgressMonitor()).name());
        assertEquals(SOURCES, metadata().tapSchemaTable("ASTROLABE.SOURCES", new NullProgressMonitor()).name());
    }

    @Test
    void unknownTableIsNotFound() {
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> metadata().table("astrolabe.nope", new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("astrolabe.nope"), e.getMessage());
        assertThrows(NotFoundException.class, () -> metadata().tapSchemaTable("astrolabe.nope", new NullProgressMonitor()));
    }

    @Test
    void wrongBaseUrlHasNoCapabilities() throws Exception {
        TapClient wrong = Services.get(TapClientFactory.class)
                .create(URI.create(tap.baseUri().toString().replace("/tap", "/not-a-tap-service")));
        assertThrows(NotFoundException.class, () -> wrong.metadata().capabilities(new NullProgressMonitor()));
    }

    private static void assertKnownColumns(TableMetadata t) {
        assertEquals(List.of("source_id", "ra", "dec", "mag", "src_class"),
                t.columns().stream().map(ColumnMetadata::name).toList());
        assertEquals("deg", t.column("ra").orElseThrow().unit());
        assertEquals("deg", t.column("dec").orElseThrow().unit());
        assertEquals("mag", t.column("mag").orElseThrow().unit());
        assertEquals("pos.eq.ra;meta.main", t.column("ra").orElseThrow().ucd());
        assertEquals("double", t.column("dec").orElseThrow().typeText());
    }
}
