package org.astrolabe.datalink.fits;

import java.nio.file.Path;
import java.util.List;

/**
 * An open FITS file: its HDUs with their headers, and pixel values of image HDUs. Not
 * thread-safe; close it to release the file (a {@link FitsReader.Mode#LAZY} file stays open
 * until then).
 */
public interface FitsFile extends AutoCloseable {

    /** @return the file this was read from */
    Path path();

    /** @return every HDU, primary first; never empty */
    List<FitsHdu> hdus();

    /**
     * @param index 0 for the primary HDU
     * @return that HDU
     * @throws IndexOutOfBoundsException when the file has fewer HDUs
     */
    default FitsHdu hdu(int index) {
        return hdus().get(index);
    }

    /** Releases the file. Never throws. */
    @Override
    void close();
}
