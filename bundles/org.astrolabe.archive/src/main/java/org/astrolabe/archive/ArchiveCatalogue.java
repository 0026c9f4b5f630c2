package org.astrolabe.archive;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.astrolabe.core.AstrolabeException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The archives Astrolabe knows: presets (CADC, the Chandra Source Catalog, the Keck Observatory
 * Archive, the local test server) and services the user added, kept in a small file written
 * atomically. Resolves archives whose services are IVOA identifiers through a registry's
 * {@code resource-caps} document and the services' VOSI capabilities, caching the result for a
 * refresh period. Published as an OSGi service; thread-safe.
 */
public interface ArchiveCatalogue {

    /** @return the presets, then the user's archives, each name once (a user's archive may not shadow a preset) */
    List<Archive> archives();

    /**
     * @param name an archive's short name, any case
     * @return that archive
     */
    Optional<Archive> find(String name);

    /**
     * What {@code --service} means: a preset or saved name, a TAP base URL, or an IVOA identifier
     * (an archive not saved, ObsCore profile; CAOM2 for CADC's {@code ivo://cadc.nrc.ca/argus}).
     *
     * @param service the text the user gave
     * @return the archive
     * @throws IllegalArgumentException naming the text when it is neither a known name nor a URL or
     *         identifier, listing the known names
     */
    Archive lookup(String service);

    /**
     * Saves a user's archive (replacing a saved one of the same name).
     *
     * @param archive the archive; its {@code preset} flag is ignored
     * @return the archive as saved
     * @throws IllegalArgumentException when the name is a preset's
     * @throws java.io.IOException when the file cannot be written (nothing changed then)
     */
    Archive add(Archive archive) throws java.io.IOException;

    /**
     * @param name a user's archive
     * @return {@code true} if it was there and is now removed
     * @throws IllegalArgumentException when the name is a preset's
     * @throws java.io.IOException when the file cannot be written (nothing changed then)
     */
    boolean remove(String name) throws java.io.IOException;

    /**
     * Resolves an archive's services to URLs, from the cache while it is fresh.
     *
     * @param archive the archive
     * @param registry the resource-caps document to use, or {@code null} for the archive's own
     *        or the catalogue's default
     * @param monitor cancellation, may be {@code null}
     * @return the URLs
     * @throws org.astrolabe.core.NotFoundException when the registry does not list an identifier,
     *         or a service's capabilities lack the standard needed (naming both)
     * @throws org.astrolabe.core.TransientException when the registry or a service cannot be reached
     * @throws AstrolabeException for other failures of the registry or the capabilities
     */
    ResolvedArchive resolve(Archive archive, URI registry, IProgressMonitor monitor) throws AstrolabeException;
}
