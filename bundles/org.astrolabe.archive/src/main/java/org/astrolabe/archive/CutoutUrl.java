package org.astrolabe.archive;

import java.net.URI;
import java.util.Objects;

/**
 * A SODA sync cutout URL of one dataset. Immutable.
 *
 * @param id the dataset identifier
 * @param url the complete GET URL (descriptor's access URL with ID, RUNID when given, POS)
 */
public record CutoutUrl(String id, URI url) {

    /** @throws NullPointerException if a value is missing */
    public CutoutUrl {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
    }
}
