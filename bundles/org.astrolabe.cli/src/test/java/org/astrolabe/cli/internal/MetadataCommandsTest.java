package org.astrolabe.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.vosi.Availability;
import org.astrolabe.core.vosi.Capabilities;
import org.astrolabe.core.vosi.CapabilitiesReader;
import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.core.vosi.TableSet;
import org.astrolabe.core.vosi.TablesReader;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapClientFactory;
import org.astrolabe.tap.TapQuery;
import org.astrolabe.tap.metadata.TapMetadata;
import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code astrolabe capabilities} and {@code astrolabe tables} against metadata parsed by the real
 * readers from documents shaped like CADC's capabilities (one TAP interface, three security
 * methods) and DaCHS's tables. The HTTP path is covered by the integration tests against DaCHS.
 */
class MetadataCommandsTest {

    private static final String TAP = "http://tap.example/tap";
    private static final String CAPABILITIES = """
            <vosi:capabilities xmlns:vosi="http://www.ivoa.net/xml/VOSICapabilities/v1.0"
                xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <capability standardID="ivo://ivoa.net/std/VOSI#tables-1.1">
                <interface xsi:type="vs:ParamHTTP" role="std" version="1.1">
                  <accessURL use="base">http://tap.example/tap/tables</accessURL></interface></capability>
              <capability xmlns:tr="http://www.ivoa.net/xml/TAPRegExt/v1.0" standardID="ivo://ivoa.net/std/TAP" xsi:type="tr:TableAccess">
                <interface xsi:type="vs:ParamHTTP" role="std" version="1.1">
                  <accessURL use="base">http://tap.example/tap</accessURL>
                  <securityMethod/>
                  <securityMethod standardID="ivo://ivoa.net/sso#cookie"/>
                  <securityMethod standardID="ivo://ivoa.net/sso#tls-with-certificate"/>
                </interface>
                <language><name>ADQL</name><version ivo-id="ivo://ivoa.net/std/ADQL#v2.0">2.0</version>
                  <languageFeatures type="ivo://ivoa.net/std/TAPRegExt#features-adqlgeo">
                    <feature><form>POINT</form></feature><feature><form>CIRCLE</form></feature></languageFeatures></language>
                <outputFormat><mime>text/csv;header=present</mime><alias>csv</alias></outputFormat>
                <outputFormat><mime>application/x-votable+xml</mime><alias>votable</alias></outputFormat>
                <uploadMethod ivo-id="ivo://ivoa.net/std/TAPRegExt#upload-inline"/>
                <retentionPeriod><default>172800</default></retentionPeriod>
                <outputLimit><default unit="row">20000</default><hard unit="row">2000000</hard></outputLimit>
                <outputLimit forMode="async"><hard unit="byte">134217728</hard></outputLimit>
              </capability>
            </vosi:capabilities>""";
    private static final String TABLES = """
            <vtm:tableset xmlns:vtm="http://www.ivoa.net/xml/VOSITables/v1.0"
                xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <schema><name>astrolabe</name>
                <table><name>astrolabe.sources</name><nrows>1000000</nrows>
                  <description>1,000,000 synthetic sources on a 1000 x 1000 grid of 0.01 deg spacing,
            RA 175..185, Dec -5..5 (see README.md for the exact formulas).</description>
                  <column><name>source_id</name><ucd>meta.id;meta.main</ucd><dataType xsi:type="vs:VOTableType">long</dataType></column>
                  <column><name>ra</name><description>ICRS right ascension</description><unit>deg</unit>
                    <ucd>pos.eq.ra;meta.main</ucd><dataType xsi:type="vs:VOTableType">double</dataType></column>
                  <column><name>src_class</name><dataType xsi:type="vs:VOTableType" arraysize="*">char</dataType></column>
                </table>
                <table type="view"><name>astrolabe.images</name><title>Images</title></table>
              </schema>
            </vtm:tableset>""";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static final class FakeMetadata implements TapMetadata {
        @Override
        public URI baseUri() {
            return URI.create(TAP);
        }

        @Override
        public Capabilities capabilities(IProgressMonitor monitor) throws AstrolabeException {
            return new CapabilitiesReader().read(stream(CAPABILITIES), URI.create(TAP + "/capabilities"));
        }

        @Override
        public TableSet tables(IProgressMonitor monitor) throws AstrolabeException {
            return new TablesReader().read(stream(TABLES), URI.create(TAP + "/tables"));
        }

        @Override
        public TableMetadata table(String name, IProgressMonitor monitor) throws AstrolabeException {
            return tables(monitor).table(name).orElseThrow(() -> new NotFoundException(
                    "The service at " + TAP + " has no table '" + name + "' (see its table list)", URI.create(TAP)));
        }

        @Override
        public TableSet tapSchemaTables(IProgressMonitor monitor) throws AstrolabeException {
            return tables(monitor);
        }

        @Override
        public TableMetadata tapSchemaTable(String name, IProgressMonitor monitor) throws AstrolabeException {
            return table(name, monitor);
        }

        @Override
        public void forget() {
        }

        private static ByteArrayInputStream stream(String doc) {
            return new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8));
        }
    }

    private int run(String... args) {
        TapClient client = new TapClient() {
            @Override
            public URI baseUri() {
                return URI.create(TAP);
            }

            @Override
            public ResultTable query(TapQuery query, IProgressMonitor monitor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Availability availability(IProgressMonitor monitor) {
                throw new UnsupportedOperationException();
            }

            @Override
            public TapMetadata metadata() {
                return new FakeMetadata();
            }
        };
        TapClientFactory factory = new TapClientFactory() {
            @Override
            public TapClient create(URI baseUrl) {
                return client;
            }

            @Override
            public TapClient create(URI baseUrl, TransportSettings settings) {
                return client;
            }
        };
        return new CommandLineRunner(factory).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void capabilitiesShowLanguagesFormatsLimitsAndSecurity() {
        assertEquals(0, run("--service", TAP, "capabilities"));
        String text = stdout();
        assertLine(text, "languages +ADQL 2\\.0");
        assertLine(text, " +features: adqlgeo \\(2\\)");
        assertLine(text, "output formats +text/csv;header=present  \\[csv\\]");
        assertLine(text, " +application/x-votable\\+xml  \\[votable\\]");
        assertLine(text, "upload methods +inline");
        assertLine(text, "retention period +default 172800 s");
        assertLine(text, "output limit +default 20000 rows, hard 2000000 rows");
        assertLine(text, "output limit \\(async\\) +hard 134217728 bytes");
        assertLine(text, "ivo://ivoa.net/std/TAP +ParamHTTP +std +http://tap.example/tap \\(base\\) +"
                + "anonymous, cookie, tls-with-certificate");
        assertTrue(text.contains("anonymous, cookie, tls-with-certificate"), text);
        assertTrue(text.contains("ivo://ivoa.net/std/VOSI#tables-1.1"), text);
        assertEquals("", stderr());
    }

    private static void assertLine(String text, String regex) {
        assertTrue(text.lines().anyMatch(l -> l.matches(regex)), "no line matches /" + regex + "/ in\n" + text);
    }

    @Test
    void tablesListNamesTypesRowsAndDescriptions() {
        assertEquals(0, run("--service", TAP, "tables"));
        String text = stdout();
        assertTrue(text.contains("| name              | type | rows    | description"), text);
        assertTrue(text.contains("| astrolabe.sources |      | 1000000 | 1,000,000 synthetic sources"), text);
        assertTrue(text.contains("| astrolabe.images  | view |         | Images"), text);
        assertFalse(text.contains("\nRA 175"), "descriptions stay on one line: " + text);
        assertEquals("", stderr());
    }

    @Test
    void tableColumnsWithUnitsAndUcds() {
        assertEquals(0, run("--service", TAP, "tables", "astrolabe.sources"));
        String text = stdout();
        assertTrue(text.contains("| name      | type    | unit | ucd"), text);
        assertTrue(text.contains("| ra        | double  | deg  | pos.eq.ra;meta.main | ICRS right ascension |"), text);
        assertTrue(text.contains("| src_class | char(*) |"), text);
    }

    @Test
    void unknownTableExitsFourWithOneLine() {
        assertEquals(ExitCode.NOT_FOUND, run("--service", TAP, "tables", "astrolabe.nope"));
        assertEquals(List.of("astrolabe: The service at " + TAP + " has no table 'astrolabe.nope' (see its table list)"),
                stderr().lines().toList());
        assertEquals("", stdout());
    }

    @Test
    void columnsAsCsvFile(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("columns.csv");
        assertEquals(0, run("--service", TAP, "tables", "--format", "csv", "--out", csv.toString(), "astrolabe.sources"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("name,type,unit,ucd,description", lines.get(0));
        assertEquals("ra,double,deg,pos.eq.ra;meta.main,ICRS right ascension", lines.get(2));
        assertEquals(4, lines.size());
    }

    @Test
    void badFormatIsAUsageError() {
        assertEquals(ExitCode.USAGE, run("--service", TAP, "tables", "--format", "xls"));
        assertTrue(stderr().contains("Unknown table format"), stderr());
    }
}
