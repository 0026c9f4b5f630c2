package org.astrolabe.datalink.fits;

import java.util.List;
import java.util.Optional;

import org.astrolabe.core.InvalidInputException;

/**
 * One header-data unit of a {@link FitsFile}. Belongs to its file: not thread-safe, and pixel
 * reads of a lazy file fail once the file is closed.
 */
public interface FitsHdu {

    /** The kinds of HDU. */
    enum Kind {
        /** An image (the primary HDU is one, possibly empty). */
        IMAGE,
        /** A binary table. */
        BINARY_TABLE,
        /** An ASCII table. */
        ASCII_TABLE,
        /** Anything else nom-tam-fits reads (random groups, undefined). */
        OTHER
    }

    /** @return the position in the file, 0 for the primary HDU */
    int index();

    /** @return the kind of HDU */
    Kind kind();

    /** @return the header cards in file order (COMMENT and HISTORY included), {@code END} excluded */
    List<HeaderCard> cards();

    /**
     * @param keyword a keyword, case-insensitive
     * @return the value of its first card, as written (strings without quotes)
     */
    Optional<String> value(String keyword);

    /** @return BITPIX (8, 16, 32, 64, -32, -64) */
    int bitpix();

    /**
     * @return the axis lengths NAXIS1, NAXIS2, ... in FITS order (x first); empty when there is no
     *         data
     */
    List<Integer> shape();

    /** @return the world coordinate keywords, when the header has CTYPE1 or CRVAL1 */
    Optional<Wcs> wcs();

    /**
     * Reads one pixel of an image, with BSCALE and BZERO applied.
     *
     * @param position 0-based pixel indices in FITS order (x first), one per axis
     * @return the physical value
     * @throws IllegalArgumentException when this is not an image or the position does not fit its shape
     * @throws InvalidInputException naming the file when the data cannot be read (truncated file)
     */
    double pixel(int... position) throws InvalidInputException;

    /**
     * One header card.
     *
     * @param keyword the keyword
     * @param value the value as written, strings without quotes, or {@code null} for none
     * @param comment the comment, or {@code null}
     */
    record HeaderCard(String keyword, String value, String comment) {
        /** @throws IllegalArgumentException if the keyword is blank */
        public HeaderCard {
            if (keyword == null || keyword.isBlank()) {
                throw new IllegalArgumentException("A header card needs a keyword");
            }
        }
    }
}
