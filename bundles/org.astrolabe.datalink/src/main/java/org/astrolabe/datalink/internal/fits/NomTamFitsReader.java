package org.astrolabe.datalink.internal.fits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.datalink.fits.FitsFile;
import org.astrolabe.datalink.fits.FitsHdu;
import org.astrolabe.datalink.fits.FitsReader;
import org.osgi.service.component.annotations.Component;

import nom.tam.fits.BasicHDU;
import nom.tam.fits.Fits;

/**
 * {@link FitsReader} on nom-tam-fits. A lazy file keeps nom-tam-fits' random-access reader open
 * and reads pixels through its image tiler; a file read into memory is read whole and closed.
 * Either way the HDU sizes the headers announce are checked against the file's length, so a
 * truncated file is refused when opened rather than half-read later.
 */
@Component(service = FitsReader.class)
public final class NomTamFitsReader implements FitsReader {

    private static final int BLOCK = 2880;

    @Override
    public FitsFile open(Path file, Mode mode) throws InvalidInputException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("Not a readable FITS file: " + file + " does not exist", file.toUri(),
                    null);
        }
        Fits fits = null;
        try {
            long length = Files.size(file);
            if (length < BLOCK) {
                throw invalid(file, "it is shorter than one FITS block (" + length + " bytes)", null);
            }
            fits = new Fits(file.toFile());
            BasicHDU<?>[] read = fits.read();
            if (read == null || read.length == 0) {
                throw invalid(file, "it holds no HDU", null);
            }
            long announced = 0;
            for (BasicHDU<?> hdu : read) {
                announced += hdu.getHeader().getSize() + hdu.getHeader().getDataSize();
            }
            // The last HDU's padding is often missing and is tolerated; anything more is truncation.
            if (length <= announced - BLOCK) {
                throw invalid(file, "it is truncated: its headers announce " + announced + " bytes, the file has "
                        + length, null);
            }
            List<FitsHdu> hdus = new ArrayList<>();
            for (int i = 0; i < read.length; i++) {
                if (mode == Mode.MEMORY) {
                    read[i].getData().getData();
                }
                hdus.add(new NomTamHdu(file, i, read[i]));
            }
            if (mode == Mode.MEMORY) {
                fits.close();
                fits = null;
                return new NomTamFitsFile(file, hdus, null);
            }
            NomTamFitsFile open = new NomTamFitsFile(file, hdus, fits);
            fits = null;
            return open;
        } catch (IOException | RuntimeException e) {
            throw invalid(file, "nom-tam-fits cannot read it (" + e.getMessage() + ")", e);
        } finally {
            if (fits != null) {
                try {
                    fits.close();
                } catch (IOException ignored) {
                    // reading failed already
                }
            }
        }
    }

    static InvalidInputException invalid(Path file, String why, Throwable cause) {
        return new InvalidInputException("Not a valid FITS file: " + file + ": " + why, file.toUri(), cause);
    }

    /** The open file: its HDUs, and nom-tam-fits' reader while lazy. */
    private record NomTamFitsFile(Path path, List<FitsHdu> hdus, Fits fits) implements FitsFile {
        NomTamFitsFile {
            hdus = List.copyOf(hdus);
        }

        @Override
        public void close() {
            if (fits != null) {
                try {
                    fits.close();
                } catch (IOException ignored) {
                    // nothing more can be done with the file
                }
            }
        }
    }
}
