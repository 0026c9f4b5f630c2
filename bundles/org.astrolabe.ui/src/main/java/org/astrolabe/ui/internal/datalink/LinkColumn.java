package org.astrolabe.ui.internal.datalink;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ServiceDescriptor;

/**
 * The text of each column of the DataLink tree: semantics group or link, description, content
 * type, size, dataset. Stateless apart from the document and the downloaded files it is given.
 */
enum LinkColumn {
    /** The group's term and count, or the link: its file name, the service it describes, or its error. */
    LINK("Link", 190),
    /** The service's description of the link. */
    DESCRIPTION("Description", 230),
    /** The MIME type. */
    CONTENT_TYPE("Content type", 110),
    /** The size, when the service gives it. */
    SIZE("Size", 70),
    /** The dataset identifier the link belongs to. */
    DATASET("Dataset", 290);

    final String title;
    final int width;

    LinkColumn(String title, int width) {
        this.title = title;
        this.width = width;
    }

    /**
     * @param element a group or a link
     * @param document the document the links come from (for descriptor names), may be {@code null}
     * @param downloaded files downloaded so far, by link
     * @return the cell text
     */
    String text(Object element, LinksDocument document, Function<DataLink, Path> downloaded) {
        if (element instanceof LinkGroups.Group group) {
            return this == LINK ? group.label() + " (" + group.links().size() + ")" : "";
        }
        DataLink link = (DataLink) element;
        return switch (this) {
            case LINK -> linkText(link, document, downloaded.apply(link));
            case DESCRIPTION -> link.isError() ? link.errorMessage() : link.description();
            case CONTENT_TYPE -> link.contentType();
            case SIZE -> link.length().isPresent() ? size(link.contentLength()) : "";
            case DATASET -> link.id();
        };
    }

    private static String linkText(DataLink link, LinksDocument document, Path file) {
        if (link.isError()) {
            return "error";
        }
        if (link.isService()) {
            ServiceDescriptor d = document == null ? null : document.descriptor(link).orElse(null);
            String kind = d == null ? "service" : d.isSodaSync() ? "SODA sync" : d.isSodaAsync() ? "SODA async"
                    : "service";
            return kind + " (" + link.serviceDef() + ")";
        }
        String name = name(link.accessUrl());
        if (file == null) {
            return name;
        }
        return file.getFileName().toString().equals(name) ? name + "  ✓ downloaded" : name + "  ✓ " + file.getFileName();
    }

    /** @return the last path segment of the URL with its query, or the URL */
    static String name(URI url) {
        if (url == null) {
            return "";
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        return last.isEmpty() ? url.toString() : last + query;
    }

    /** @return bytes in B, kB, MB or GB (powers of 1000) */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
