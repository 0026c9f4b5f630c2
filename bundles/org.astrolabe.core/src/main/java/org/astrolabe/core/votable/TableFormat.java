package org.astrolabe.core.votable;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import uk.ac.starlink.ecsv.EcsvTableWriter;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.StarTableWriter;
import uk.ac.starlink.table.formats.CsvTableWriter;
import uk.ac.starlink.table.formats.IpacTableWriter;
import uk.ac.starlink.table.formats.TextTableWriter;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * The table formats Astrolabe writes, each backed by a STIL writer (TSV and JSON by Astrolabe's
 * own streaming writers, which STIL lacks). Immutable; {@link #newWriter()} gives a new writer
 * per call, so formats may be used from any thread.
 */
public enum TableFormat {
    /**
     * Aligned text columns with borders, for terminals. Column widths come from the first
     * {@value #TEXT_SAMPLED_ROWS} rows; cells are cut (with an ellipsis) only beyond
     * {@value #TEXT_MAX_WIDTH} characters or the sampled width (STIL's default cuts at 40).
     */
    TEXT("text", "txt", TableFormat::textWriter),
    /** VOTable 1.4 with BINARY2 serialization. */
    VOTABLE("votable", "vot", () -> new VOTableWriter(DataFormat.BINARY2, true)),
    /** Comma-separated values with a header line. */
    CSV("csv", "csv", CsvTableWriter::new),
    /** Tab-separated values with a header line ({@code text/tab-separated-values}). */
    TSV("tsv", "tsv", TsvTableWriter::new),
    /** FITS binary table. */
    FITS("fits", "fits", FitsTableWriter::new),
    /** IPAC table format. */
    IPAC("ipac", "tbl", IpacTableWriter::new),
    /** Enhanced CSV (astropy's ECSV). */
    ECSV("ecsv", "ecsv", EcsvTableWriter::new),
    /** JSON: column descriptions and an array of rows. */
    JSON("json", "json", JsonTableWriter::new);

    private final String id;
    private final String extension;
    /** Widest text column, in characters. */
    public static final int TEXT_MAX_WIDTH = 1000;
    /** Rows read to size the text columns. */
    public static final int TEXT_SAMPLED_ROWS = 1000;

    private final Supplier<StarTableWriter> writer;

    TableFormat(String id, String extension, Supplier<StarTableWriter> writer) {
        this.id = id;
        this.extension = extension;
        this.writer = writer;
    }

    /**
     * @return whether the format is written in one pass over the rows, so that a result can be
     *         converted to it while it streams in ({@link VOTableReader#convert}); text, FITS and
     *         IPAC need the row count or the column widths first
     */
    public boolean streamable() {
        return switch (this) {
            case CSV, TSV, VOTABLE, ECSV, JSON -> true;
            default -> false;
        };
    }

    /** @return the name used on the command line and in preferences */
    public String id() {
        return id;
    }

    /** @return the usual file extension, without the dot */
    public String extension() {
        return extension;
    }

    /** @return a new STIL writer for this format */
    public StarTableWriter newWriter() {
        StarTableWriter w = writer.get();
        if (w instanceof TextTableWriter text) {
            text.setWriteParameters(false);
            text.setMaximumParameterLength(0);
        }
        return w;
    }

    /**
     * @param name a format name, any case
     * @return the format
     * @throws IllegalArgumentException listing the known formats when the name is unknown
     */
    public static TableFormat parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(n)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown table format '" + name + "'; known: "
                        + String.join(", ", Arrays.stream(values()).map(TableFormat::id).toList())));
    }

    private static StarTableWriter textWriter() {
        TextTableWriter w = new TextTableWriter();
        w.setMaxWidth(TEXT_MAX_WIDTH);
        w.setSampledRows(TEXT_SAMPLED_ROWS);
        return w;
    }
}
