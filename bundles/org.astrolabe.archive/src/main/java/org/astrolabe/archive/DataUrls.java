package org.astrolabe.archive;

import java.util.List;

import org.astrolabe.datalink.DataLink;

/**
 * The download links of datasets. Immutable.
 *
 * @param links the links kept ({@code #this}, and auxiliaries when asked), in identifier order
 * @param problems one sentence per identifier (or link) that gave no URL: a DataLink error row,
 *        an identifier the service does not know; never dropped silently
 */
public record DataUrls(List<DataLink> links, List<String> problems) {

    /** Copies both lists. */
    public DataUrls {
        links = List.copyOf(links);
        problems = List.copyOf(problems);
    }
}
