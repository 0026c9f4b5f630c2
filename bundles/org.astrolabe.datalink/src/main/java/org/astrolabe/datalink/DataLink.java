package org.astrolabe.datalink;

import java.net.URI;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One row of a DataLink {@code {links}} table (DataLink 1.1). Exactly one of access URL, service
 * definition and error message is normally set; {@link #isError()} tells the per-ID error rows
 * apart. Immutable and thread-safe.
 *
 * @param id the dataset identifier the row belongs to (column {@code ID})
 * @param accessUrl {@code access_url}, or {@code null}
 * @param serviceDef {@code service_def}: the ID of a service descriptor in the same document, or ""
 * @param errorMessage {@code error_message}, or "" when the row is not an error
 * @param semantics {@code semantics}, e.g. {@code #this}, {@code #preview}; "" when missing
 * @param description {@code description}, or ""
 * @param contentType {@code content_type}, or ""
 * @param contentLength {@code content_length} in bytes, or {@code -1} when unknown
 * @param contentQualifier {@code content_qualifier}, or ""
 * @param localSemantics {@code local_semantics}, or ""
 * @param linkAuth {@code link_auth} ({@code false}, {@code optional}, {@code true}), or ""
 * @param linkAuthorized {@code link_authorized} (or CADC's {@code readable}), or {@code null}
 *        when the service does not say
 */
public record DataLink(String id, URI accessUrl, String serviceDef, String errorMessage, String semantics,
        String description, String contentType, long contentLength, String contentQualifier,
        String localSemantics, String linkAuth, Boolean linkAuthorized) {

    /** @throws NullPointerException if the id is {@code null} */
    public DataLink {
        Objects.requireNonNull(id, "id");
        serviceDef = nonNull(serviceDef);
        errorMessage = nonNull(errorMessage);
        semantics = nonNull(semantics);
        description = nonNull(description);
        contentType = nonNull(contentType);
        contentQualifier = nonNull(contentQualifier);
        localSemantics = nonNull(localSemantics);
        linkAuth = nonNull(linkAuth);
        if (contentLength < 0) {
            contentLength = -1;
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.strip();
    }

    /** @return {@code true} for an error row: the service could not give this link (or the whole ID) */
    public boolean isError() {
        return !errorMessage.isEmpty();
    }

    /** @return {@code true} if this row points at a service descriptor rather than a file */
    public boolean isService() {
        return !serviceDef.isEmpty();
    }

    /** @return the content length, if the service gave one */
    public OptionalLong length() {
        return contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength);
    }
}
