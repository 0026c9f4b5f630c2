package org.astrolabe.core.vosi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.OptionalInt;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.vosi.ColumnMetadata.TypeSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * VOSI tables documents from pyvo's and astroquery's test suites (../shared/corpus, skipped when
 * absent). pyvo's own expectations decide: what pyvo merely warns about parses here with a warning
 * (first value kept), what pyvo refuses is refused here with a message naming the problem.
 */
class TablesReaderTest {

    private static final URI SOURCE = URI.create("http://example.org/tap/tables");
    private final TablesReader reader = new TablesReader();

    private TableSet read(String corpusName) throws Exception {
        try (InputStream in = Files.newInputStream(CapabilitiesReaderTest.corpus(corpusName))) {
            return reader.read(in, SOURCE);
        }
    }

    private TableSet readText(String doc) throws Exception {
        return reader.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), SOURCE);
    }

    @Test
    void fullDocumentAsPyvoExpects() throws Exception {
        TableSet set = read("pyvo/io/vosi/tables.xml");
        assertEquals(List.of(), set.warnings());
        assertEquals("test", set.schemas().get(0).name());
        assertEquals("This is a unittest schema", set.schemas().get(0).description());
        TableMetadata t = set.table("test.all").orElseThrow();
        assertEquals("Test table", t.title());
        assertEquals("All test data in one table", t.description());
        assertEquals("utype", t.utype());
        assertEquals(30, t.nrows().getAsLong());
        ColumnMetadata id = t.columns().get(0);
        assertEquals("id", id.name());
        assertEquals("Primary key", id.description());
        assertEquals("unit", id.unit());
        assertEquals("meta.id;meta.main", id.ucd());
        assertEquals("utype", id.utype());
        ColumnMetadata.DataType type = id.dataType().orElseThrow();
        assertEquals(TypeSystem.TAP, type.system());
        assertEquals("VARCHAR", type.name());
        assertEquals("*", type.arraysize());
        assertEquals(OptionalInt.of(42), type.size());
        assertTrue(id.indexed());
        assertTrue(id.primary());
        assertFalse(id.nullable());
        TableMetadata.ForeignKey fk = t.foreignKeys().get(0);
        assertEquals("test.foreigntable", fk.targetTable());
        assertEquals(List.of(new TableMetadata.ColumnPair("testkey", "testkey")), fk.columns());
        assertEquals("Test foreigner", fk.description());
        assertEquals("utype", fk.utype());
        assertEquals(t, set.table("TEST.ALL").orElseThrow());
    }

    @Test
    void votableAndTapDatatypes() throws Exception {
        TableSet votable = read("pyvo/io/vosi/tables/datatypes_votable.xml");
        assertEquals(2, votable.tables().size());
        for (TableMetadata t : votable.tables()) {
            assertEquals(List.of("boolean", "bit", "unsignedByte", "short", "int", "long", "char", "unicodeChar", "float",
                    "double", "floatComplex", "doubleComplex"),
                    t.columns().stream().map(c -> c.dataType().orElseThrow().name()).toList());
            assertTrue(t.columns().stream().allMatch(c -> c.dataType().orElseThrow().system() == TypeSystem.VOTABLE));
        }
        TableSet tap = read("pyvo/io/vosi/tables/datatypes_tap.xml");
        for (TableMetadata t : tap.tables()) {
            assertEquals(List.of("BOOLEAN", "SMALLINT", "INTEGER", "BIGINT", "REAL", "DOUBLE", "TIMESTAMP", "CHAR",
                    "VARCHAR", "BINARY", "VARBINARY", "POINT", "REGION", "CLOB", "BLOB"),
                    t.columns().stream().map(c -> c.dataType().orElseThrow().name()).toList());
            assertTrue(t.columns().stream().allMatch(c -> c.dataType().orElseThrow().system() == TypeSystem.TAP));
        }
        assertEquals(List.of(), votable.warnings());
        assertEquals(List.of(), tap.warnings());
    }

    /** pyvo warns (W02–W14, W37) on these and keeps going; so do we, keeping the first value. */
    @ParameterizedTest
    @CsvSource({
        "wrong_datatypes_tap.xml, unknown TAP type 'WRONG'",
        "wrong_datatypes_votable.xml, unknown VOTABLE type 'wrong'",
        "no_schemas.xml, no schema",
        "multiple_schema_names.xml, more than one schema name",
        "multiple_schema_titles.xml, more than one title of schema",
        "multiple_schema_descriptions.xml, more than one description of schema",
        "multiple_schema_utypes.xml, more than one utype of schema",
        "multiple_table_names.xml, more than one table name",
        "multiple_table_titles.xml, more than one title of table",
        "multiple_table_descriptions.xml, more than one description of table",
        "multiple_table_utypes.xml, more than one utype of table",
        "multiple_column_names.xml, more than one column name",
        "multiple_column_descriptions.xml, more than one description of column",
        "multiple_column_units.xml, more than one unit",
        "multiple_column_ucds.xml, more than one UCD",
        "multiple_column_utypes.xml, more than one utype of column",
        "multiple_column_datatypes.xml, more than one dataType",
        "sizenegative.xml, negative size",
        "wrong_flag.xml, unknown flag 'prmary'",
        "multiple_fromcolumns.xml, more than one fromColumn",
        "multiple_targetcolumns.xml, more than one targetColumn",
        "multiple_targettables.xml, more than one targetTable",
        "multiple_foreignkey_descriptions.xml, more than one description of a foreign key",
        "multiple_foreignkey_utypes.xml, more than one utype of a foreign key",
    })
    void deviationsParseWithAWarning(String file, String warning) throws Exception {
        TableSet set = read("pyvo/io/vosi/tables/" + file);
        assertEquals(1, set.warnings().size(), set.warnings().toString());
        assertTrue(set.warnings().get(0).contains(warning), set.warnings().toString());
        assertTrue(set.warnings().get(0).startsWith("line "), set.warnings().toString());
    }

    @Test
    void firstValueIsKept() throws Exception {
        assertEquals("one", read("pyvo/io/vosi/tables/multiple_schema_names.xml").schemas().get(0).name());
        assertEquals("one", read("pyvo/io/vosi/tables/multiple_table_names.xml").tables().get(0).name());
        assertEquals("int", read("pyvo/io/vosi/tables/multiple_column_datatypes.xml").tables().get(0).columns().get(0)
                .dataType().orElseThrow().name());
        assertTrue(read("pyvo/io/vosi/tables/sizenegative.xml").tables().get(0).columns().get(0).dataType().orElseThrow()
                .size().isEmpty());
    }

    @Test
    void descriptionsPresentOrAbsent() throws Exception {
        assertEquals("", read("pyvo/io/vosi/tables/no_table_description.xml").tables().get(0).description());
        assertEquals("A test table with a single description",
                read("pyvo/io/vosi/tables/single_table_description.xml").tables().get(0).description());
    }

    /** pyvo raises E01, E02, E03, E06 on these. */
    @ParameterizedTest
    @CsvSource({
        "no_schema_name.xml, a schema has no name",
        "no_table_name.xml, a table in schema test has no name",
        "no_fromcolumn.xml, fkColumn without fromColumn",
        "no_targetcolumn.xml, fkColumn without targetColumn",
        "wrong_arraysize.xml, Malformed arraysize 'foobar'",
    })
    void brokenDocumentsAreRefused(String file, String reason) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("pyvo/io/vosi/tables/" + file));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains(SOURCE.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line "), e.getMessage());
    }

    @Test
    void lazyListingAndPerTableDocuments() throws Exception {
        TableSet listing = read("pyvo/dal/tap/tables.xml");
        assertEquals(List.of("test.table1", "test.table2"), listing.tables().stream().map(TableMetadata::name).toList());
        assertFalse(listing.tables().get(0).hasColumns());

        // VOSI 1.1 per-table answer, as served (no namespace declarations at all).
        TableSet one = read("pyvo/dal/tap/lazy-table1.xml");
        TableMetadata t1 = one.tables().get(0);
        assertEquals("test.table1", t1.name());
        assertEquals("test", one.schemas().get(0).name());
        assertEquals("Lazy Test Table 1", t1.description());
        assertEquals(TypeSystem.TAP, t1.columns().get(0).dataType().orElseThrow().system());
        assertEquals("testkey", t1.foreignKeys().get(0).columns().get(0).from());

        TableMetadata t2 = read("pyvo/dal/tap/lazy-table2.xml").table("test.table2").orElseThrow();
        assertEquals("id", t2.columns().get(0).name());
        assertEquals(2, read("pyvo/auth/tap/tables.xml").tables().size());
    }

    @Test
    void esaTapPlusTablesWithTypesAndEmptyUnits() throws Exception {
        TableSet set = read("astroquery/utils/tap/test_tables.xml");
        assertEquals(List.of("table1", "table2"), set.tables().stream().map(TableMetadata::name).toList());
        TableMetadata t2 = set.tables().get(1);
        assertEquals("base_table", t2.type());
        assertEquals(3, t2.columns().size());
        assertEquals("", t2.columns().get(0).unit());
        assertTrue(t2.columns().get(0).indexed());
        assertEquals(TypeSystem.TAP, t2.columns().get(1).dataType().orElseThrow().system());
        assertEquals("INTEGER", t2.columns().get(1).typeText());
        assertEquals(List.of(), set.warnings());
    }

    @Test
    void notATablesDocument() {
        InvalidInputException html = assertThrows(InvalidInputException.class,
                () -> readText("<html><body><h1>Not found</h1></body></html>"));
        assertTrue(html.getMessage().contains("not a VOSI <tableset> or <table>"), html.getMessage());
        InvalidInputException cut = assertThrows(InvalidInputException.class,
                () -> readText("<tableset><schema><name>a</name><table><name>a.b"));
        assertTrue(cut.getMessage().contains("not well-formed"), cut.getMessage());
    }

    @Test
    void typeTextIsCompact() throws Exception {
        TableSet set = readText("""
                <vtm:tableset xmlns:vtm="http://www.ivoa.net/xml/VOSITables/v1.0"
                    xmlns:vs="http://www.ivoa.net/xml/VODataService/v1.1"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <schema><name>s</name><table type="view"><name>s.t</name><nrows>12</nrows>
                    <column><name>c</name><dataType xsi:type="vs:VOTableType" arraysize="*">char</dataType><flag>nullable</flag></column>
                    <column><name>t</name><dataType xsi:type="vs:VOTableType" arraysize="*" xtype="timestamp">char</dataType></column>
                    <column><name>d</name><dataType xsi:type="vs:VOTableType">double</dataType></column>
                  </table></schema>
                </vtm:tableset>""");
        TableMetadata t = set.tables().get(0);
        assertEquals("view", t.type());
        assertEquals(12, t.nrows().getAsLong());
        assertEquals(List.of("char(*)", "char(*) timestamp", "double"),
                t.columns().stream().map(ColumnMetadata::typeText).toList());
        assertTrue(t.columns().get(0).nullable());
    }
}
