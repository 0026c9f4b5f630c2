/**
 * TAP clients: {@link org.astrolabe.tap.TapClientFactory} (an OSGi service) makes a
 * {@link org.astrolabe.tap.TapClient} per service.
 */
package org.astrolabe.tap;
