package org.astrolabe.datalink.internal.fits;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.datalink.fits.FitsHdu;
import org.astrolabe.datalink.fits.Wcs;

import nom.tam.fits.AsciiTableHDU;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Header;
import nom.tam.fits.ImageHDU;
import nom.tam.util.Cursor;

/** One HDU read by nom-tam-fits. Not thread-safe (nom-tam-fits' readers are not). */
final class NomTamHdu implements FitsHdu {

    private final Path file;
    private final int index;
    private final BasicHDU<?> hdu;
    private final Header header;

    NomTamHdu(Path file, int index, BasicHDU<?> hdu) {
        this.file = file;
        this.index = index;
        this.hdu = hdu;
        this.header = hdu.getHeader();
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public Kind kind() {
        if (hdu instanceof ImageHDU) {
            return Kind.IMAGE;
        }
        if (hdu instanceof BinaryTableHDU) {
            return Kind.BINARY_TABLE;
        }
        if (hdu instanceof AsciiTableHDU) {
            return Kind.ASCII_TABLE;
        }
        return Kind.OTHER;
    }

    @Override
    public List<HeaderCard> cards() {
        List<HeaderCard> cards = new ArrayList<>();
        Cursor<String, nom.tam.fits.HeaderCard> c = header.iterator();
        while (c.hasNext()) {
            nom.tam.fits.HeaderCard card = c.next();
            String key = card.getKey();
            if (key == null || key.isBlank() || key.equals("END")) {
                continue;
            }
            cards.add(new HeaderCard(key, card.getValue(), card.getComment()));
        }
        return cards;
    }

    @Override
    public Optional<String> value(String keyword) {
        nom.tam.fits.HeaderCard card = header.findCard(keyword.toUpperCase(Locale.ROOT));
        return card == null ? Optional.empty() : Optional.ofNullable(card.getValue());
    }

    @Override
    public int bitpix() {
        return header.getIntValue("BITPIX");
    }

    @Override
    public List<Integer> shape() {
        int naxis = header.getIntValue("NAXIS", 0);
        List<Integer> shape = new ArrayList<>();
        for (int i = 1; i <= naxis; i++) {
            shape.add(header.getIntValue("NAXIS" + i, 0));
        }
        return shape.stream().anyMatch(n -> n == 0) && kind() == Kind.IMAGE ? List.of() : List.copyOf(shape);
    }

    @Override
    public Optional<Wcs> wcs() {
        if (!header.containsKey("CTYPE1") && !header.containsKey("CRVAL1")) {
            return Optional.empty();
        }
        int n = Math.max(header.getIntValue("WCSAXES", 0), header.getIntValue("NAXIS", 0));
        while (n > 0 && !header.containsKey("CTYPE" + n) && !header.containsKey("CRVAL" + n)) {
            n--;
        }
        n = Math.max(n, 1);
        List<String> ctype = new ArrayList<>();
        List<Double> crval = new ArrayList<>();
        List<Double> crpix = new ArrayList<>();
        List<Double> cdelt = new ArrayList<>();
        List<String> cunit = new ArrayList<>();
        List<List<Double>> cd = new ArrayList<>();
        boolean hasCd = false;
        for (int i = 1; i <= n; i++) {
            ctype.add(header.getStringValue("CTYPE" + i, "").strip());
            crval.add(header.getDoubleValue("CRVAL" + i, 0));
            crpix.add(header.getDoubleValue("CRPIX" + i, 0));
            cdelt.add(header.getDoubleValue("CDELT" + i, 1));
            cunit.add(header.getStringValue("CUNIT" + i, "").strip());
            List<Double> row = new ArrayList<>();
            for (int j = 1; j <= n; j++) {
                String key = "CD" + i + "_" + j;
                hasCd |= header.containsKey(key);
                row.add(header.getDoubleValue(key, 0));
            }
            cd.add(row);
        }
        return Optional.of(new Wcs(ctype, crval, crpix, cdelt, cunit, hasCd ? cd : List.of()));
    }

    @Override
    public double pixel(int... position) throws InvalidInputException {
        if (!(hdu instanceof ImageHDU image)) {
            throw new IllegalArgumentException("HDU " + index + " of " + file + " is not an image");
        }
        List<Integer> shape = shape();
        if (position.length != shape.size()) {
            throw new IllegalArgumentException("HDU " + index + " of " + file + " has " + shape.size()
                    + " axes, not " + position.length + " (" + Arrays.toString(position) + ")");
        }
        int n = position.length;
        int[] corners = new int[n];
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            if (position[i] < 0 || position[i] >= shape.get(i)) {
                throw new IllegalArgumentException("Pixel " + Arrays.toString(position) + " is outside the "
                        + shape + " image of HDU " + index + " of " + file);
            }
            // nom-tam-fits indexes arrays in Java order: the last FITS axis first.
            corners[n - 1 - i] = position[i];
            lengths[i] = 1;
        }
        Object tile;
        try {
            tile = image.getTiler().getTile(corners, lengths);
        } catch (IOException | RuntimeException e) {
            throw NomTamFitsReader.invalid(file, "pixel " + Arrays.toString(position) + " of HDU " + index
                    + " cannot be read (" + e.getMessage() + ")", e);
        }
        double raw = tile instanceof byte[] b ? b[0] & 0xFF : Array.getDouble(tile, 0);
        return raw * header.getDoubleValue("BSCALE", 1) + header.getDoubleValue("BZERO", 0);
    }

}
