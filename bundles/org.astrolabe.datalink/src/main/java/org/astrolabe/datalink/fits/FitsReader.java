package org.astrolabe.datalink.fits;

import java.nio.file.Path;

import org.astrolabe.core.InvalidInputException;

/**
 * Opens FITS files with nom-tam-fits. Published as an OSGi service; stateless and thread-safe.
 */
public interface FitsReader {

    /** How much of a file is read when it is opened. */
    enum Mode {
        /** Every HDU, headers and data, read at once; the file is closed before {@code open} returns. */
        MEMORY,
        /** Headers read at once; pixels read from disk when asked for (the file stays open until closed). */
        LAZY
    }

    /**
     * @param file a FITS file
     * @param mode whole in memory or lazily from disk
     * @return the open file; the caller must close it
     * @throws InvalidInputException naming the file when it is missing, unreadable, not FITS,
     *         malformed or truncated
     */
    FitsFile open(Path file, Mode mode) throws InvalidInputException;
}
