package org.astrolabe.core.votable;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code QUERY_STATUS} a DAL service reports in a result VOTable.
 *
 * @param state what the service said
 * @param message the service's text (its error message, or an overflow note); may be empty
 */
public record QueryStatus(State state, String message) {

    /** The values of the {@code QUERY_STATUS} INFO, plus {@link #UNSPECIFIED} when absent. */
    public enum State {
        /** The query ran and the table is complete. */
        OK,
        /** The query failed; the message says why. */
        ERROR,
        /** The table was truncated at the row limit (MAXREC). */
        OVERFLOW,
        /** The document carried no QUERY_STATUS. */
        UNSPECIFIED;

        /**
         * @param value an INFO value, any case
         * @return the matching state
         * @throws IllegalArgumentException naming the value when it is not a QUERY_STATUS value
         */
        public static State parse(String value) {
            try {
                return valueOf(Objects.requireNonNull(value, "QUERY_STATUS value").trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown QUERY_STATUS value: " + value, e);
            }
        }
    }

    /** @throws NullPointerException if state is null */
    public QueryStatus {
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message.strip();
    }

    /** @return the status of a document that had none */
    public static QueryStatus unspecified() {
        return new QueryStatus(State.UNSPECIFIED, "");
    }
}
