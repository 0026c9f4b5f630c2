/**
 * VOSI documents: availability ({@link org.astrolabe.core.vosi.AvailabilityReader}), capabilities with
 * TAPRegExt ({@link org.astrolabe.core.vosi.CapabilitiesReader}) and tables
 * ({@link org.astrolabe.core.vosi.TablesReader}). The readers are stateless and thread-safe; the
 * records they give are immutable.
 */
package org.astrolabe.core.vosi;
