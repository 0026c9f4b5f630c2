package org.astrolabe.ui.internal.jobs;

/** How a query is run. */
public enum QueryMode {
    /** One request to {@code /sync}; the answer streams into the Results view. */
    SYNC,
    /** A UWS job under {@code /async}, remembered in the Jobs view: create, run, wait, fetch. */
    ASYNC
}
