package org.astrolabe.auth;

import java.net.URI;
import java.util.Optional;

import org.astrolabe.core.AstrolabeException;

/**
 * Logins the user asked to be remembered, kept encrypted in Equinox secure storage, keyed by the
 * normalised service URL ({@link ServiceUrls#normalise(URI)}). Nothing is ever written in clear.
 * Published as an OSGi service; thread-safe.
 */
public interface CredentialStore {

    /**
     * @param service the service URL
     * @param login what to remember
     * @throws AstrolabeException when secure storage cannot be written (the message says why)
     */
    void save(URI service, RememberedLogin login) throws AstrolabeException;

    /**
     * @param service the service URL
     * @return the remembered login, if any
     * @throws AstrolabeException when secure storage cannot be read (e.g. wrong master password)
     */
    Optional<RememberedLogin> load(URI service) throws AstrolabeException;

    /**
     * @param service the service URL
     * @return whether something was removed
     * @throws AstrolabeException when secure storage cannot be written
     */
    boolean remove(URI service) throws AstrolabeException;
}
