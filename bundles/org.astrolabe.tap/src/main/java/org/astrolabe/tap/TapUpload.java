package org.astrolabe.tap;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.votable.ResultTable;

import uk.ac.starlink.table.StarTable;

/**
 * A table sent with a TAP query and visible in ADQL as {@code TAP_UPLOAD.name}. It comes from a
 * local file (VOTable as it is; CSV or FITS converted to VOTable by STIL), from an in-memory
 * table, or from a URL the service fetches itself. Immutable; the table of a {@link FromTable} is
 * only read, so one upload may be sent by several threads.
 */
public sealed interface TapUpload {

    /** Upload names are ADQL regular identifiers. */
    Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** @return the name of the table in {@code TAP_UPLOAD} */
    String name();

    /**
     * A local table file.
     *
     * @param name the table name
     * @param file a VOTable, CSV ({@code .csv}) or FITS file
     */
    record FromFile(String name, Path file) implements TapUpload {
        /** @throws IllegalArgumentException if the name is not an identifier or the file is missing */
        public FromFile {
            checkName(name);
            Objects.requireNonNull(file, () -> "Upload " + name + " has no file");
        }
    }

    /**
     * A table the service downloads itself ({@code UPLOAD=name,URL}).
     *
     * @param name the table name
     * @param url an absolute http(s) URL of a VOTable
     */
    record FromUrl(String name, URI url) implements TapUpload {
        /** @throws IllegalArgumentException if the name is not an identifier or the URL not http(s) */
        public FromUrl {
            checkName(name);
            HttpRequest.requireHttpUri(url);
        }
    }

    /**
     * A table in memory, written as a VOTable to a temporary file when the query is sent.
     *
     * @param name the table name
     * @param table any STIL table (a {@link ResultTable#starTable()} included)
     */
    record FromTable(String name, StarTable table) implements TapUpload {
        /** @throws IllegalArgumentException if the name is not an identifier or the table missing */
        public FromTable {
            checkName(name);
            Objects.requireNonNull(table, () -> "Upload " + name + " has no table");
        }
    }

    /** @return an upload of a local VOTable, CSV or FITS file */
    static TapUpload file(String name, Path file) {
        return new FromFile(name, file);
    }

    /** @return an upload the service fetches from {@code url} */
    static TapUpload url(String name, URI url) {
        return new FromUrl(name, url);
    }

    /** @return an upload of an in-memory STIL table */
    static TapUpload table(String name, StarTable table) {
        return new FromTable(name, table);
    }

    /** @return an upload of a result table, e.g. one from an earlier query */
    static TapUpload table(String name, ResultTable table) {
        return new FromTable(name, Objects.requireNonNull(table, "table").starTable());
    }

    /**
     * Parses the command line's {@code NAME=FILE} or {@code NAME=URL}.
     *
     * @param spec {@code name=path} or {@code name=http(s)://...}
     * @return the upload
     * @throws IllegalArgumentException naming the spec when it has no {@code =} or a bad name
     */
    static TapUpload parse(String spec) {
        int eq = spec == null ? -1 : spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("an upload is NAME=FILE or NAME=URL, not '" + spec + "'");
        }
        String name = spec.substring(0, eq).strip();
        String where = spec.substring(eq + 1).strip();
        if (where.startsWith("http://") || where.startsWith("https://")) {
            return url(name, URI.create(where));
        }
        return file(name, Path.of(where));
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("An upload name must be an ADQL identifier (a letter, then letters, "
                    + "digits or _): '" + name + "'");
        }
    }
}
