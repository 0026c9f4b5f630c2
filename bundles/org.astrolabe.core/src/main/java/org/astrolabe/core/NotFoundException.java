package org.astrolabe.core;

import java.net.URI;

/** The resource does not exist (HTTP 404, an unknown job id, an unknown table). */
public class NotFoundException extends AstrolabeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message sentence for a user
     * @param uri the resource that was not found
     */
    public NotFoundException(String message, URI uri) {
        super(message, uri, null);
    }
}
