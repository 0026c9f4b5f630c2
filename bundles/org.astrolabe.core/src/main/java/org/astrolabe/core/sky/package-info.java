/**
 * Sky positions and angles as users type them: sexagesimal ({@code 08h45m07.5s +54d18m00s},
 * {@code 08:45:07.5 +54:18:00}) or decimal degrees, radii with units ({@code 1arcmin},
 * {@code 0.1deg}, {@code 30arcsec}, plain numbers in degrees). Values are records that validate.
 */
package org.astrolabe.core.sky;
