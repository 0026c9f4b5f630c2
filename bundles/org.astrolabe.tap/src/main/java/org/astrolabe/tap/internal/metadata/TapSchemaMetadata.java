package org.astrolabe.tap.internal.metadata;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.vosi.ColumnMetadata;
import org.astrolabe.core.vosi.ColumnMetadata.DataType;
import org.astrolabe.core.vosi.ColumnMetadata.TypeSystem;
import org.astrolabe.core.vosi.SchemaMetadata;
import org.astrolabe.core.vosi.TableMetadata;
import org.astrolabe.core.vosi.TableMetadata.ColumnPair;
import org.astrolabe.core.vosi.TableMetadata.ForeignKey;
import org.astrolabe.core.vosi.TableSet;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.tap.TapClient;
import org.astrolabe.tap.TapQuery;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Reads table metadata from TAP_SCHEMA through a client's synchronous queries. Columns are read by
 * name with {@code SELECT *}, so TAP 1.0 services (no {@code arraysize}, {@code column_index}) and
 * services with extra columns work alike. Stateless apart from the client; thread-safe.
 */
final class TapSchemaMetadata {

    /** Far above any real TAP_SCHEMA; services clamp it to their hard limit. */
    private static final long MAXREC = 10_000_000;

    private final TapClient client;

    TapSchemaMetadata(TapClient client) {
        this.client = client;
    }

    TableSet tables(IProgressMonitor monitor) throws AstrolabeException {
        SubMonitor sub = SubMonitor.convert(monitor, "Reading TAP_SCHEMA of " + client.baseUri().getHost(), 2);
        Rows schemas = query("SELECT * FROM TAP_SCHEMA.schemas", sub.split(1));
        Rows tables = query("SELECT * FROM TAP_SCHEMA.tables", sub.split(1));
        List<String> warnings = new ArrayList<>();
        if (schemas.table.isTruncated() || tables.table.isTruncated()) {
            warnings.add("TAP_SCHEMA was truncated by the service's row limit; some tables may be missing");
        }
        Map<String, String[]> schemaInfo = new LinkedHashMap<>();
        for (long r = 0; r < schemas.rowCount(); r++) {
            String name = schemas.text(r, "schema_name");
            if (!name.isEmpty()) {
                schemaInfo.put(name, new String[] {schemas.text(r, "description"), schemas.text(r, "utype"),
                        schemas.text(r, "schema_index")});
            }
        }
        Map<String, List<Object[]>> bySchema = new LinkedHashMap<>();
        schemaInfo.keySet().forEach(s -> bySchema.put(s, new ArrayList<>()));
        for (long r = 0; r < tables.rowCount(); r++) {
            String name = tables.text(r, "table_name");
            if (name.isEmpty()) {
                continue;
            }
            String schema = tables.text(r, "schema_name");
            if (schema.isEmpty()) {
                int dot = name.lastIndexOf('.');
                schema = dot > 0 ? name.substring(0, dot) : "default";
            }
            OptionalLong nrows = tables.longValue(r, "nrows");
            TableMetadata t = new TableMetadata(name, "", tables.text(r, "table_type"), tables.text(r, "description"),
                    tables.text(r, "utype"), nrows.isPresent() && nrows.getAsLong() >= 0 ? nrows : OptionalLong.empty(),
                    List.of(), List.of());
            bySchema.computeIfAbsent(schema, s -> new ArrayList<>())
                    .add(new Object[] {t, tables.longValue(r, "table_index").orElse(Long.MAX_VALUE)});
        }
        List<SchemaMetadata> result = new ArrayList<>();
        for (var e : bySchema.entrySet()) {
            String[] info = schemaInfo.getOrDefault(e.getKey(), new String[] {"", "", ""});
            List<TableMetadata> ts = e.getValue().stream().sorted(Comparator.comparingLong(o -> (Long) o[1]))
                    .map(o -> (TableMetadata) o[0]).toList();
            result.add(new SchemaMetadata(e.getKey(), "", info[0], info[1], ts));
        }
        return new TableSet(result, warnings);
    }

    TableMetadata table(String name, IProgressMonitor monitor) throws AstrolabeException {
        String n = requireName(name);
        SubMonitor sub = SubMonitor.convert(monitor, "Reading TAP_SCHEMA of " + client.baseUri().getHost(), 4);
        Rows tables = query("SELECT * FROM TAP_SCHEMA.tables WHERE table_name = " + literal(n), sub.split(1));
        if (tables.rowCount() == 0) {
            // ADQL names are case-insensitive: look for the service's own spelling.
            Optional<TableMetadata> other = tables(sub.split(1)).table(n);
            if (other.isEmpty() || other.get().name().equals(n)) {
                throw notFound(n);
            }
            n = other.get().name();
            tables = query("SELECT * FROM TAP_SCHEMA.tables WHERE table_name = " + literal(n), sub.split(0));
            if (tables.rowCount() == 0) {
                throw notFound(n);
            }
        } else {
            sub.split(1);
        }
        Rows columns = query("SELECT * FROM TAP_SCHEMA.columns WHERE table_name = " + literal(n), sub.split(1));
        List<Object[]> cols = new ArrayList<>();
        for (long r = 0; r < columns.rowCount(); r++) {
            String col = columns.text(r, "column_name");
            if (!col.isEmpty()) {
                cols.add(new Object[] {column(columns, r, col), columns.longValue(r, "column_index").orElse(Long.MAX_VALUE)});
            }
        }
        List<ColumnMetadata> ordered = cols.stream().sorted(Comparator.comparingLong(o -> (Long) o[1]))
                .map(o -> (ColumnMetadata) o[0]).toList();
        OptionalLong nrows = tables.longValue(0, "nrows");
        return new TableMetadata(n, "", tables.text(0, "table_type"), tables.text(0, "description"),
                tables.text(0, "utype"), nrows.isPresent() && nrows.getAsLong() >= 0 ? nrows : OptionalLong.empty(),
                ordered, foreignKeys(n, sub.split(1)));
    }

    private List<ForeignKey> foreignKeys(String table, IProgressMonitor monitor) {
        Rows keys;
        try {
            keys = query("SELECT k.key_id, k.target_table, k.description, k.utype, c.from_column, c.target_column"
                    + " FROM TAP_SCHEMA.keys AS k JOIN TAP_SCHEMA.key_columns AS c ON k.key_id = c.key_id"
                    + " WHERE k.from_table = " + literal(table), monitor);
        } catch (AstrolabeException optional) {
            // Keys are a nicety: a service whose TAP_SCHEMA lacks them still describes its columns.
            return List.of();
        }
        Map<String, KeyBuilder> byKey = new LinkedHashMap<>();
        try {
            for (long r = 0; r < keys.rowCount(); r++) {
                String from = keys.text(r, "from_column");
                String target = keys.text(r, "target_column");
                String targetTable = keys.text(r, "target_table");
                if (from.isEmpty() || target.isEmpty() || targetTable.isEmpty()) {
                    continue;
                }
                KeyBuilder k = byKey.get(keys.text(r, "key_id"));
                if (k == null) {
                    k = new KeyBuilder(targetTable, keys.text(r, "description"), keys.text(r, "utype"));
                    byKey.put(keys.text(r, "key_id"), k);
                }
                k.pairs.add(new ColumnPair(from, target));
            }
        } catch (InvalidInputException unreadable) {
            return List.of();
        }
        return byKey.values().stream()
                .map(k -> new ForeignKey(k.targetTable, k.pairs, k.description, k.utype)).toList();
    }

    private static final class KeyBuilder {
        private final String targetTable;
        private final String description;
        private final String utype;
        private final List<ColumnPair> pairs = new ArrayList<>();

        KeyBuilder(String targetTable, String description, String utype) {
            this.targetTable = targetTable;
            this.description = description;
            this.utype = utype;
        }
    }

    private ColumnMetadata column(Rows rows, long r, String name) throws InvalidInputException {
        String datatype = rows.text(r, "datatype");
        Optional<DataType> type = Optional.empty();
        if (!datatype.isEmpty()) {
            boolean adql = datatype.regionMatches(true, 0, "adql:", 0, 5);
            String typeName = adql ? datatype.substring(5) : datatype;
            OptionalLong size = rows.longValue(r, "size");
            try {
                type = Optional.of(new DataType(adql ? TypeSystem.TAP : TypeSystem.of("", typeName), typeName,
                        rows.text(r, "arraysize"), rows.text(r, "xtype"),
                        size.isPresent() && size.getAsLong() >= 0 && size.getAsLong() <= Integer.MAX_VALUE
                                ? OptionalInt.of((int) size.getAsLong()) : OptionalInt.empty()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("TAP_SCHEMA.columns of " + client.baseUri() + " describes column "
                        + name + " badly: " + e.getMessage(), client.baseUri(), e);
            }
        }
        return new ColumnMetadata(name, rows.text(r, "description"), rows.text(r, "unit"), rows.text(r, "ucd"),
                rows.text(r, "utype"), type, rows.flag(r, "indexed"), rows.flag(r, "principal"), false, false,
                rows.flag(r, "std"));
    }

    private NotFoundException notFound(String name) {
        return new NotFoundException("The service at " + client.baseUri() + " has no table '" + name
                + "' in TAP_SCHEMA", client.baseUri());
    }

    static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("No table name given");
        }
        return name.strip();
    }

    /** @return {@code value} as an ADQL string literal */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private Rows query(String adql, IProgressMonitor monitor) throws AstrolabeException {
        return new Rows(client.query(TapQuery.of(adql).withMaxrec(MAXREC), monitor), client.baseUri());
    }

    /** Cells of a result read by column name, whatever Java type the service's VOTable gave. */
    private record Rows(ResultTable table, URI source) {

        long rowCount() {
            return table.rowCount();
        }

        private int index(String column) {
            for (int i = 0; i < table.columns().size(); i++) {
                if (table.columns().get(i).name().equalsIgnoreCase(column)) {
                    return i;
                }
            }
            return -1;
        }

        private Object cell(long row, String column) throws InvalidInputException {
            int i = index(column);
            if (i < 0) {
                return null;
            }
            try {
                return table.cell(row, i);
            } catch (IOException e) {
                throw new InvalidInputException("The TAP_SCHEMA result from " + source + " cannot be read back: "
                        + e.getMessage(), source, e);
            }
        }

        String text(long row, String column) throws InvalidInputException {
            Object v = cell(row, column);
            return v == null ? "" : v.toString().strip();
        }

        OptionalLong longValue(long row, String column) throws InvalidInputException {
            Object v = cell(row, column);
            if (v instanceof Number n) {
                return OptionalLong.of(n.longValue());
            }
            if (v instanceof String s && !s.isBlank()) {
                try {
                    return OptionalLong.of(Long.parseLong(s.strip()));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
            return OptionalLong.empty();
        }

        boolean flag(long row, String column) throws InvalidInputException {
            Object v = cell(row, column);
            if (v instanceof Boolean b) {
                return b;
            }
            if (v instanceof Number n) {
                return n.longValue() != 0;
            }
            String s = v == null ? "" : v.toString().strip().toLowerCase(Locale.ROOT);
            return s.equals("1") || s.equals("true") || s.equals("t");
        }
    }
}
