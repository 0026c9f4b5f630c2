/** Implementation of the FITS reader on nom-tam-fits. */
package org.astrolabe.datalink.internal.fits;
