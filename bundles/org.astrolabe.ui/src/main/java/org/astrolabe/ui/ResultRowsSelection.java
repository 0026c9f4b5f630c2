package org.astrolabe.ui;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.astrolabe.core.votable.ColumnDescription;
import org.eclipse.jface.viewers.ISelection;

/**
 * The rows selected in the Results view, as the view publishes them through the workbench
 * selection service ({@code ISelectionService}, part id {@link AstrolabeUi#RESULTS_VIEW_ID}). A
 * consumer (the DataLink view, a plug-in's own view) listens with an {@code ISelectionListener} and
 * checks {@code selection instanceof ResultRowsSelection}. The values are copies taken on the UI
 * thread when the selection changed, so the record may be read from any thread. Immutable.
 *
 * <p>At most {@link #MAX_ROWS} rows are carried; {@link #selectedCount()} says how many the user
 * selected, so a consumer can tell when rows were left out.
 *
 * @param service the TAP service the result came from, when known
 * @param columns the result's columns (name, datatype, unit, UCD, description), in table order
 * @param rows the selected rows in table order, each with one value per column
 * @param selectedCount how many rows the user selected; at least {@code rows.size()}
 */
public record ResultRowsSelection(Optional<URI> service, List<ColumnDescription> columns, List<Row> rows,
        long selectedCount) implements ISelection {

    /** The most rows a selection carries with their values. */
    public static final int MAX_ROWS = 10_000;

    /**
     * @throws IllegalArgumentException if a row has not one value per column, there are more than
     *         {@link #MAX_ROWS} rows, or {@code selectedCount} is less than the rows carried
     * @throws NullPointerException if a component is null
     */
    public ResultRowsSelection {
        Objects.requireNonNull(service, "service");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        if (rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("A selection carries at most " + MAX_ROWS + " rows, not " + rows.size());
        }
        for (Row row : rows) {
            if (row.values().size() != columns.size()) {
                throw new IllegalArgumentException("Row " + row.index() + " has " + row.values().size()
                        + " values for " + columns.size() + " columns");
            }
        }
        if (selectedCount < rows.size()) {
            throw new IllegalArgumentException("selectedCount " + selectedCount + " is less than the " + rows.size()
                    + " rows carried");
        }
    }

    /** @return a selection with no rows, as published when the table is empty or nothing is selected */
    public static ResultRowsSelection empty(Optional<URI> service, List<ColumnDescription> columns) {
        return new ResultRowsSelection(service, columns, List.of(), 0);
    }

    @Override
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** @return whether the user selected more rows than the selection carries */
    public boolean isCapped() {
        return selectedCount > rows.size();
    }

    /**
     * @param name a column name; matched exactly, else ignoring case (ADQL names are case-insensitive)
     * @return the column's index, if the result has such a column
     */
    public OptionalInt columnIndex(String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return OptionalInt.of(i);
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * @param ucd a UCD such as {@code meta.id;meta.main} or {@code pos.eq.ra;meta.main}; compared
     *        ignoring case
     * @return the index of the first column with exactly that UCD, if any
     */
    public OptionalInt columnIndexByUcd(String ucd) {
        String wanted = Objects.requireNonNull(ucd, "ucd").strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).ucd().strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * One selected row.
     *
     * @param index the row's index in the result, from 0
     * @param values one value per column as STIL reads it ({@code Double}, {@code String}, arrays...);
     *        {@code null} for a null cell
     */
    public record Row(long index, List<Object> values) {

        /** @throws IllegalArgumentException if the index is negative */
        public Row {
            if (index < 0) {
                throw new IllegalArgumentException("A row index cannot be negative: " + index);
            }
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /**
         * @param column a column index
         * @return the value, or {@code null} for a null cell
         * @throws IndexOutOfBoundsException for a column outside the row
         */
        public Object value(int column) {
            return values.get(column);
        }
    }
}
