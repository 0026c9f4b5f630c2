/**
 * Simple DAL clients: Simple Cone Search (RA, DEC, SR, VERB) and SIA (version 1: POS, SIZE,
 * FORMAT; version 2: POS, BAND, TIME), as the Chandra Source Catalog guide uses them, and the
 * optional CDS Sesame name resolver.
 */
package org.astrolabe.archive.dal;
