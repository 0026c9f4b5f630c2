package org.astrolabe.core.votable;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes result tables in any {@link TableFormat} through STIL. Files are written under a
 * temporary name beside the target and renamed only when complete, so a failure never leaves a
 * partial file that looks finished. Stateless and thread-safe.
 */
public final class ResultWriter {

    /**
     * @param table what to write
     * @param format how to write it
     * @param out where to write it; flushed, not closed
     * @throws IOException if writing fails (the stream's own failure)
     */
    public void write(ResultTable table, TableFormat format, OutputStream out) throws IOException {
        format.newWriter().writeStarTable(table.starTable(), out);
        out.flush();
    }

    /**
     * @param table what to write
     * @param format how to write it
     * @param file the finished file; replaced if it exists
     * @throws IOException if the file cannot be written (disk full, no permission); the target is
     *         then left untouched and no temporary file remains
     */
    public void write(ResultTable table, TableFormat format, Path file) throws IOException {
        Path temp = ResultStreamer.temporaryBeside(file);
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(table, format, out);
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
