package org.astrolabe.core;

import java.net.URI;

/**
 * A query was refused or failed on the server (malformed ADQL, unknown table, bad parameter).
 * {@link #serverMessage()} is the service's own diagnostic, unchanged.
 */
public class QueryFailedException extends ServiceFailureException {
    private static final long serialVersionUID = 1L;

    private final String serverMessage;

    /**
     * @param serverMessage the service's own message (for TAP, the QUERY_STATUS=ERROR text)
     * @param uri the service endpoint that answered
     */
    public QueryFailedException(String serverMessage, URI uri) {
        super("Query failed at " + uri + ": " + serverMessage, uri, null);
        this.serverMessage = serverMessage;
    }

    /** @return the service's message, never {@code null} */
    public String serverMessage() {
        return serverMessage;
    }
}
