/**
 * Archive recipes on top of TAP, DataLink and SODA: the high-level calls of astroquery.cadc
 * (collections, region, name, data URLs, image URLs, images) for CADC's CAOM2 schema and for any
 * ObsCore service, behind one API ({@link org.astrolabe.archive.ArchiveRecipes}); and the catalogue
 * of archives ({@link org.astrolabe.archive.ArchiveCatalogue}): presets and user-added services.
 */
package org.astrolabe.archive;
