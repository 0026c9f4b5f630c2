package org.astrolabe.tap.uws;

import java.net.URI;
import java.util.Objects;

/**
 * One entry of a job's {@code results} list. Immutable.
 *
 * @param id the result's name ({@code result} for a TAP query)
 * @param href where it can be fetched; absolute
 */
public record JobResult(String id, URI href) {

    /** @throws IllegalArgumentException if the id is blank or the href is not absolute */
    public JobResult {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A UWS result needs an id");
        }
        Objects.requireNonNull(href, () -> "Result " + id + " has no URL");
        if (!href.isAbsolute()) {
            throw new IllegalArgumentException("The URL of result " + id + " is not absolute: " + href);
        }
    }
}
