package org.astrolabe.tap;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A TAP query: ADQL text, the row limit, the response format, the tables to upload, and whether a
 * short query may go by GET. Immutable and thread-safe; the {@code with...} methods return copies.
 *
 * @param adql the query, never blank
 * @param maxrec the MAXREC to send, or empty to let the service apply its default
 * @param responseFormat the RESPONSEFORMAT to send (e.g. {@code votable}, {@code csv},
 *        {@code application/x-votable+xml;serialization=TABLEDATA}), or empty for the service's
 *        default (a VOTable)
 * @param uploads tables sent with the query as {@code TAP_UPLOAD.name}; names are unique
 * @param preferGet send the query with GET when it has no uploads and the URL stays short;
 *        otherwise (the default) POST
 */
public record TapQuery(String adql, OptionalLong maxrec, Optional<String> responseFormat, List<TapUpload> uploads,
        boolean preferGet) {

    /**
     * @throws IllegalArgumentException if the ADQL is blank, MAXREC negative, the response format
     *         blank, or two uploads share a name
     */
    public TapQuery {
        if (adql == null || adql.isBlank()) {
            throw new IllegalArgumentException("The query is empty: give an ADQL statement");
        }
        Objects.requireNonNull(maxrec, "maxrec");
        if (maxrec.isPresent() && maxrec.getAsLong() < 0) {
            throw new IllegalArgumentException("MAXREC must not be negative: " + maxrec.getAsLong());
        }
        responseFormat = Objects.requireNonNullElse(responseFormat, Optional.empty());
        if (responseFormat.isPresent() && responseFormat.get().isBlank()) {
            throw new IllegalArgumentException("RESPONSEFORMAT must not be blank");
        }
        uploads = List.copyOf(Objects.requireNonNullElse(uploads, List.of()));
        if (uploads.stream().map(u -> u.name().toLowerCase(java.util.Locale.ROOT)).distinct().count()
                != uploads.size()) {
            throw new IllegalArgumentException("Two uploads have the same name: "
                    + uploads.stream().map(TapUpload::name).toList());
        }
    }

    /**
     * A query with ADQL and MAXREC only.
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public TapQuery(String adql, OptionalLong maxrec) {
        this(adql, maxrec, Optional.empty(), List.of(), false);
    }

    /** @return a query with the service's default row limit */
    public static TapQuery of(String adql) {
        return new TapQuery(adql, OptionalLong.empty());
    }

    /** @return a copy with MAXREC set */
    public TapQuery withMaxrec(long rows) {
        return new TapQuery(adql, OptionalLong.of(rows), responseFormat, uploads, preferGet);
    }

    /**
     * @param format a RESPONSEFORMAT value the service offers (its short name such as {@code csv} or a
     *        media type)
     * @return a copy asking for that format
     * @throws IllegalArgumentException if the format is blank
     */
    public TapQuery withResponseFormat(String format) {
        return new TapQuery(adql, maxrec, Optional.ofNullable(format).map(String::strip), uploads, preferGet);
    }

    /** @return a copy asking for the service's default output (its VOTable) */
    public TapQuery withoutResponseFormat() {
        return new TapQuery(adql, maxrec, Optional.empty(), uploads, preferGet);
    }

    /**
     * @param upload one more table to send
     * @return a copy with that upload added
     * @throws IllegalArgumentException if an upload of that name is already there
     */
    public TapQuery withUpload(TapUpload upload) {
        List<TapUpload> all = new ArrayList<>(uploads);
        all.add(Objects.requireNonNull(upload, "upload"));
        return new TapQuery(adql, maxrec, responseFormat, all, preferGet);
    }

    /** @return a copy that goes by GET when it can (no uploads, short URL) */
    public TapQuery withGet() {
        return new TapQuery(adql, maxrec, responseFormat, uploads, true);
    }
}
