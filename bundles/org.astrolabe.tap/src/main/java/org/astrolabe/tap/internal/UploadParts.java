package org.astrolabe.tap.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.http.HttpRequest.Parameter;
import org.astrolabe.core.http.HttpRequest.Part;
import org.astrolabe.tap.TapUpload;

import uk.ac.starlink.fits.FitsTableBuilder;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.TableBuilder;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.formats.CsvTableBuilder;
import uk.ac.starlink.util.FileDataSource;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * The {@code UPLOAD} parameter and multipart parts of a query's uploads. Files that are not
 * VOTables and in-memory tables are written as VOTable (TABLEDATA, the serialization every
 * service reads) to temporary files, which {@link #close()} deletes. Not thread-safe; one per
 * request.
 */
public final class UploadParts implements AutoCloseable {

    static final String VOTABLE_TYPE = "application/x-votable+xml";

    private final List<Parameter> parameters = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();
    private final List<Path> temporary = new ArrayList<>();

    /**
     * @throws InvalidInputException when a file is missing or is not a table STIL can read
     * @throws IOException when a temporary VOTable cannot be written
     */
    UploadParts(List<TapUpload> uploads) throws InvalidInputException, IOException {
        List<String> specs = new ArrayList<>();
        try {
            for (TapUpload upload : uploads) {
                switch (upload) {
                    case TapUpload.FromUrl u -> specs.add(u.name() + "," + u.url());
                    case TapUpload.FromFile f -> {
                        specs.add(f.name() + ",param:" + f.name());
                        parts.add(new Part(f.name(), asVOTable(f), f.name() + ".vot", VOTABLE_TYPE));
                    }
                    case TapUpload.FromTable t -> {
                        specs.add(t.name() + ",param:" + t.name());
                        parts.add(new Part(t.name(), write(t.table(), t.name()), t.name() + ".vot", VOTABLE_TYPE));
                    }
                }
            }
        } catch (InvalidInputException | IOException | RuntimeException e) {
            close();
            throw e;
        }
        if (!specs.isEmpty()) {
            parameters.add(new Parameter("UPLOAD", String.join(";", specs)));
        }
    }

    /** @return the UPLOAD parameter, or nothing when there are no uploads */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** @return one multipart part per local table */
    public List<Part> parts() {
        return parts;
    }

    private Path asVOTable(TapUpload.FromFile upload) throws InvalidInputException, IOException {
        Path file = upload.file();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("Upload " + upload.name() + ": no such file " + file, file.toUri(),
                    new NoSuchFileException(file.toString()));
        }
        if (isVOTable(file)) {
            return file;
        }
        TableBuilder builder = builder(file);
        StarTable table;
        try {
            if (builder == null) {
                throw new TableFormatException("not a VOTable, a FITS file or a .csv file");
            }
            table = builder.makeStarTable(new FileDataSource(file.toFile()), false, StoragePolicy.ADAPTIVE);
        } catch (TableFormatException e) {
            throw new InvalidInputException("Upload " + upload.name() + ": " + file
                    + " is not a table Astrolabe can read (VOTable, CSV or FITS): " + e.getMessage(),
                    file.toUri(), e);
        }
        return write(table, upload.name());
    }

    private Path write(StarTable table, String name) throws IOException {
        Path temp = Files.createTempFile("astrolabe-upload-" + name + "-", ".vot");
        temporary.add(temp);
        VOTableWriter writer = new VOTableWriter(DataFormat.TABLEDATA, true, VOTableVersion.V13);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
            writer.writeStarTable(table, out);
        }
        return temp;
    }

    static boolean isVOTable(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4096);
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
        return text.startsWith("<") && text.toUpperCase(Locale.ROOT).contains("VOTABLE");
    }

    /**
     * FITS by its signature, CSV by its extension (CSV has no signature). The builders are used
     * directly: STIL's factory also tries to load an ECSV reader whose YAML library Astrolabe
     * does not ship, and logs that failure.
     */
    private static TableBuilder builder(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(9);
        }
        if (new String(head, StandardCharsets.US_ASCII).equals("SIMPLE  =")) {
            return new FitsTableBuilder();
        }
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? new CsvTableBuilder() : null;
    }

    /** Deletes the temporary VOTables. Never throws. */
    @Override
    public void close() {
        for (Path p : temporary) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temporary file in the temp folder
            }
        }
        temporary.clear();
    }
}
