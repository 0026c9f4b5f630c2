package org.astrolabe.ui.internal.jobs;

import java.time.Duration;
import java.util.Objects;

import org.astrolabe.core.votable.ResultTable;

/** How a {@link TapQueryJob} ended. */
public sealed interface QueryOutcome {

    /** @return what was run */
    QueryRequest request();

    /**
     * The service answered with a table.
     *
     * @param request what was run
     * @param table the rows; {@link ResultTable#isTruncated()} says whether MAXREC cut them
     * @param elapsed from the start of the job to the last row read
     */
    record Succeeded(QueryRequest request, ResultTable table, Duration elapsed) implements QueryOutcome {
        /** @throws NullPointerException if an argument is null */
        public Succeeded {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /**
     * The query could not be run or the service refused it.
     *
     * @param request what was run
     * @param headline one line saying what went wrong, for a person
     * @param detail the particulars, e.g. the service's own message; may be empty
     */
    record Failed(QueryRequest request, String headline, String detail) implements QueryOutcome {
        /** @throws NullPointerException if the request or headline is null */
        public Failed {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(headline, "headline");
            detail = detail == null ? "" : detail.strip();
        }
    }

    /**
     * The user cancelled the query.
     *
     * @param request what was run
     */
    record Cancelled(QueryRequest request) implements QueryOutcome {
        /** @throws NullPointerException if the request is null */
        public Cancelled {
            Objects.requireNonNull(request, "request");
        }
    }
}
