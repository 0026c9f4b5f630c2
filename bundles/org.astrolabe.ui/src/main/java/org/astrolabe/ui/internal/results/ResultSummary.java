package org.astrolabe.ui.internal.results;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.astrolabe.core.votable.ColumnDescription;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.ui.internal.jobs.QueryOutcome;
import org.astrolabe.ui.internal.jobs.QueryRequest;

/** The sentences the Results view shows above the table. Stateless. */
final class ResultSummary {

    private ResultSummary() {
    }

    /** @return e.g. "1,000 rows × 5 columns from 127.0.0.1:18080 in 0.4 s" */
    static String of(QueryOutcome.Succeeded outcome) {
        ResultTable table = outcome.table();
        int columns = table.columns().size();
        return String.format(Locale.ROOT, "%,d %s × %d %s from %s in %s", table.rowCount(),
                table.rowCount() == 1 ? "row" : "rows", columns, columns == 1 ? "column" : "columns",
                outcome.request().serviceLabel(), seconds(outcome.elapsed()));
    }

    /** @return the warning to show when MAXREC cut the result, empty when the result is complete */
    static Optional<String> truncation(QueryOutcome.Succeeded outcome) {
        ResultTable table = outcome.table();
        if (!table.isTruncated()) {
            return Optional.empty();
        }
        String limit = outcome.request().query().maxrec().isPresent()
                ? String.format(Locale.ROOT, "MAXREC = %,d", outcome.request().query().maxrec().getAsLong())
                : "the service's default MAXREC";
        String text = String.format(Locale.ROOT,
                "Truncated at %s: the service stopped after %,d rows and more rows may match. "
                        + "Raise MAXREC or narrow the query.", limit, table.rowCount());
        String message = table.status().message();
        return Optional.of(message.isEmpty() ? text : text + " The service says: " + message);
    }

    /** @return the line shown while a query runs */
    static String running(QueryRequest request) {
        return "Running query at " + request.serviceLabel() + "…";
    }

    /** @return the line shown after the user cancelled */
    static String cancelled(QueryRequest request) {
        return "The query at " + request.serviceLabel() + " was cancelled.";
    }

    /** @return the line shown before any query ran */
    static String idle() {
        return "No result yet: write ADQL in the TAP Query view and press Run (Ctrl+Enter).";
    }

    /** @return the header tooltip: name, datatype and unit, UCD, description */
    static String tooltip(ColumnDescription column) {
        StringBuilder text = new StringBuilder(column.name());
        if (!column.unit().isEmpty()) {
            text.append(" [").append(column.unit()).append(']');
        }
        if (!column.datatype().isEmpty()) {
            text.append("  (").append(column.datatype()).append(')');
        }
        if (!column.ucd().isEmpty()) {
            text.append("\nUCD: ").append(column.ucd());
        }
        if (!column.description().isEmpty()) {
            text.append('\n').append(column.description());
        }
        return text.toString();
    }

    private static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }
}
