package org.astrolabe.archive;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.sky.Angle;
import org.astrolabe.core.sky.SkyPosition;
import org.astrolabe.core.votable.ResultTable;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The archive recipes of astroquery.cadc for any archive: one API, the archive's
 * {@link Profile} picks the tables (CAOM2 or ObsCore). Published as an OSGi service; thread-safe.
 *
 * <p>Every TAP failure surfaces as the TAP client's typed exceptions (see
 * {@link org.astrolabe.tap.TapClient#query}); every DataLink failure as the resolver's (see
 * {@link org.astrolabe.datalink.DataLinkResolver#resolve}).
 */
public interface ArchiveRecipes {

    /**
     * @param archive the archive
     * @param monitor cancellation, may be {@code null}
     * @return each collection with its energy bands (sorted; an empty list when the archive gives none)
     * @throws AstrolabeException when the query fails
     */
    Map<String, List<String>> collections(ResolvedArchive archive, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * @param archive the archive
     * @param query position, radius, filters, MAXREC
     * @param monitor cancellation, may be {@code null}
     * @return the observations (CAOM2: junk-quality planes left out); {@link ResultTable#isTruncated()}
     *         tells whether MAXREC cut it
     * @throws AstrolabeException when the query fails
     */
    ResultTable region(ResolvedArchive archive, RegionQuery query, IProgressMonitor monitor) throws AstrolabeException;

    /**
     * @param archive the archive
     * @param target part of a target name; matched case-insensitively as a plain substring (quotes,
     *        {@code %} and {@code _} are data, never ADQL or wildcards)
     * @param maxrec the MAXREC to send, if any
     * @param monitor cancellation, may be {@code null}
     * @return the observations whose target name contains {@code target}
     * @throws IllegalArgumentException when the target is blank
     * @throws AstrolabeException when the query fails
     */
    ResultTable name(ResolvedArchive archive, String target, OptionalLong maxrec, IProgressMonitor monitor)
            throws AstrolabeException;

    /**
     * @param archive the archive
     * @param table a result of {@link #region} or {@link #name} (or a saved one)
     * @return the dataset identifiers of its rows (the profile's id column, any case), blanks and
     *         duplicates left out, in row order
     * @throws IllegalArgumentException naming the column when the table lacks it
     * @throws java.io.IOException when a disk-backed table cannot be read
     */
    List<String> ids(ResolvedArchive archive, ResultTable table) throws java.io.IOException;

    /**
     * Download URLs through DataLink (identifiers in batches of 20; the archive's {@code REQUEST}
     * sent), {@code #this} links only unless auxiliaries are asked for, package links skipped.
     * ObsCore archives without DataLink use ObsCore's {@code access_url}.
     *
     * @param archive the archive
     * @param ids dataset identifiers
     * @param auxiliaries also keep auxiliary (and calibration) links
     * @param monitor cancellation, may be {@code null}
     * @return the links and one problem per identifier that gave none
     * @throws AstrolabeException when DataLink (or the access_url query) fails as a whole
     */
    DataUrls dataUrls(ResolvedArchive archive, List<String> ids, boolean auxiliaries, IProgressMonitor monitor)
            throws AstrolabeException;

    /**
     * SODA sync cutout URLs from the datasets' {@code #cutout} service descriptors:
     * {@code accessURL?ID=..&RUNID=..&POS=CIRCLE ra dec r}.
     *
     * @param archive the archive (must have DataLink)
     * @param ids dataset identifiers
     * @param position the cutout's centre
     * @param radius the cutout's radius
     * @param monitor cancellation, may be {@code null}
     * @return the URLs, and one problem per dataset that gave none
     * @throws org.astrolabe.core.InvalidInputException when the archive has no DataLink service
     * @throws AstrolabeException when DataLink fails as a whole
     */
    CutoutUrls imageUrls(ResolvedArchive archive, List<String> ids, SkyPosition position, Angle radius,
            IProgressMonitor monitor) throws AstrolabeException;

    /**
     * Cutouts around a position: the region's observations (optionally one collection), their
     * cutout URLs, the downloads, each file opened as FITS. A download that fails (authentication,
     * not found) or a file that is not FITS is reported in its {@link ImageFile}, never dropped.
     *
     * @param archive the archive
     * @param query the region and filters (its radius is also the cutout's)
     * @param directory where the files go
     * @param monitor cancellation, may be {@code null}
     * @return one file entry per cutout URL, and one problem per dataset that gave no URL
     * @throws AstrolabeException when the query or DataLink fails as a whole
     */
    Images images(ResolvedArchive archive, RegionQuery query, Path directory, IProgressMonitor monitor)
            throws AstrolabeException;

    /**
     * The same recipes sending its requests with other time-outs or User-Agent (e.g. a command line's
     * {@code --timeout}), over connections of its own; this one is unchanged.
     *
     * @param settings the transport settings to use
     * @return a new recipes
     * @throws UnsupportedOperationException when this implementation cannot change its transport
     *         (Astrolabe's service always can)
     */
    default ArchiveRecipes withSettings(org.astrolabe.core.http.TransportSettings settings) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot change its transport settings");
    }
}
