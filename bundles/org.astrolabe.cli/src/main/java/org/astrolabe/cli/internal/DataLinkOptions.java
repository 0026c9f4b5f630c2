package org.astrolabe.cli.internal;

import java.net.URI;
import java.net.URISyntaxException;

import picocli.CommandLine.Option;

/**
 * Where the DataLink {links} service is, for {@code links} and {@code cutout}: {@code --datalink},
 * else {@code $ASTROLABE_DATALINK}. Dataset identifiers are resolved there; SODA services come from
 * its answers.
 */
final class DataLinkOptions {

    @Option(names = "--datalink", paramLabel = "URL",
            description = "the DataLink {links} endpoint (default: $ASTROLABE_DATALINK)")
    String datalink;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "50",
            description = "identifiers per DataLink request (default: ${DEFAULT-VALUE})")
    int batch;

    /** @throws IllegalArgumentException when no endpoint is given or it is not an http(s) URL */
    URI endpoint() {
        String s = datalink != null ? datalink : System.getenv("ASTROLABE_DATALINK");
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("no DataLink service given: use --datalink URL (the {links} endpoint, "
                    + "e.g. https://example.org/datalink/links) or set ASTROLABE_DATALINK");
        }
        try {
            URI uri = new URI(s.strip());
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
                throw new IllegalArgumentException("not an http(s) DataLink URL: " + s);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid DataLink URL: " + s);
        }
    }
}
