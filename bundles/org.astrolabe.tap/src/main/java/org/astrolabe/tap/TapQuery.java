package org.astrolabe.tap;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A TAP query: ADQL text and the row limit to ask for.
 *
 * @param adql the query, never blank
 * @param maxrec the MAXREC to send, or empty to let the service apply its default
 */
public record TapQuery(String adql, OptionalLong maxrec) {

    /** @throws IllegalArgumentException if the ADQL is blank or MAXREC negative */
    public TapQuery {
        if (adql == null || adql.isBlank()) {
            throw new IllegalArgumentException("The query is empty: give an ADQL statement");
        }
        Objects.requireNonNull(maxrec, "maxrec");
        if (maxrec.isPresent() && maxrec.getAsLong() < 0) {
            throw new IllegalArgumentException("MAXREC must not be negative: " + maxrec.getAsLong());
        }
    }

    /** @return a query with the service's default row limit */
    public static TapQuery of(String adql) {
        return new TapQuery(adql, OptionalLong.empty());
    }

    /** @return a copy with MAXREC set */
    public TapQuery withMaxrec(long rows) {
        return new TapQuery(adql, OptionalLong.of(rows));
    }
}
