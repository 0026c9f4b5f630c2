package org.astrolabe.cli.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.astrolabe.archive.Profile;
import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.sky.SkyPosition;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.ResultWriter;
import org.astrolabe.core.votable.TableFormat;
import org.eclipse.core.runtime.NullProgressMonitor;

import uk.ac.starlink.fits.FitsTableBuilder;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableBuilder;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.formats.CsvTableBuilder;
import uk.ac.starlink.table.formats.IpacTableBuilder;
import uk.ac.starlink.util.FileDataSource;
import uk.ac.starlink.votable.VOTableBuilder;

/** What the archive commands share: positions, table output, identifiers from saved tables. */
final class ArchiveSupport {

    private ArchiveSupport() {
    }

    /**
     * @return the position; text that is not coordinates is resolved as an object name through
     *         Sesame when it is installed
     * @throws IllegalArgumentException when it is neither (with both reasons)
     */
    static SkyPosition position(CliContext context, String text) throws AstrolabeException {
        try {
            return SkyPosition.parse(text);
        } catch (IllegalArgumentException notCoordinates) {
            if (context.names() == null || text.matches("[-+\\d\\s.:,hdms°'\"]*")) {
                throw notCoordinates;
            }
            try {
                context.info("resolving '" + text + "' with CDS Sesame");
                return context.names().resolve(text, new NullProgressMonitor());
            } catch (TransientException offline) {
                throw new IllegalArgumentException("'" + text + "' is not a position (e.g. '08h45m07.5s +54d18m00s' "
                        + "or '131.28 54.30'), and as an object name: " + offline.getMessage());
            }
        }
    }

    /** Prints or writes a result table, warning when MAXREC cut it. */
    static void output(CliContext context, ResultTable table, String format, Path out, Long maxrec) throws IOException {
        TableFormat tableFormat = TableFormat.parse(format);
        if (table.isTruncated()) {
            context.warn("result truncated at " + table.rowCount() + " rows by the service's row limit (MAXREC="
                    + (maxrec != null ? maxrec : "service default") + "); use --maxrec to ask for more");
        }
        ResultWriter writer = new ResultWriter();
        if (out != null) {
            writer.write(table, tableFormat, out);
            context.info("wrote " + table.rowCount() + " rows to " + out);
        } else {
            OutputStream stdout = new BufferedOutputStream(context.out(), 1 << 16);
            writer.write(table, tableFormat, stdout);
            stdout.flush();
        }
    }

    /**
     * Reads the dataset identifiers of a saved table (VOTable, FITS, CSV, TSV, ECSV, IPAC): the
     * profile's id column ({@code publisherID} for CAOM2, {@code obs_publisher_did} for ObsCore),
     * any case; the other profile's column when that one is missing.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or has no id column
     */
    static List<String> ids(Path file, Profile profile) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        StarTable table = read(file);
        int col = -1;
        for (String name : List.of(profile.idColumn(), profile == Profile.CAOM2 ? Profile.OBSCORE.idColumn()
                : Profile.CAOM2.idColumn())) {
            for (int i = 0; i < table.getColumnCount() && col < 0; i++) {
                if (table.getColumnInfo(i).getName().equalsIgnoreCase(name)) {
                    col = i;
                }
            }
        }
        if (col < 0) {
            throw new IllegalArgumentException(file + " has no " + profile.idColumn() + " column (save the result of "
                    + "'region' or 'name' with --out)");
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        try (var rows = table.getRowSequence()) {
            while (rows.next()) {
                Object v = rows.getCell(col);
                if (v != null && !v.toString().isBlank()) {
                    ids.add(v.toString().strip());
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(file + " lists no dataset identifier");
        }
        return List.copyOf(ids);
    }

    /**
     * VOTable and FITS by their signatures, CSV and IPAC by their extensions. The builders are used
     * directly: STIL's factory also tries to load an ECSV reader whose YAML library Astrolabe does
     * not ship, and logs that failure.
     */
    private static StarTable read(Path file) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        TableBuilder builder;
        if (text.startsWith("SIMPLE  =")) {
            builder = new FitsTableBuilder();
        } else if (text.stripLeading().startsWith("<") && text.toUpperCase(Locale.ROOT).contains("VOTABLE")) {
            builder = new VOTableBuilder();
        } else if (name.endsWith(".csv")) {
            CsvTableBuilder csv = new CsvTableBuilder();
            csv.setHasHeader(Boolean.TRUE); // what 'region --out x.csv' writes; STIL's guess fails on all-text tables
            builder = csv;
        } else if (name.endsWith(".tbl") || name.endsWith(".ipac")) {
            builder = new IpacTableBuilder();
        } else {
            throw new IllegalArgumentException("cannot read " + file + ": save the table as votable, fits, csv "
                    + "(.csv) or ipac (.tbl)");
        }
        try {
            return builder.makeStarTable(new FileDataSource(file.toFile()), false, StoragePolicy.ADAPTIVE);
        } catch (TableFormatException e) {
            throw new IllegalArgumentException("cannot read " + file + " as a table: " + e.getMessage());
        }
    }
}
