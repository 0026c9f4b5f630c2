package org.astrolabe.datalink.internal.fits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.datalink.fits.FitsFile;
import org.astrolabe.datalink.fits.FitsHdu;
import org.astrolabe.datalink.fits.FitsReader.Mode;
import org.astrolabe.datalink.fits.Wcs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The FITS reader on real files from ../shared/corpus (skipped when absent): a CADC cutout as
 * astroquery's tests recorded it, and pyvo's binary-table test file. Known values were read from
 * the files' bytes with a few lines of Python (struct), independently of nom-tam-fits.
 */
class NomTamFitsReaderTest {

    private final NomTamFitsReader reader = new NomTamFitsReader();

    @TempDir
    Path dir;

    static Path corpus(String relative) {
        String root = System.getProperty("astrolabe.corpus");
        assumeTrue(root != null, "astrolabe.corpus not set");
        Path p = Path.of(root, relative);
        assumeTrue(Files.isRegularFile(p), p + " absent");
        return p;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void cadcCutoutFromAstroquery(Mode mode) throws Exception {
        try (FitsFile f = reader.open(corpus("astroquery/cadc/query_images.fits"), mode)) {
            assertEquals(1, f.hdus().size());
            FitsHdu hdu = f.hdu(0);
            assertEquals(FitsHdu.Kind.IMAGE, hdu.kind());
            assertEquals(16, hdu.bitpix());
            assertEquals(List.of(101, 101), hdu.shape());
            Wcs wcs = hdu.wcs().orElseThrow();
            assertEquals(List.of("RA---TAN", "DEC--TAN"), wcs.ctype());
            assertEquals(List.of(280.55733, 0.15653), wcs.crval());
            assertEquals(List.of(-5356.2, 4550.7), wcs.crpix());
            assertEquals(List.of(List.of(5.194E-05, 0.0), List.of(0.0, -5.194E-05)), wcs.cd());
            // raw int16 -31574 with BZERO 32768
            assertEquals(1194.0, hdu.pixel(50, 50));
            assertEquals(1195.0, hdu.pixel(3, 7));
            assertEquals("32768.0", hdu.value("bzero").orElseThrow());
            assertTrue(hdu.cards().stream().anyMatch(c -> c.keyword().equals("CTYPE1") && c.value().equals("RA---TAN")));
            assertThrows(IllegalArgumentException.class, () -> hdu.pixel(101, 0));
            assertThrows(IllegalArgumentException.class, () -> hdu.pixel(1));
        }
    }

    @Test
    void binaryTableFromPyvo() throws Exception {
        try (FitsFile f = reader.open(corpus("pyvo/dal/mimetype/test.fits"), Mode.LAZY)) {
            assertEquals(2, f.hdus().size());
            assertEquals(FitsHdu.Kind.IMAGE, f.hdu(0).kind());
            assertEquals(List.of(), f.hdu(0).shape());
            assertEquals(FitsHdu.Kind.BINARY_TABLE, f.hdu(1).kind());
            assertEquals(List.of(7532, 1), f.hdu(1).shape());
            assertEquals(8, f.hdu(1).bitpix());
            assertTrue(f.hdu(1).wcs().isEmpty());
            assertThrows(IllegalArgumentException.class, () -> f.hdu(1).pixel(0, 0));
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void truncatedFileIsRefusedNamingIt(Mode mode) throws Exception {
        byte[] whole = Files.readAllBytes(corpus("astroquery/cadc/query_images.fits"));
        for (int keep : new int[] {whole.length - 2880 * 3, 20_000, 3000, 100}) {
            Path cut = dir.resolve("cut-" + keep + ".fits");
            Files.write(cut, java.util.Arrays.copyOf(whole, keep));
            var e = assertThrows(InvalidInputException.class, () -> reader.open(cut, mode).close(), "kept " + keep);
            assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
        }
    }

    @Test
    void notFitsAndMissingFilesAreRefused() throws Exception {
        Path text = dir.resolve("notes.fits");
        Files.writeString(text, "x".repeat(6000));
        var e = assertThrows(InvalidInputException.class, () -> reader.open(text, Mode.MEMORY));
        assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
        Path missing = dir.resolve("missing.fits");
        e = assertThrows(InvalidInputException.class, () -> reader.open(missing, Mode.LAZY));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
