package org.astrolabe.ui.internal.adql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.astrolabe.core.vosi.ColumnMetadata;
import org.astrolabe.core.vosi.TableMetadata;
import org.junit.jupiter.api.Test;

class AdqlCompletionsTest {

    private static ColumnMetadata column(String name, String unit, String ucd) {
        return new ColumnMetadata(name, "", unit, ucd, "", Optional.empty(), false, false, true, false, false);
    }

    private static final TableMetadata SOURCES = new TableMetadata("astrolabe.sources", "", "table", "", "",
            OptionalLong.empty(), List.of(column("source_id", "", "meta.id;meta.main"),
                    column("ra", "deg", "pos.eq.ra;meta.main"), column("dec", "deg", "pos.eq.dec;meta.main"),
                    column("mag", "mag", "phot.mag")), List.of());
    private static final TableMetadata IMAGES = new TableMetadata("astrolabe.images", "", "table", "", "",
            OptionalLong.empty(), List.of(), List.of());

    /** A model whose listing holds two tables, with only the sources' columns loaded. */
    private static final class Model implements CompletionModel {
        final List<String> asked = new ArrayList<>();

        @Override
        public List<TableMetadata> tables() {
            return List.of(SOURCES, IMAGES);
        }

        @Override
        public Optional<TableMetadata> columnsOf(String table) {
            asked.add(table);
            return table.equalsIgnoreCase("astrolabe.sources") ? Optional.of(SOURCES) : Optional.empty();
        }
    }

    private static List<String> replacements(String text) {
        return new AdqlCompletions(new Model()).complete(text, text.length()).stream()
                .map(AdqlCompletions.Completion::replacement).toList();
    }

    @Test
    void completesTablesOfASchema() {
        assertEquals(List.of("astrolabe.sources"), replacements("SELECT * FROM astrolabe.sou"));
        assertEquals(List.of("astrolabe.sources", "astrolabe.images"), replacements("SELECT * FROM astrolabe."));
    }

    @Test
    void completesColumnsOfAnAliasOrTable() {
        assertEquals(List.of("s.source_id"), replacements("SELECT * FROM astrolabe.sources AS s WHERE s.sou"));
        String later = "SELECT s.r FROM astrolabe.sources s";
        assertEquals(List.of("s.ra"), new AdqlCompletions(new Model()).complete(later, "SELECT s.r".length()).stream()
                .map(AdqlCompletions.Completion::replacement).toList(), "the alias is defined after the cursor");
        assertEquals(List.of("astrolabe.sources.mag"), replacements("SELECT * FROM astrolabe.sources WHERE "
                + "astrolabe.sources.m"));
    }

    @Test
    void proposesColumnsOfTheFromTablesBeforeFunctionsAndKeywords() {
        List<AdqlCompletions.Completion> all = new AdqlCompletions(new Model())
                .complete("SELECT * FROM astrolabe.sources WHERE d", "SELECT * FROM astrolabe.sources WHERE d".length());
        assertEquals("dec", all.get(0).replacement());
        assertEquals(AdqlCompletions.Kind.COLUMN, all.get(0).kind());
        assertTrue(all.get(0).detail().contains("pos.eq.dec;meta.main"), all.get(0).detail());
        assertTrue(all.stream().anyMatch(c -> c.replacement().equals("DISTANCE(")), "functions");
        assertTrue(all.stream().anyMatch(c -> c.replacement().equals("DESC")), "keywords");
    }

    @Test
    void findsFromItemsAndAliasesButNotKeywords() {
        Map<String, String> items = AdqlCompletions.fromItems(
                "SELECT * FROM astrolabe.sources AS s JOIN TAP_UPLOAD.mine m ON 1=1 WHERE x");
        assertEquals("astrolabe.sources", items.get("s"));
        assertEquals("TAP_UPLOAD.mine", items.get("m"));
        assertEquals(Map.of("astrolabe.images", "astrolabe.images"),
                AdqlCompletions.fromItems("SELECT * FROM astrolabe.images WHERE 1=1"));
    }

    @Test
    void wordBeforeTheCursor() {
        assertEquals(new AdqlCompletions.Word("s", "ra", 7), AdqlCompletions.wordAt("SELECT s.ra", 11));
        assertEquals(new AdqlCompletions.Word("", "", 7), AdqlCompletions.wordAt("SELECT ", 7));
    }

    @Test
    void templatesUseThePositionColumnsByUcd() {
        String cone = AdqlTemplates.render(AdqlTemplates.Template.CONE, SOURCES);
        assertTrue(cone.contains("FROM astrolabe.sources") && cone.contains("POINT('ICRS', ra, dec)"), cone);
        TableMetadata odd = new TableMetadata("cat.t", "", "", "", "", OptionalLong.empty(),
                List.of(column("alpha", "deg", "pos.eq.ra;meta.main"), column("delta", "deg", "pos.eq.dec;meta.main")),
                List.of());
        assertTrue(AdqlTemplates.render(AdqlTemplates.Template.BOX, odd).contains("alpha BETWEEN"));
        assertTrue(AdqlTemplates.render(AdqlTemplates.Template.UPLOAD_JOIN, odd)
                .contains("FROM TAP_UPLOAD.mine AS u\nJOIN cat.t AS t"));
        assertTrue(AdqlTemplates.render(AdqlTemplates.Template.POLYGON, IMAGES).contains("POINT('ICRS', ra, dec)"),
                "ra/dec when the columns are unknown");
    }
}
