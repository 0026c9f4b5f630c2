package org.astrolabe.archive;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One downloaded cutout, opened as FITS, or the reason it is not there. Immutable.
 *
 * @param url the cutout URL
 * @param file the FITS file, or {@code null} when the download failed
 * @param hdus the number of HDUs read, 0 when the file could not be read
 * @param problem "" when the file was downloaded and read as FITS, else a sentence naming the URL
 *        or file (authentication required, not FITS, ...)
 */
public record ImageFile(URI url, Path file, int hdus, String problem) {

    /** @throws NullPointerException if the URL is missing */
    public ImageFile {
        Objects.requireNonNull(url, "url");
        problem = Objects.requireNonNullElse(problem, "");
    }

    /** @return {@code true} when the file is on disk and is valid FITS */
    public boolean ok() {
        return problem.isEmpty();
    }
}
