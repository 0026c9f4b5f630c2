package org.astrolabe.archive;

import java.util.List;

/**
 * The outcome of {@link ArchiveRecipes#images}. Immutable.
 *
 * @param files one entry per cutout URL (downloaded and read, or its problem)
 * @param problems one sentence per dataset that gave no cutout URL
 */
public record Images(List<ImageFile> files, List<String> problems) {

    /** Copies both lists. */
    public Images {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /** @return {@code true} when every cutout is a valid FITS file and no dataset had a problem */
    public boolean complete() {
        return problems.isEmpty() && files.stream().allMatch(ImageFile::ok);
    }
}
