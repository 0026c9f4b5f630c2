package org.astrolabe.ui.internal.jobs;

/**
 * Told what a {@link TapQueryJob} is doing. Methods are called on the job's thread, in order;
 * an implementation that touches widgets must move to the UI thread itself.
 */
public interface QueryListener {

    /** @param request the query that is starting */
    void started(QueryRequest request);

    /**
     * An async query's job changed state (created, queued, executing, fetching the result).
     *
     * @param request the query
     * @param text one line for a person, e.g. "Job 3fa1 on 127.0.0.1:18080: EXECUTING"
     */
    default void progressed(QueryRequest request, String text) {
    }

    /** @param outcome how it ended; called exactly once per job */
    void finished(QueryOutcome outcome);
}
