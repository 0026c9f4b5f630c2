package org.astrolabe.ui.internal.datalink;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.astrolabe.core.votable.ColumnDescription;

/**
 * Rows of a result table the user selected, as the DataLink view reads them: the columns and each
 * row's cells (STIL's Java values). Finds the dataset identifier and the position by the usual
 * ObsCore, SIA and catalogue column names and UCDs. Immutable.
 *
 * @param columns the table's columns
 * @param rows the selected rows, each with one cell per column (null cells allowed)
 */
public record SelectedRows(List<ColumnDescription> columns, List<List<Object>> rows) {

    /** Identifier columns by name, best first. */
    private static final List<String> ID_NAMES = List.of("obs_publisher_did", "publisherid", "publisher_did");
    private static final List<String> RA_NAMES = List.of("s_ra", "ra", "ra_icrs", "raj2000", "centeralpha");
    private static final List<String> DEC_NAMES = List.of("s_dec", "dec", "de", "dec_icrs", "dej2000",
            "centerdelta");

    /**
     * @throws IllegalArgumentException if a row does not have one cell per column
     */
    public SelectedRows {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("A row has " + row.size() + " cells for " + columns.size()
                        + " columns");
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    /** @return {@code true} when no row is selected */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * @return the index of the dataset identifier column: {@code obs_publisher_did},
     *         {@code publisherID}, the column with UCD {@code meta.id;meta.main}, or {@code ID}
     */
    public Optional<Integer> identifierColumn() {
        return byName(ID_NAMES).or(() -> byUcd("meta.id;meta.main")).or(() -> byName(List.of("id")));
    }

    /** @return the indices of the right ascension and declination columns, if both are there */
    public Optional<int[]> positionColumns() {
        Optional<Integer> ra = byName(RA_NAMES).or(() -> byUcd("pos.eq.ra;meta.main")).or(() -> byUcd("pos.eq.ra"));
        Optional<Integer> dec = byName(DEC_NAMES).or(() -> byUcd("pos.eq.dec;meta.main"))
                .or(() -> byUcd("pos.eq.dec"));
        if (ra.isEmpty() || dec.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {ra.get(), dec.get()});
    }

    /** @return the non-blank identifiers of the rows, in row order, without duplicates */
    public List<String> identifiers() {
        Optional<Integer> column = identifierColumn();
        if (column.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (List<Object> row : rows) {
            Object cell = row.get(column.get());
            String id = cell == null ? "" : cell.toString().strip();
            if (!id.isEmpty() && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * @param id a dataset identifier of these rows
     * @return the position (ra, dec in degrees) of the first row with that identifier, if the rows
     *         have position columns and the cells are numbers
     */
    public Optional<double[]> position(String id) {
        Optional<Integer> idColumn = identifierColumn();
        Optional<int[]> pos = positionColumns();
        if (idColumn.isEmpty() || pos.isEmpty()) {
            return Optional.empty();
        }
        for (List<Object> row : rows) {
            Object cell = row.get(idColumn.get());
            if (cell != null && cell.toString().strip().equals(id)) {
                Double ra = number(row.get(pos.get()[0]));
                Double dec = number(row.get(pos.get()[1]));
                if (ra != null && dec != null && Double.isFinite(ra) && Double.isFinite(dec)) {
                    return Optional.of(new double[] {ra, dec});
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Double number(Object cell) {
        if (cell instanceof Number n) {
            return n.doubleValue();
        }
        if (cell instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private Optional<Integer> byName(List<String> names) {
        for (String name : names) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(name)) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Integer> byUcd(String ucd) {
        String wanted = ucd.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (Objects.equals(columns.get(i).ucd().strip().toLowerCase(Locale.ROOT), wanted)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
