package org.astrolabe.archive.dal;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.sky.SkyPosition;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Resolves object names ({@code M31}, {@code NGC 2403}) to positions through CDS Sesame. Optional:
 * it needs the network to reach CDS. Published as an OSGi service; thread-safe.
 */
public interface NameResolver {

    /**
     * @param name an object name
     * @param monitor cancellation, may be {@code null}
     * @return its ICRS position
     * @throws org.astrolabe.core.TransientException when Sesame cannot be reached (the message says
     *         so and suggests giving coordinates instead)
     * @throws org.astrolabe.core.NotFoundException when Sesame does not know the name
     * @throws org.astrolabe.core.InvalidInputException when the answer is not a Sesame document
     * @throws IllegalArgumentException when the name is blank
     */
    SkyPosition resolve(String name, IProgressMonitor monitor) throws AstrolabeException;
}
