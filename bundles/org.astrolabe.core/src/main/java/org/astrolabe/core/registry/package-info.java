/**
 * Service descriptions: a service named by its base URL or by an IVOA identifier
 * ({@code ivo://cadc.nrc.ca/argus}), a registry's {@code resource-caps} document (identifier →
 * capabilities URL, as CADC publishes it), and the resolver that turns an identifier into the
 * service's VOSI capabilities and from there into its endpoints.
 */
package org.astrolabe.core.registry;
