#!/usr/bin/python3
"""Deterministic FITS test products for the Astrolabe IVOA test server.

Writes into OUTDIR (default: ./data):
  img_a.fits, img_b.fits, img_c.fits   200x200 float32 images, TAN, 0.001 deg/px
  secret.fits                          200x200 float32 image (embargoed in the RD)
  cube.fits                            50x50x20 float32 cube, TAN + WAVE axis (m)

Pixel values encode their own 0-based position so that cutouts can be
checked exactly:
  images: value(x, y)    = 1000*y + x            (x = FITS axis 1, y = axis 2)
  cube:   value(x, y, k) = 10000*k + 100*y + x   (k = FITS axis 3)

The catalogue of 1,000,000 sources is not generated here: the resource
descriptor q.rd fills it with one SQL statement (see README.md).

Run with Debian's /usr/bin/python3 (python3-astropy, python3-numpy).
Usage: gen_data.py [OUTDIR] [--known-answers]
"""
import os
import sys

import numpy as np
from astropy.io import fits

# name -> (ra centre, dec centre, filter, date-obs, object, band lo/ref/hi in m)
IMAGES = [
    ("img_a", 180.0, 0.0, "V", "2020-01-01T00:00:00", "FIELD-A",
        (5.0e-7, 5.5e-7, 6.0e-7)),
    ("img_b", 181.0, 1.0, "R", "2020-02-01T00:00:00", "FIELD-B",
        (5.9e-7, 6.5e-7, 7.1e-7)),
    ("img_c", 179.0, -1.0, "B", "2020-03-01T00:00:00", "FIELD-C",
        (3.9e-7, 4.4e-7, 4.9e-7)),
    ("secret", 182.0, 2.0, "V", "2024-06-01T00:00:00", "FIELD-SECRET",
        (5.0e-7, 5.5e-7, 6.0e-7)),
]
IMG_N = 200
IMG_CDELT = 0.001          # deg / pixel  (3.6 arcsec)

CUBE_NAME = "cube"
CUBE_CENTRE = (180.5, 0.5)
CUBE_N = 50
CUBE_NSPEC = 20
CUBE_CDELT = 0.002         # deg / pixel
CUBE_WAVE0 = 5.0e-7        # m, wavelength of the first plane
CUBE_DWAVE = 1.0e-8        # m per plane  (500 nm .. 690 nm)


def _common_header(hdr, ra, dec, n, cdelt):
    hdr["CTYPE1"] = "RA---TAN"
    hdr["CTYPE2"] = "DEC--TAN"
    hdr["CUNIT1"] = "deg"
    hdr["CUNIT2"] = "deg"
    hdr["CRVAL1"] = ra
    hdr["CRVAL2"] = dec
    # centre of the frame: pixel (n+1)/2 in FITS 1-based convention
    hdr["CRPIX1"] = (n + 1) / 2.0
    hdr["CRPIX2"] = (n + 1) / 2.0
    hdr["CDELT1"] = -cdelt
    hdr["CDELT2"] = cdelt
    hdr["RADESYS"] = "ICRS"
    hdr["EQUINOX"] = 2000.0
    hdr["TELESCOP"] = "ASTROLABE-SIM"
    hdr["INSTRUME"] = "ASTROLABE-CAM"
    hdr["ORIGIN"] = "Astrolabe test-server gen_data.py"


def make_image(outdir, name, ra, dec, filt, dateobs, obj, band):
    y, x = np.mgrid[0:IMG_N, 0:IMG_N]
    data = (1000.0 * y + x).astype(np.float32)
    hdu = fits.PrimaryHDU(data)
    hdr = hdu.header
    _common_header(hdr, ra, dec, IMG_N, IMG_CDELT)
    hdr["DATE-OBS"] = dateobs
    hdr["EXPTIME"] = 60.0
    hdr["FILTER"] = filt
    hdr["OBJECT"] = obj
    hdr["WAVELO"] = (band[0], "[m] lower band limit")
    hdr["WAVEREF"] = (band[1], "[m] reference wavelength")
    hdr["WAVEHI"] = (band[2], "[m] upper band limit")
    hdr["BUNIT"] = "adu"
    hdu.writeto(os.path.join(outdir, name + ".fits"), overwrite=True,
        checksum=False)


def make_cube(outdir):
    k, y, x = np.mgrid[0:CUBE_NSPEC, 0:CUBE_N, 0:CUBE_N]
    data = (10000.0 * k + 100.0 * y + x).astype(np.float32)
    hdu = fits.PrimaryHDU(data)
    hdr = hdu.header
    _common_header(hdr, CUBE_CENTRE[0], CUBE_CENTRE[1], CUBE_N, CUBE_CDELT)
    hdr["CTYPE3"] = "WAVE"
    hdr["CUNIT3"] = "m"
    hdr["CRVAL3"] = CUBE_WAVE0
    hdr["CRPIX3"] = 1.0
    hdr["CDELT3"] = CUBE_DWAVE
    hdr["SPECSYS"] = "TOPOCENT"
    hdr["DATE-OBS"] = "2021-05-01T00:00:00"
    hdr["EXPTIME"] = 600.0
    hdr["FILTER"] = "IFU"
    hdr["OBJECT"] = "FIELD-CUBE"
    lo, hi = CUBE_WAVE0, CUBE_WAVE0 + (CUBE_NSPEC - 1) * CUBE_DWAVE
    hdr["WAVELO"] = (lo, "[m] lower band limit")
    hdr["WAVEREF"] = ((lo + hi) / 2, "[m] reference wavelength")
    hdr["WAVEHI"] = (hi, "[m] upper band limit")
    hdr["BUNIT"] = "adu"
    hdu.writeto(os.path.join(outdir, CUBE_NAME + ".fits"), overwrite=True,
        checksum=False)


# ------------------------------------------------------------------ catalogue
# Mirror of the SQL in q.rd, used only to compute known answers.
def catalogue():
    sid = np.arange(1, 1000001, dtype=np.int64)
    k = sid - 1
    ix, iy = k % 1000, k // 1000
    ra = 175.005 + 0.01 * ix
    dec = -4.995 + 0.01 * iy
    mag = 10.0 + ((sid * 7919) % 1000) / 100.0
    cls = np.where(sid % 10 < 6, "star", np.where(sid % 10 < 9, "galaxy", "qso"))
    return sid, ra, dec, mag, cls


def ang_sep(ra1, dec1, ra2, dec2):
    r1, d1, r2, d2 = map(np.radians, (ra1, dec1, ra2, dec2))
    s = np.sin((d2 - d1) / 2) ** 2 + np.cos(d1) * np.cos(d2) * np.sin((r2 - r1) / 2) ** 2
    return np.degrees(2 * np.arcsin(np.sqrt(s)))


def known_answers():
    sid, ra, dec, mag, cls = catalogue()
    print("rows", len(sid))
    print("mag<11", int((mag < 11).sum()))
    for c in ("star", "galaxy", "qso"):
        print("class", c, int((cls == c).sum()))
    for (cra, cdec, r) in [(180.005, 0.005, 0.025), (180.005, 0.005, 0.105),
            (180.0, 0.0, 0.1), (176.0, -4.0, 0.5)]:
        d = ang_sep(cra, cdec, ra, dec)
        inside = d <= r
        margin = np.min(np.abs(d - r))
        print("cone", cra, cdec, r, int(inside.sum()), "margin(deg)=%.2e" % margin)
    # sources on the footprint of img_a (180, 0) +/- 0.1 deg
    print("ra/dec box 179.9..180.1 x -0.1..0.1",
        int(((ra > 179.9) & (ra < 180.1) & (dec > -0.1) & (dec < 0.1)).sum()))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if "--known-answers" in sys.argv:
        known_answers()
        return
    outdir = args[0] if args else "data"
    os.makedirs(outdir, exist_ok=True)
    for spec in IMAGES:
        make_image(outdir, *spec)
    make_cube(outdir)


if __name__ == "__main__":
    main()
