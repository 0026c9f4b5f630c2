/**
 * SODA cutouts: value types for the cutout parameters (validated when built) and the
 * {@link org.astrolabe.datalink.soda.CutoutService} that sends them, sync or async.
 */
package org.astrolabe.datalink.soda;
