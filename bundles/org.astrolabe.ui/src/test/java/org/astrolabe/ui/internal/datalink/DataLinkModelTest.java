package org.astrolabe.ui.internal.datalink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.astrolabe.core.votable.ColumnDescription;
import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.DescriptorParameter;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ServiceDescriptor;
import org.astrolabe.datalink.soda.CutoutRequest;
import org.junit.jupiter.api.Test;

/**
 * Row columns, link groups and cutout proposals. The descriptor is the one the test server's
 * {@code dlmeta} gives for cube.fits (releng/test-server), with the parameters the dialog uses.
 */
class DataLinkModelTest {

    private static final String CUBE = "ivo://astrolabe.test/~?astrolabe/data/cube.fits";

    private static ColumnDescription column(String name, String ucd, Class<?> type) {
        return new ColumnDescription(name, "", "", ucd, "", type);
    }

    private static DescriptorParameter param(String name, String xtype, String min, String max) {
        return new DescriptorParameter(name, "double", "", xtype, "", "", "", "", min, max, List.of(), "");
    }

    static ServiceDescriptor cubeDescriptor() {
        return new ServiceDescriptor("procsvc", ServiceDescriptor.SODA_SYNC,
                URI.create("http://127.0.0.1:18080/astrolabe/q/dl/dlget"), "", List.of(
                        new DescriptorParameter("ID", "char", "*", "", "", "meta.id;meta.main", CUBE, "", "", "",
                                List.of(), ""),
                        param("DEC", "interval", "0.45099984701513446", "0.5489997872825659"),
                        param("RA", "interval", "180.45099778038755", "180.54900221961245"),
                        param("BAND", "interval", "5e-07", "6.9e-07"),
                        param("POLYGON", "polygon", "", "180.4509985118 0.450999847 180.4509977804 0.5489997873 "
                                + "180.5490022196 0.5489997873 180.5490014882 0.450999847"),
                        param("CIRCLE", "circle", "", "180.5010000379 0.4989999999 0.0707106443")));
    }

    @Test
    void obscoreRowsGiveIdentifiersAndPositions() {
        SelectedRows rows = new SelectedRows(List.of(column("obs_publisher_did", "meta.ref.ivoid", String.class),
                column("s_ra", "pos.eq.ra", Double.class), column("s_dec", "pos.eq.dec", Double.class)),
                List.of(Arrays.asList(CUBE, 180.501, 0.499), Arrays.asList(CUBE, 180.501, 0.499),
                        Arrays.asList("ivo://x/y", null, 1.0), Arrays.asList(" ", 1.0, 1.0)));
        assertEquals(List.of(CUBE, "ivo://x/y"), rows.identifiers(), "duplicates and blanks dropped");
        assertArrayEquals(new double[] {180.501, 0.499}, rows.position(CUBE).orElseThrow());
        assertTrue(rows.position("ivo://x/y").isEmpty(), "a null coordinate gives no position");
    }

    @Test
    void resultsViewSelectionBecomesRows() {
        var columns = List.of(column("obs_publisher_did", "meta.ref.ivoid", String.class),
                column("s_ra", "pos.eq.ra", Double.class), column("s_dec", "pos.eq.dec", Double.class));
        var selection = new org.astrolabe.ui.ResultRowsSelection(Optional.empty(), columns,
                List.of(new org.astrolabe.ui.ResultRowsSelection.Row(4, Arrays.asList(CUBE, 180.501, 0.499))), 1);
        SelectedRows rows = RowSelections.from(selection).orElseThrow();
        assertEquals(List.of(CUBE), rows.identifiers());
        assertArrayEquals(new double[] {180.501, 0.499}, rows.position(CUBE).orElseThrow());
        assertTrue(RowSelections.from(org.eclipse.jface.viewers.StructuredSelection.EMPTY).isEmpty());
        assertTrue(RowSelections.from(new org.eclipse.jface.viewers.StructuredSelection("not rows")).isEmpty(),
                "a selection of another kind is ignored");
    }

    @Test
    void identifierColumnByUcdThenId() {
        SelectedRows byUcd = new SelectedRows(List.of(column("ID", "", String.class),
                column("did", "meta.id;meta.main", String.class)), List.of());
        assertEquals(Optional.of(1), byUcd.identifierColumn());
        SelectedRows byName = new SelectedRows(List.of(column("x", "", String.class), column("id", "", String.class)),
                List.of());
        assertEquals(Optional.of(1), byName.identifierColumn());
        SelectedRows none = new SelectedRows(List.of(column("ra", "pos.eq.ra", Double.class)), List.of());
        assertTrue(none.identifierColumn().isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> new SelectedRows(List.of(column("a", "", String.class)), List.of(List.of(1, 2))));
    }

    @Test
    void linksAreGroupedThisFirstErrorsLast() {
        URI u = URI.create("http://h/f");
        LinksDocument doc = new LinksDocument(List.of(
                new DataLink(CUBE, u, "", "", "#preview", "preview", "image/jpeg", -1, "", "", "", null),
                new DataLink(CUBE, null, "procsvc", "", "#cutout", "cut", "", -1, "", "", "", null),
                new DataLink("ivo://bad", null, "", "NotFoundFault: no such", "#this", "", "", -1, "", "", "", null),
                new DataLink(CUBE, u, "", "", "#this", "data", "image/fits", 202000, "", "", "", null),
                new DataLink(CUBE, u, "", "", "http://other/vocab#thing", "", "", -1, "", "", "", null)),
                Map.of());
        LinkGroups groups = LinkGroups.of(doc);
        assertEquals(List.of("#this", "#preview", "#cutout", "http://other/vocab#thing", LinkGroups.ERRORS),
                groups.groups().stream().map(LinkGroups.Group::label).toList());
        assertEquals(5, groups.allLinks().size());
        assertTrue(groups.groups().getLast().isErrors());
    }

    @Test
    void cutoutProposalFromRowPositionAndLimits() {
        CutoutDefaults d = CutoutDefaults.of(cubeDescriptor(), Optional.of(new double[] {180.501, 0.499}));
        assertEquals(Optional.of("180.501 0.499 0.0177"), d.circle());
        assertEquals(Optional.of("5E-7 6.9E-7"), d.band());
        assertTrue(d.polygon().orElseThrow().startsWith("180.4509985118 0.450999847"));
        assertTrue(d.time().isEmpty());
        assertTrue(!d.takesPol());
        CutoutDefaults noRow = CutoutDefaults.of(cubeDescriptor(), Optional.empty());
        assertEquals(Optional.of("180.5010000379 0.4989999999 0.0177"), noRow.circle());
    }

    @Test
    void typedInputBecomesARequest() {
        CutoutRequest r = new CutoutInput("180.5 0.5 0.01", null, "5.495e-7 5.705e-7", null, "i q").toRequest(CUBE);
        assertEquals(1, r.circles().size());
        assertEquals("180.5 0.5 0.01", r.circles().getFirst().sodaValue());
        assertEquals(5.495e-7, r.bands().getFirst().lower());
        assertEquals(List.of("I", "Q"), r.pols());
        CutoutRequest open = new CutoutInput(null, null, "-Inf 6e-7", null, null).toRequest(CUBE);
        assertEquals(Double.NEGATIVE_INFINITY, open.bands().getFirst().lower());
    }

    @Test
    void badInputNamesTheField() {
        assertEquals("Circle: expected 3 numbers, got '180 0'", assertThrows(IllegalArgumentException.class,
                () -> new CutoutInput("180 0", null, null, null, null).toRequest(CUBE)).getMessage());
        assertEquals("Band: 'abc' is not a number", assertThrows(IllegalArgumentException.class,
                () -> new CutoutInput(null, null, "abc 1", null, null).toRequest(CUBE)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new CutoutInput("180 95 0.1", null, null, null, null).toRequest(CUBE)).getMessage()
                .startsWith("Circle: "));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new CutoutInput(null, null, "2 1", null, null).toRequest(CUBE)).getMessage()
                .startsWith("Band: "));
        assertEquals("Choose at least one of circle, polygon, band, time or polarisation",
                assertThrows(IllegalArgumentException.class,
                        () -> new CutoutInput(null, null, null, null, null).toRequest(CUBE)).getMessage());
    }
}
