package org.astrolabe.core.vosi;

import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.vosi.ColumnMetadata.DataType;
import org.astrolabe.core.vosi.ColumnMetadata.TypeSystem;
import org.astrolabe.core.vosi.TableMetadata.ColumnPair;
import org.astrolabe.core.vosi.TableMetadata.ForeignKey;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * Parses VOSI tables documents: a {@code tableset} (VOSI 1.0 and 1.1, with or without columns as
 * for {@code detail=min}) or a single {@code table} (the VOSI 1.1 per-table answer). The document
 * is read as a stream (SAX), never held as a DOM.
 *
 * <p>Tolerant where real services deviate, strict where the result would be wrong: a repeated
 * name, title, description, unit, UCD, utype or data type keeps the first and adds a warning, as
 * do an unknown data type, a negative size, an unknown flag and a tableset without schemas; a
 * schema, table or column without a name, a foreign key without a target table or without its
 * from/target columns, and a malformed arraysize are refused. Stateless and thread-safe.
 */
public final class TablesReader {

    /**
     * @param in the document; not closed
     * @param source where it came from, named in messages
     * @return the schemas and tables; a single-table document gives one schema named after the
     *         table's qualifier
     * @throws InvalidInputException naming the problem and its line when the document is not
     *         well-formed XML, declares a DOCTYPE, is neither a {@code tableset} nor a {@code table},
     *         or breaks one of the rules above
     * @throws TransientException when the stream breaks before the document ends (connection reset,
     *         time-out)
     */
    public TableSet read(InputStream in, URI source) throws InvalidInputException, TransientException {
        Handler handler = new Handler();
        VosiParsing.parse(in, source, handler, "VOSI tables document");
        if (handler.root == null) {
            throw new InvalidInputException("The document from " + source + " is empty", source, null);
        }
        if (handler.root.equals("tableset") && handler.schemas.isEmpty()) {
            handler.warn("the tableset has no schema");
        }
        return new TableSet(handler.schemas, handler.warnings());
    }

    private static final class Handler extends VosiHandler {
        private final List<SchemaMetadata> schemas = new ArrayList<>();
        private String root;

        private String schemaName;
        private String schemaTitle;
        private String schemaDescription;
        private String schemaUtype;
        private final List<TableMetadata> tables = new ArrayList<>();

        private String tableName;
        private String tableTitle;
        private String tableType;
        private String tableDescription;
        private String tableUtype;
        private Long nrows;
        private final List<ColumnMetadata> columns = new ArrayList<>();
        private final List<ForeignKey> keys = new ArrayList<>();

        private String columnName;
        private String columnDescription;
        private String unit;
        private String ucd;
        private String columnUtype;
        private DataType dataType;
        private boolean std;
        private boolean indexed;
        private boolean principal;
        private boolean nullable;
        private boolean primary;
        private Attributes typeAtts;
        private String typeSystem;

        private String targetTable;
        private String keyDescription;
        private String keyUtype;
        private final List<ColumnPair> pairs = new ArrayList<>();
        private String from;
        private String target;

        @Override
        void start(String element, String parent, Attributes atts) throws SAXException {
            if (parent.isEmpty()) {
                if (!element.equals("tableset") && !element.equals("table")) {
                    throw invalid("the root element is <" + element + ">, not a VOSI <tableset> or <table>");
                }
                root = element;
                if (element.equals("table")) {
                    startTable(atts);
                }
                return;
            }
            switch (element) {
                case "schema" -> {
                    schemaName = null;
                    schemaTitle = null;
                    schemaDescription = null;
                    schemaUtype = null;
                    tables.clear();
                }
                case "table" -> startTable(atts);
                case "column" -> {
                    columnName = null;
                    columnDescription = null;
                    unit = null;
                    ucd = null;
                    columnUtype = null;
                    dataType = null;
                    std = Boolean.parseBoolean(attr(atts, "std"));
                    indexed = false;
                    principal = false;
                    nullable = false;
                    primary = false;
                }
                case "dataType" -> {
                    typeAtts = new org.xml.sax.helpers.AttributesImpl(atts);
                    typeSystem = xsiType(atts).local();
                }
                case "foreignKey" -> {
                    targetTable = null;
                    keyDescription = null;
                    keyUtype = null;
                    pairs.clear();
                }
                case "fkColumn" -> {
                    from = null;
                    target = null;
                }
                default -> {
                    // nothing to prepare
                }
            }
        }

        private void startTable(Attributes atts) {
            tableName = null;
            tableTitle = null;
            tableType = attr(atts, "type");
            tableDescription = null;
            tableUtype = null;
            nrows = null;
            columns.clear();
            keys.clear();
        }

        @Override
        void end(String element, String parent, String text) throws SAXException {
            switch (element) {
                case "name", "title", "description", "utype" -> endText(element, parent, text);
                case "nrows" -> {
                    if (parent.equals("table")) {
                        try {
                            nrows = Long.parseLong(text);
                            if (nrows < 0) {
                                warn("table " + tableName + " has a negative nrows; ignored");
                                nrows = null;
                            }
                        } catch (NumberFormatException e) {
                            warn("table " + tableName + " has nrows '" + text + "', not a number; ignored");
                        }
                    }
                }
                case "unit" -> unit = once(unit, text, "unit in column " + columnName);
                case "ucd" -> ucd = once(ucd, text, "UCD in column " + columnName);
                case "dataType" -> endDataType(text);
                case "flag" -> {
                    switch (text) {
                        case "indexed" -> indexed = true;
                        case "primary" -> primary = true;
                        case "nullable" -> nullable = true;
                        case "principal" -> principal = true;
                        case "std" -> std = true;
                        default -> warn("column " + columnName + " has an unknown flag '" + text + "'; ignored");
                    }
                }
                case "column" -> {
                    if (columnName == null || columnName.isEmpty()) {
                        throw invalid("a column of table " + tableName + " has no name");
                    }
                    columns.add(new ColumnMetadata(columnName, columnDescription, unit, ucd, columnUtype,
                            Optional.ofNullable(dataType), indexed, principal, nullable, primary, std));
                }
                case "targetTable" -> targetTable = once(targetTable, text, "targetTable in a foreign key of " + tableName);
                case "fromColumn" -> from = once(from, text, "fromColumn in a foreign key of " + tableName);
                case "targetColumn" -> target = once(target, text, "targetColumn in a foreign key of " + tableName);
                case "fkColumn" -> {
                    if (from == null || from.isEmpty()) {
                        throw invalid("a foreign key of table " + tableName + " has an fkColumn without fromColumn");
                    }
                    if (target == null || target.isEmpty()) {
                        throw invalid("a foreign key of table " + tableName + " has an fkColumn without targetColumn");
                    }
                    pairs.add(new ColumnPair(from, target));
                }
                case "foreignKey" -> {
                    if (targetTable == null || targetTable.isEmpty()) {
                        throw invalid("a foreign key of table " + tableName + " has no targetTable");
                    }
                    if (pairs.isEmpty()) {
                        throw invalid("the foreign key of table " + tableName + " to " + targetTable
                                + " has no fkColumn");
                    }
                    keys.add(new ForeignKey(targetTable, pairs, keyDescription, keyUtype));
                }
                case "table" -> endTable();
                case "schema" -> {
                    if (parent.equals("tableset")) {
                        if (schemaName == null || schemaName.isEmpty()) {
                            throw invalid("a schema has no name");
                        }
                        schemas.add(new SchemaMetadata(schemaName, schemaTitle, schemaDescription, schemaUtype, tables));
                    }
                }
                default -> {
                    // nothing kept
                }
            }
        }

        private void endText(String element, String parent, String text) {
            switch (parent) {
                case "schema" -> {
                    switch (element) {
                        case "name" -> schemaName = once(schemaName, text, "schema name");
                        case "title" -> schemaTitle = once(schemaTitle, text, "title of schema " + schemaName);
                        case "description" -> schemaDescription = once(schemaDescription, text,
                                "description of schema " + schemaName);
                        default -> schemaUtype = once(schemaUtype, text, "utype of schema " + schemaName);
                    }
                }
                case "table" -> {
                    switch (element) {
                        case "name" -> tableName = once(tableName, text, "table name");
                        case "title" -> tableTitle = once(tableTitle, text, "title of table " + tableName);
                        case "description" -> tableDescription = once(tableDescription, text,
                                "description of table " + tableName);
                        default -> tableUtype = once(tableUtype, text, "utype of table " + tableName);
                    }
                }
                case "column" -> {
                    switch (element) {
                        case "name" -> columnName = once(columnName, text, "column name");
                        case "description" -> columnDescription = once(columnDescription, text,
                                "description of column " + columnName);
                        case "utype" -> columnUtype = once(columnUtype, text, "utype of column " + columnName);
                        default -> {
                            // columns have no title
                        }
                    }
                }
                case "foreignKey" -> {
                    switch (element) {
                        case "description" -> keyDescription = once(keyDescription, text,
                                "description of a foreign key of " + tableName);
                        case "utype" -> keyUtype = once(keyUtype, text, "utype of a foreign key of " + tableName);
                        default -> {
                            // nothing else is kept
                        }
                    }
                }
                default -> {
                    // text elsewhere is not kept
                }
            }
        }

        private void endDataType(String text) throws SAXException {
            if (dataType != null) {
                warn("column " + columnName + " has more than one dataType; the first (" + dataType + ") is used");
                return;
            }
            if (text.isEmpty()) {
                warn("column " + columnName + " has an empty dataType; ignored");
                return;
            }
            String arraysize = attr(typeAtts, "arraysize");
            String xtype = attr(typeAtts, "xtype");
            if (xtype.isEmpty()) {
                xtype = attr(typeAtts, "extendedType");
            }
            OptionalInt size = OptionalInt.empty();
            String sizeText = attr(typeAtts, "size");
            if (!sizeText.isEmpty()) {
                try {
                    int s = Integer.parseInt(sizeText);
                    if (s < 0) {
                        warn("column " + columnName + " has a negative size " + s + "; ignored");
                    } else {
                        size = OptionalInt.of(s);
                    }
                } catch (NumberFormatException e) {
                    warn("column " + columnName + " has size '" + sizeText + "', not a number; ignored");
                }
            }
            try {
                String name = text.regionMatches(true, 0, "adql:", 0, 5) ? text.substring(5) : text;
                dataType = new DataType(TypeSystem.of(typeSystem, text), name, arraysize, xtype, size);
            } catch (IllegalArgumentException e) {
                throw invalid("column " + columnName + ": " + e.getMessage());
            }
            if (!dataType.isKnown()) {
                warn("column " + columnName + " has the unknown " + dataType.system() + " type '" + text + "'");
            }
        }

        private void endTable() throws SAXException {
            if (tableName == null || tableName.isEmpty()) {
                throw invalid("a table " + (schemaName == null ? "" : "in schema " + schemaName + " ") + "has no name");
            }
            TableMetadata table = new TableMetadata(tableName, tableTitle, tableType, tableDescription, tableUtype,
                    nrows == null ? OptionalLong.empty() : OptionalLong.of(nrows), columns, keys);
            if ("table".equals(root) && schemaName == null) {
                int dot = tableName.lastIndexOf('.');
                String schema = dot > 0 ? tableName.substring(0, dot) : "default";
                schemas.add(new SchemaMetadata(schema, "", "", "", List.of(table)));
            } else {
                tables.add(table);
            }
        }
    }
}
