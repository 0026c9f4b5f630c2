package org.astrolabe.ui.internal.jobs;

/**
 * Told what a {@link TapQueryJob} is doing. Both methods are called on the job's thread, in order;
 * an implementation that touches widgets must move to the UI thread itself.
 */
public interface QueryListener {

    /** @param request the query that is starting */
    void started(QueryRequest request);

    /** @param outcome how it ended; called exactly once per job */
    void finished(QueryOutcome outcome);
}
