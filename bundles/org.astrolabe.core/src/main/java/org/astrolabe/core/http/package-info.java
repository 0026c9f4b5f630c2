/**
 * The HTTP transport every Astrolabe protocol client uses: {@link org.astrolabe.core.http.HttpTransport}
 * (an OSGi service) and its request, answer and settings types.
 */
package org.astrolabe.core.http;
