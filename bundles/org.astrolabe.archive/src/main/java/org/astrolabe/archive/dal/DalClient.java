package org.astrolabe.archive.dal;

import java.net.URI;
import java.util.OptionalLong;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.datalink.soda.Interval;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Simple Cone Search and SIA 1/2 queries; the answers (VOTables) are read with Astrolabe's
 * STIL-based reader. Published as an OSGi service; thread-safe.
 *
 * <p>Every method throws {@link org.astrolabe.core.QueryFailedException} when the service answers
 * an error VOTable ({@code QUERY_STATUS=ERROR}) or a VOTable without a table (how SCS 1.0 reports errors),
 * {@link org.astrolabe.core.NotFoundException} on 404,
 * {@link org.astrolabe.core.AuthenticationException} on 401/403,
 * {@link org.astrolabe.core.TransientException} when the service cannot be reached, and
 * {@link org.astrolabe.core.InvalidInputException} when the answer is not a VOTable.
 */
public interface DalClient {

    /**
     * @param service the cone search URL (its own query string is kept)
     * @param position the centre
     * @param radius the search radius (SR)
     * @param verb VERB, 1 to 3
     * @param monitor cancellation, may be {@code null}
     * @return the rows
     * @throws IllegalArgumentException for a VERB outside 1..3
     * @throws AstrolabeException as described above
     */
    ResultTable coneSearch(URI service, SkyPosition position, Angle radius, int verb, IProgressMonitor monitor)
            throws AstrolabeException;

    /**
     * @param service the SIA 1 query URL
     * @param position POS
     * @param size SIZE (the full width of the square searched)
     * @param format FORMAT (e.g. {@code image/fits}, {@code ALL}), or {@code null} for none
     * @param monitor cancellation, may be {@code null}
     * @return the images
     * @throws AstrolabeException as described above
     */
    ResultTable sia1(URI service, SkyPosition position, Angle size, String format, IProgressMonitor monitor)
            throws AstrolabeException;

    /**
     * @param service the SIA 2 query URL
     * @param position centre of {@code POS=CIRCLE}
     * @param radius radius of {@code POS=CIRCLE}
     * @param band wavelength interval in metres ({@code BAND}), or {@code null}
     * @param time MJD interval ({@code TIME}), or {@code null}
     * @param maxrec MAXREC, if any
     * @param monitor cancellation, may be {@code null}
     * @return the ObsCore-shaped rows
     * @throws AstrolabeException as described above
     */
    ResultTable sia2(URI service, SkyPosition position, Angle radius, Interval band, Interval time,
            OptionalLong maxrec, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * The same client sending its requests with other time-outs or User-Agent (e.g. a command line's
     * {@code --timeout}), over connections of its own; this one is unchanged.
     *
     * @param settings the transport settings to use
     * @return a new client
     * @throws UnsupportedOperationException when this implementation cannot change its transport
     *         (Astrolabe's service always can)
     */
    default DalClient withSettings(org.astrolabe.core.http.TransportSettings settings) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot change its transport settings");
    }
}
