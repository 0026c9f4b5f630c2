package org.astrolabe.archive;

import java.util.List;

/**
 * Cutout URLs of datasets. Immutable.
 *
 * @param urls one URL per dataset that offers a SODA sync cutout covering the circle
 * @param problems one sentence per dataset that gave none (no cutout service, circle outside
 *        the image, DataLink error)
 */
public record CutoutUrls(List<CutoutUrl> urls, List<String> problems) {

    /** Copies both lists. */
    public CutoutUrls {
        urls = List.copyOf(urls);
        problems = List.copyOf(problems);
    }
}
