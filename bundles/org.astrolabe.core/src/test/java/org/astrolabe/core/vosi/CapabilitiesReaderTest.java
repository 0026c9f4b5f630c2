package org.astrolabe.core.vosi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.vosi.ServiceInterface.SecurityMethod;
import org.astrolabe.core.vosi.TapCapability.DataLimit;
import org.junit.jupiter.api.Test;

/**
 * Capabilities documents recorded from real services by pyvo's and astroquery's test suites
 * (../shared/corpus, skipped when absent), checked against what those suites expect, plus
 * hand-written documents for the failure cases.
 */
class CapabilitiesReaderTest {

    private static final URI SOURCE = URI.create("http://example.org/tap/capabilities");
    private final CapabilitiesReader reader = new CapabilitiesReader();

    static Path corpus(String name) {
        Path p = Path.of(System.getProperty("astrolabe.corpus", "../../../shared/corpus"), name);
        assumeTrue(Files.isRegularFile(p), "corpus not present: " + p);
        return p;
    }

    private Capabilities read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in, SOURCE);
        }
    }

    private Capabilities read(String doc) throws Exception {
        return reader.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), SOURCE);
    }

    @Test
    void pyvoCapabilitiesAsPyvoExpects() throws Exception {
        Capabilities caps = read(corpus("pyvo/io/vosi/capabilities.xml"));
        assertEquals(4, caps.capabilities().size());
        Capability availability = caps.capabilities().get(0);
        assertEquals("ivo://ivoa.net/std/VOSI#availability", availability.standardId());
        assertEquals("ParamHTTP", availability.interfaces().get(0).type());
        assertEquals("full", availability.interfaces().get(0).accessUrls().get(0).use());
        assertEquals(URI.create("http://example.org/tap/availability"), availability.interfaces().get(0).accessUrls().get(0).url());
        assertEquals("ivo://ivoa.net/std/VOSI#tables", caps.capabilities().get(2).standardId());

        Capability tapCap = caps.capabilities().get(3);
        assertEquals("TableAccess", tapCap.type());
        assertEquals(tapCap, caps.tapCapability().orElseThrow());
        ServiceInterface std = tapCap.interfaces().get(0);
        assertEquals("std", std.role());
        assertEquals("base", std.accessUrls().get(0).use());
        assertEquals(List.of(URI.create("https://example.org/tap"), URI.create("https://paris.example.org/tap")), std.mirrorUrls());
        assertTrue(std.allowsAnonymous());

        TapCapability tap = caps.tap().orElseThrow();
        assertEquals("ivo://ivoa.net/std/ObsCore#table-1.1", tap.dataModels().get(0).ivoId());
        assertEquals("Obscore-1.1", tap.dataModels().get(0).name());
        TapCapability.Language adql = tap.language("adql").orElseThrow();
        assertEquals("ivo://ivoa.net/std/ADQL#v2.0", adql.versions().get(0).ivoId());
        assertEquals("2.0", adql.versions().get(0).version());
        assertEquals("ADQL 2.0", adql.description());
        assertEquals("ivo://ivoa.net/std/TAPRegExt#features-udf", adql.featureSets().get(0).type());
        assertEquals("form 1", adql.featureSets().get(0).features().get(0).form());
        assertEquals("description 2", adql.featureSets().get(0).features().get(1).description());
        assertEquals(List.of("BOX", "POINT"), adql.features("ivo://ivoa.net/std/TAPRegExt#features-adqlgeo").stream()
                .map(TapCapability.Feature::form).toList());
        assertEquals("ivo://ivoa.net/std/TAPRegExt#output-votable-binary", tap.outputFormats().get(0).ivoId());
        assertEquals("text/xml", tap.outputFormats().get(0).mime());
        assertEquals("", tap.outputFormats().get(1).ivoId());
        assertEquals("text/html", tap.outputFormat("html").orElseThrow().mime());
        assertEquals(List.of("ivo://ivoa.net/std/TAPRegExt#upload-https", "ivo://ivoa.net/std/TAPRegExt#upload-inline"),
                tap.uploadMethods());
        assertEquals(172800, tap.retentionPeriod(null).orElseThrow().defaultSeconds().getAsLong());
        assertEquals(3600, tap.executionDuration(null).orElseThrow().defaultSeconds().getAsLong());
        assertEquals(new DataLimit(2000, DataLimit.Unit.ROWS), tap.outputLimit(null).orElseThrow().defaultLimit().orElseThrow());
        assertEquals(new DataLimit(10_000_000, DataLimit.Unit.ROWS), tap.outputLimit(null).orElseThrow().hardLimit().orElseThrow());
        assertEquals(new DataLimit(100_000_000, DataLimit.Unit.BYTES), tap.uploadLimit(null).orElseThrow().hardLimit().orElseThrow());
        assertTrue(tap.uploadLimit(null).orElseThrow().defaultLimit().isEmpty());
        assertEquals(List.of(), caps.warnings());
    }

    @Test
    void minimalTapRegExtHasNoLimits() throws Exception {
        Capabilities caps = read(corpus("pyvo/io/vosi/capabilities/minimal-tapregext.xml"));
        TapCapability tap = caps.tap().orElseThrow();
        assertTrue(tap.outputLimits().isEmpty());
        assertTrue(tap.uploadLimits().isEmpty());
        assertTrue(tap.uploadMethods().isEmpty());
        assertEquals("ADQL", tap.language("ADQL").orElseThrow().name());
        assertTrue(tap.language("ADQL").orElseThrow().featureSets().isEmpty());
        assertEquals(List.of(), caps.warnings());
    }

    @Test
    void repeatedCapabilityDescriptionIsAWarning() throws Exception {
        Capabilities caps = read(corpus("pyvo/io/vosi/capabilities/multiple_capa_descriptions.xml"));
        assertEquals("one", caps.capabilities().get(0).description());
        assertEquals(1, caps.warnings().size());
        assertTrue(caps.warnings().get(0).contains("more than one capability description"), caps.warnings().toString());
    }

    @Test
    void forModeLimitsAsTheTemplateIsFilledByPyvo() throws Exception {
        String template = Files.readString(corpus("pyvo/io/vosi/capabilities/formode-tapregext-template.xml"));
        TapCapability tap = read(template.replace("{extra_elements}", """
                <executionDuration><default>600</default></executionDuration>
                <executionDuration forMode="sync"><default>60</default></executionDuration>
                <executionDuration forMode="async"><default>7200</default></executionDuration>
                <outputLimit><default unit="row">10000</default><hard unit="row">10000</hard></outputLimit>
                <outputLimit forMode="async"><default unit="row">1000000</default><hard unit="row">1000000</hard></outputLimit>
                """)).tap().orElseThrow();
        assertEquals(3, tap.executionDurations().size());
        assertEquals(600, tap.executionDuration(null).orElseThrow().defaultSeconds().getAsLong());
        assertEquals(60, tap.executionDuration("SYNC").orElseThrow().defaultSeconds().getAsLong());
        assertEquals("sync", tap.executionDuration("sync").orElseThrow().forMode());
        assertEquals(7200, tap.executionDuration("async").orElseThrow().defaultSeconds().getAsLong());
        assertEquals(1_000_000, tap.outputLimit("async").orElseThrow().defaultLimit().orElseThrow().value());
        assertEquals(10_000, tap.outputLimit("sync").orElseThrow().defaultLimit().orElseThrow().value());

        TapCapability onlySync = read(template.replace("{extra_elements}",
                "<executionDuration forMode=\"sync\"><default>60</default></executionDuration>")).tap().orElseThrow();
        assertEquals(60, onlySync.executionDuration(null).orElseThrow().defaultSeconds().getAsLong());
        assertTrue(onlySync.executionDuration("async").isEmpty());

        Capabilities duplicate = read(template.replace("{extra_elements}",
                "<executionDuration><default>600</default></executionDuration>"
                        + "<executionDuration><default>1200</default></executionDuration>"));
        assertEquals(600, duplicate.tap().orElseThrow().executionDuration(null).orElseThrow().defaultSeconds().getAsLong());
        assertEquals(1, duplicate.warnings().size(), duplicate.warnings().toString());
    }

    @Test
    void unfilledTemplateStillParses() throws Exception {
        // The raw template (and pyvo's auth template with $security_methods) carry placeholder text.
        assertTrue(read(corpus("pyvo/io/vosi/capabilities/formode-tapregext-template.xml")).tap().isPresent());
        Capabilities auth = read(corpus("pyvo/auth/tap/capabilities.xml"));
        assertEquals("ivo://ivoa.net/std/VOSI#tables-1.1", auth.capabilities().get(2).standardId());
        assertTrue(auth.hasTables11());
        assertEquals(new DataLimit(134217728, DataLimit.Unit.BYTES),
                auth.tap().orElseThrow().outputLimit(null).orElseThrow().hardLimit().orElseThrow());
        assertEquals(604800, auth.tap().orElseThrow().retentionPeriod(null).orElseThrow().hardSeconds().getAsLong());
    }

    @Test
    void cadcInterfacesAndSecurityMethods() throws Exception {
        Capabilities caps = read(corpus("astroquery/cadc/tap_caps.xml"));
        assertEquals(5, caps.capabilities().size());
        Capability logging = caps.find("vos://cadc.nrc.ca~vospace/CADC/std/Logging#control-1.0").get(0);
        assertEquals(List.of(new SecurityMethod(SecurityMethod.BASIC_AA)), logging.interfaces().get(0).securityMethods());
        assertFalse(logging.interfaces().get(0).allowsAnonymous());

        Capability tapCap = caps.find(Capabilities.TAP).get(0);
        assertEquals(1, tapCap.interfaces().size());
        ServiceInterface tapIf = tapCap.interfaces().get(0);
        assertEquals("1.1", tapIf.version());
        assertEquals(URI.create("https://www.cadc-ccda.hia-iha.nrc-cnrc.gc.ca/argus"), tapIf.accessUrls().get(0).url());
        assertEquals(List.of("", SecurityMethod.COOKIE, SecurityMethod.TLS_WITH_CERTIFICATE),
                tapIf.securityMethods().stream().map(SecurityMethod::standardId).toList());
        assertTrue(tapIf.allowsAnonymous());
        assertTrue(caps.hasTables11());

        TapCapability tap = caps.tap().orElseThrow();
        assertEquals(List.of("ADQL", "PQL"), tap.languages().stream().map(TapCapability.Language::name).toList());
        assertEquals("", tap.language("PQL").orElseThrow().versions().get(0).ivoId());
        assertEquals(List.of("application/x-votable+xml", "text/xml", "text/csv", "text/tab-separated-values"),
                tap.outputFormats().stream().map(TapCapability.OutputFormat::mime).toList());
        assertEquals(3, tap.uploadMethods().size());
        assertEquals(new DataLimit(134217728, DataLimit.Unit.BYTES), tap.outputLimit("sync").orElseThrow().defaultLimit().orElseThrow());
        assertEquals(new DataLimit(100000, DataLimit.Unit.ROWS), tap.uploadLimit(null).orElseThrow().hardLimit().orElseThrow());
        assertEquals(List.of(), caps.warnings());
    }

    @Test
    void dachsCapabilitiesWithBasicAaOnTables() throws Exception {
        Capabilities caps = read(corpus("pyvo/dal/tap/capabilities.xml"));
        Capability tables = caps.find("ivo://ivoa.net/std/VOSI#tables").get(0);
        assertEquals("http://www.w3.org/Protocols/HTTP/1.0/spec.html#BasicAA",
                tables.interfaces().get(0).securityMethods().get(0).standardId());
        TapCapability tap = caps.tap().orElseThrow();
        assertEquals("application/x-votable+xml;serialization=binary2", tap.outputFormat("votable/b2").orElseThrow().mime());
        assertEquals(4, tap.uploadMethods().size());
        assertEquals(20000, tap.outputLimit(null).orElseThrow().defaultLimit().orElseThrow().value());
        assertEquals(7, tap.language("ADQL").orElseThrow().featureSets().size());
    }

    @Test
    void freePrefixesAndEmptyOutputFormat() throws Exception {
        Capabilities caps = read("""
                <ns2:capabilities xmlns:ns2="http://www.ivoa.net/xml/VOSICapabilities/v1.0">
                  <capability xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:ns4="http://www.ivoa.net/xml/TAPRegExt/v1.0" xsi:type="ns4:TableAccess"
                    standardID="ivo://ivoa.net/std/TAP">
                    <interface xmlns:ns5="http://www.ivoa.net/xml/VODataService/v1.1" xsi:type="ns5:ParamHTTP" version="1.1" role="std">
                      <accessURL use="base">https://archive.eso.org/tap_obs</accessURL>
                    </interface>
                    <dataModel ivo-id="ivo://ivoa.net/std/ObsCore#core-1.1">ObsCore-1.1</dataModel>
                    <outputFormat/>
                    <language><name>ADQL</name><version ivo-id="ivo://ivoa.net/std/ADQL#v2.0">2.0</version></language>
                  </capability>
                </ns2:capabilities>""");
        assertEquals("TableAccess", caps.capabilities().get(0).type());
        assertEquals("ParamHTTP", caps.capabilities().get(0).interfaces().get(0).type());
        assertTrue(caps.tap().orElseThrow().outputFormats().isEmpty());
        assertEquals(1, caps.warnings().size());
    }

    @Test
    void malformedDocumentsAreRefusedWithTheReason() {
        InvalidInputException notCaps = assertThrows(InvalidInputException.class,
                () -> read("<html><body>Service down</body></html>"));
        assertTrue(notCaps.getMessage().contains("not a VOSI <capabilities>"), notCaps.getMessage());
        assertTrue(notCaps.getMessage().contains(SOURCE.toString()), notCaps.getMessage());

        InvalidInputException truncated = assertThrows(InvalidInputException.class,
                () -> read("<capabilities><capability standardID=\"ivo://ivoa.net/std/TAP\">"));
        assertTrue(truncated.getMessage().contains("not well-formed"), truncated.getMessage());

        InvalidInputException badLimit = assertThrows(InvalidInputException.class, () -> read(
                "<capabilities><capability standardID=\"ivo://ivoa.net/std/TAP\"><outputLimit>"
                        + "<default unit=\"row\">lots</default></outputLimit></capability></capabilities>"));
        assertTrue(badLimit.getMessage().contains("'lots' is not a whole number"), badLimit.getMessage());

        InvalidInputException badUnit = assertThrows(InvalidInputException.class, () -> read(
                "<capabilities><capability standardID=\"ivo://ivoa.net/std/TAP\"><outputLimit>"
                        + "<hard unit=\"furlong\">3</hard></outputLimit></capability></capabilities>"));
        assertTrue(badUnit.getMessage().contains("furlong"), badUnit.getMessage());

        InvalidInputException doctype = assertThrows(InvalidInputException.class, () -> read(
                "<?xml version=\"1.0\"?><!DOCTYPE capabilities [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<capabilities>&x;</capabilities>"));
        assertTrue(doctype.getMessage().contains(SOURCE.toString()));

        assertThrows(InvalidInputException.class, () -> read(""));
    }
}
