package org.astrolabe.datalink.internal.soda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.astrolabe.datalink.DescriptorParameter;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ServiceDescriptor;
import org.astrolabe.datalink.internal.links.LinksDocumentReader;
import org.astrolabe.datalink.soda.Circle;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.astrolabe.datalink.soda.Interval;
import org.astrolabe.datalink.soda.PosRange;
import org.astrolabe.datalink.soda.Polygon;
import org.junit.jupiter.api.Test;

class SodaParametersTest {

    /** The descriptor DaCHS gives img_a.fits (recorded from the local test server, trimmed). */
    static ServiceDescriptor imgA() {
        return new ServiceDescriptor("procsvc", ServiceDescriptor.SODA_SYNC,
                URI.create("http://127.0.0.1:18080/astrolabe/q/dl/dlget"), "", List.of(
                        param("ID", "", "ivo://astrolabe.test/~?astrolabe/data/img_a.fits", "", ""),
                        param("POS", "", "", "", ""),
                        param("CIRCLE", "circle", "", "", "180.0005 -0.0005 0.1414"),
                        param("POLYGON", "polygon", "", "", "179.9 -0.1 179.9 0.1 180.1 0.1 180.1 -0.1"),
                        new DescriptorParameter("KIND", "char", "*", "", "", "", "", "", "", "",
                                List.of("HEADER", "DATA"), "")));
    }

    static DescriptorParameter param(String name, String xtype, String value, String min, String max) {
        return new DescriptorParameter(name, "double", "*", xtype, "deg", "", value, "", min, max, List.of(), "");
    }

    @Test
    void circleRequest() throws Exception {
        var r = CutoutRequest.of("ivo://astrolabe.test/~?astrolabe/data/img_a.fits").circle(new Circle(180, 0, 0.02))
                .parameter("KIND", "DATA").build();
        assertEquals(List.of(new Parameter("ID", "ivo://astrolabe.test/~?astrolabe/data/img_a.fits"),
                new Parameter("CIRCLE", "180 0 0.02"), new Parameter("KIND", "DATA")), SodaParameters.build(imgA(), r));
    }

    @Test
    void regionsThatMissTheImageAreRefused() {
        var miss = CutoutRequest.of("x").circle(new Circle(182, 2, 0.02)).build();
        var e = assertThrows(InvalidInputException.class, () -> SodaParameters.build(imgA(), miss));
        assertTrue(e.getMessage().contains("misses the dataset"), e.getMessage());
        var poly = CutoutRequest.of("x").polygon(Polygon.of(10, 10, 10.1, 10, 10.1, 10.1)).build();
        assertThrows(InvalidInputException.class, () -> SodaParameters.build(imgA(), poly));
        var pos = CutoutRequest.of("x").pos(new PosRange(new Interval(179.95, 180.05), new Interval(-0.05, 0.05))).build();
        assertDoesNotThrow(pos);
    }

    private static void assertDoesNotThrow(CutoutRequest r) {
        try {
            List<Parameter> p = SodaParameters.build(imgA(), r);
            assertEquals("POS", p.get(1).name());
            assertEquals("RANGE 179.95 180.05 -0.05 0.05", p.get(1).value());
        } catch (InvalidInputException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void parametersTheDescriptorDoesNotTakeAreRefused() {
        var band = CutoutRequest.of("x").band(new Interval(5e-7, 6e-7)).build();
        var e = assertThrows(InvalidInputException.class, () -> SodaParameters.build(imgA(), band));
        assertTrue(e.getMessage().contains("does not take BAND"), e.getMessage());
        var kind = CutoutRequest.of("x").parameter("KIND", "PIXELS").build();
        assertThrows(InvalidInputException.class, () -> SodaParameters.build(imgA(), kind));
    }

    /** CADC's descriptor: its own ID value and RUNID go along; BAND and TIME are checked against its limits. */
    @Test
    void cadcDescriptorFromTheCorpus() throws Exception {
        LinksDocument doc;
        var path = java.nio.file.Path.of(System.getProperty("astrolabe.corpus", "../../../shared/corpus"),
                "pyvo/dal/datalink/cutout1.xml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(path), "corpus not present: " + path);
        try (InputStream in = Files.newInputStream(path)) {
            doc = new LinksDocumentReader().read(in, path.toUri(), null);
        }
        ServiceDescriptor d = doc.sodaDescriptor("ivo://cadc.nrc.ca/MACHO?54150/cal054150r", false).orElseThrow();
        var r = CutoutRequest.of("ivo://cadc.nrc.ca/MACHO?54150/cal054150r").circle(new Circle(88.7, -67.8, 0.05))
                .band(new Interval(6e-7, 7e-7)).time(new Interval(50527.5, 50528)).build();
        List<Parameter> p = SodaParameters.build(d, r);
        assertEquals(new Parameter("ID", "ad:MACHO/cal054150r.fits.fz"), p.get(0));
        assertEquals(new Parameter("RUNID", "e3h6rssb161oyf7j"), p.get(1));
        assertEquals(List.of("CIRCLE", "BAND", "TIME"), p.subList(2, p.size()).stream().map(Parameter::name).toList());
        var blue = CutoutRequest.of("x").band(new Interval(3e-7, 4e-7)).build();
        var e = assertThrows(InvalidInputException.class, () -> SodaParameters.build(d, blue));
        assertTrue(e.getMessage().contains("outside the wavelength range"), e.getMessage());
        var later = CutoutRequest.of("x").time(new Interval(60000, 60001)).build();
        assertThrows(InvalidInputException.class, () -> SodaParameters.build(d, later));
    }
}
