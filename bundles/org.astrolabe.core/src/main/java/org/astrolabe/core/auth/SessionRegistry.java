package org.astrolabe.core.auth;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The sessions currently logged in, one per archive, looked up by origin. Published as an OSGi
 * service by {@code org.astrolabe.core}; the HTTP transport consults it for every request and
 * every redirect hop. A plug-in that built a session itself (the equivalent of astroquery's
 * {@code auth_session}) hands it to Astrolabe with {@link #register(AuthSession)}.
 *
 * <p>An origin belongs to at most one session: registering a session takes its origins away from
 * any session that had them, and a session left without origins is removed. Thread-safe.
 */
public interface SessionRegistry {

    /** Told when a session is removed (logout, or replaced by a newer login for the same origins). */
    @FunctionalInterface
    interface Listener {
        /**
         * Called after {@code session} left the registry, so that connections, TLS sessions and
         * caches that carry its credentials can be closed. Must not block.
         *
         * @param session the session removed
         */
        void sessionRemoved(AuthSession session);
    }

    /**
     * Makes {@code session} the session of all its origins.
     *
     * @param session the session to use from now on
     * @throws NullPointerException if {@code session} is null
     */
    void register(AuthSession session);

    /**
     * @param uri a request URL
     * @return the session whose origins include the origin of {@code uri}, if any
     */
    Optional<AuthSession> sessionFor(URI uri);

    /**
     * Removes {@code session} (logout) and tells the listeners.
     *
     * @param session a session registered before
     * @return whether it was registered
     */
    boolean remove(AuthSession session);

    /** @return the sessions registered now, in no particular order */
    List<AuthSession> sessions();

    /** @param listener told of every removal from now on */
    void addListener(Listener listener);

    /** @param listener no longer told */
    void removeListener(Listener listener);
}
