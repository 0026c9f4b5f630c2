package org.astrolabe.datalink.fits;

import java.util.List;

/**
 * The linear WCS keywords of an HDU, one entry per axis (index 0 is axis 1). Immutable.
 *
 * @param ctype CTYPEi, "" when absent
 * @param crval CRVALi, 0 when absent
 * @param crpix CRPIXi (1-based pixel), 0 when absent
 * @param cdelt CDELTi, 1 when absent
 * @param cunit CUNITi, "" when absent
 * @param cd the CDi_j matrix as rows (cd.get(i-1).get(j-1)), or empty when the header has none
 */
public record Wcs(List<String> ctype, List<Double> crval, List<Double> crpix, List<Double> cdelt,
        List<String> cunit, List<List<Double>> cd) {

    /**
     * @throws IllegalArgumentException when the lists do not all have one entry per axis, or the CD
     *         matrix is not square of that size
     */
    public Wcs {
        int n = ctype.size();
        if (n == 0 || crval.size() != n || crpix.size() != n || cdelt.size() != n || cunit.size() != n) {
            throw new IllegalArgumentException("WCS keywords must have one value per axis: CTYPE " + ctype
                    + ", CRVAL " + crval + ", CRPIX " + crpix + ", CDELT " + cdelt + ", CUNIT " + cunit);
        }
        if (!cd.isEmpty() && (cd.size() != n || cd.stream().anyMatch(r -> r.size() != n))) {
            throw new IllegalArgumentException("CD matrix must be " + n + "x" + n + ": " + cd);
        }
        ctype = List.copyOf(ctype);
        crval = List.copyOf(crval);
        crpix = List.copyOf(crpix);
        cdelt = List.copyOf(cdelt);
        cunit = List.copyOf(cunit);
        cd = cd.stream().map(List::copyOf).toList();
    }

    /** @return the number of axes */
    public int axes() {
        return ctype.size();
    }
}
