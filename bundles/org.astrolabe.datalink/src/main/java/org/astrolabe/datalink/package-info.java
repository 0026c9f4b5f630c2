/**
 * From dataset identifiers to files: DataLink documents and their service descriptors, SODA
 * cutouts, downloads, and FITS files opened with nom-tam-fits. Every capability is an OSGi
 * Declarative Services service.
 */
package org.astrolabe.datalink;
