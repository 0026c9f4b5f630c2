package org.astrolabe.core.votable;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.votable.VOStarTable;

/**
 * A query result: the table (random access, held in memory when small and in a temporary file when
 * large) and the service's {@link QueryStatus}. Reading cells is thread-safe; the table is
 * immutable once built.
 */
public final class ResultTable {

    private final StarTable table;
    private final QueryStatus status;
    private final List<ColumnDescription> columns;

    /**
     * @param table a random-access STIL table
     * @param status the QUERY_STATUS that came with it
     * @throws IllegalArgumentException if the table is not random access
     */
    public ResultTable(StarTable table, QueryStatus status) {
        this.table = Objects.requireNonNull(table, "table");
        if (!table.isRandom()) {
            throw new IllegalArgumentException("A result table must be random access");
        }
        this.status = Objects.requireNonNull(status, "status");
        List<ColumnDescription> cols = new ArrayList<>();
        for (int i = 0; i < table.getColumnCount(); i++) {
            cols.add(describe(table.getColumnInfo(i), i));
        }
        this.columns = List.copyOf(cols);
    }

    private static ColumnDescription describe(ColumnInfo info, int index) {
        String name = info.getName() == null || info.getName().isBlank() ? "col" + (index + 1) : info.getName();
        Object datatype = info.getAuxDatumValue(VOStarTable.DATATYPE_INFO, Object.class);
        return new ColumnDescription(name, datatype == null ? "" : datatype.toString(), info.getUnitString(),
                info.getUCD(), info.getDescription(), info.getContentClass());
    }

    /** @return the columns in table order */
    public List<ColumnDescription> columns() {
        return columns;
    }

    /** @return the number of rows */
    public long rowCount() {
        return table.getRowCount();
    }

    /**
     * @param row row index from 0
     * @param column column index from 0
     * @return the cell value (STIL's Java representation), or {@code null} for a null cell
     * @throws IOException if the disk-backed storage cannot be read
     * @throws IndexOutOfBoundsException for a row or column outside the table
     */
    public Object cell(long row, int column) throws IOException {
        if (row < 0 || row >= rowCount() || column < 0 || column >= columns.size()) {
            throw new IndexOutOfBoundsException("No cell at row " + row + ", column " + column);
        }
        return table.getCell(row, column);
    }

    /** @return the QUERY_STATUS the service gave */
    public QueryStatus status() {
        return status;
    }

    /** @return {@code true} if the service reported OVERFLOW: more rows matched than were returned */
    public boolean isTruncated() {
        return status.state() == QueryStatus.State.OVERFLOW;
    }

    /** @return the underlying STIL table, for writing with STIL's output handlers */
    public StarTable starTable() {
        return table;
    }
}
