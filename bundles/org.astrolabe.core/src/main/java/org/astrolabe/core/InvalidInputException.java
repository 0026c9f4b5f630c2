package org.astrolabe.core;

import java.net.URI;

/**
 * What the caller supplied cannot be used: a malformed URL, a document that is not what the
 * protocol requires (a truncated or malformed VOTable, an XML document with a DOCTYPE), a bad
 * parameter value. The message names the offending value.
 */
public class InvalidInputException extends AstrolabeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message sentence for a user naming the bad value
     * @param uri the resource concerned, or {@code null}
     * @param cause the parser's failure, or {@code null}
     */
    public InvalidInputException(String message, URI uri, Throwable cause) {
        super(message, uri, cause);
    }
}
