/**
 * FITS files read with nom-tam-fits: {@link org.astrolabe.datalink.fits.FitsReader} (an OSGi
 * service) opens a file whole in memory or lazily from disk as a
 * {@link org.astrolabe.datalink.fits.FitsFile}.
 */
package org.astrolabe.datalink.fits;
