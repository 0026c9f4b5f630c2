package org.astrolabe.core;

import java.net.URI;

/**
 * Root of Astrolabe's checked failures. Each subclass names what the caller must decide
 * (retry later, log in, fix the query, give up), and every message names the URL or job
 * concerned so that it can be shown to a user as it is.
 *
 * <p>Cancellation is never reported through this hierarchy: cancelled operations throw
 * {@link org.eclipse.core.runtime.OperationCanceledException}.
 */
public abstract class AstrolabeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final URI uri;

    /** Longest message kept; a quoted document can make a parser's message arbitrarily long. */
    static final int MAX_MESSAGE = 2000;

    /**
     * @param message a complete sentence for a user; must not contain credentials. It is made one
     *        line (line breaks and other control characters, which a parser's message may quote from
     *        the document, become spaces) and cut at 2,000 characters.
     * @param uri the resource concerned, or {@code null} when none applies
     * @param cause the underlying failure, or {@code null}
     */
    protected AstrolabeException(String message, URI uri, Throwable cause) {
        super(oneLine(message), cause);
        this.uri = uri;
    }

    static String oneLine(String message) {
        if (message == null) {
            return null;
        }
        String line = message.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 1) + "\u2026";
    }

    /** @return the resource concerned, or {@code null} when none applies */
    public URI uri() {
        return uri;
    }
}
