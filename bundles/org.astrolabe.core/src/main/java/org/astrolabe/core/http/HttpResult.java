package org.astrolabe.core.http;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

/**
 * An HTTP answer whose body has not been read yet. The body streams from the socket; it must be
 * closed (try-with-resources) to give the connection back to the pool. Not thread-safe.
 */
public interface HttpResult extends AutoCloseable {

    /** @return the HTTP status code of the final answer (after redirects that were followed) */
    int status();

    /** @return the URI that produced this answer (differs from the request's after a redirect) */
    URI uri();

    /**
     * @param name header name, case-insensitive
     * @return the first value of that header, if present
     */
    Optional<String> header(String name);

    /** @return the media type of the body without parameters, lower case, or "" if none */
    String mediaType();

    /** @return the declared body length, or -1 when unknown */
    long contentLength();

    /**
     * The body as it arrives. Reading it checks the caller's progress monitor and throws
     * {@link org.eclipse.core.runtime.OperationCanceledException} once it is cancelled.
     *
     * @return the body stream, empty when there is none; never {@code null}
     */
    InputStream body();

    /**
     * @return whether the final request carried credentials of a session (headers or a client
     *         certificate), so that a 401 means "refused" rather than "required"
     */
    default boolean credentialsSent() {
        return false;
    }

    /** Releases the connection. Never throws. */
    @Override
    void close();
}
