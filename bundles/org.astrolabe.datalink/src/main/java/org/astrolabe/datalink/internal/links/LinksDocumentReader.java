package org.astrolabe.datalink.internal.links;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.votable.ResultTable;
import org.astrolabe.core.votable.VOTableReader;
import org.astrolabe.datalink.DataLink;
import org.astrolabe.datalink.LinksDocument;
import org.astrolabe.datalink.ServiceDescriptor;
import org.eclipse.core.runtime.IProgressMonitor;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.astrolabe.core.internal.xml.SecureXml;

import uk.ac.starlink.table.StoragePolicy;

/**
 * Reads a DataLink {@code {links}} document: the results table through STIL (core's
 * {@link VOTableReader}, any serialization), the service descriptors with a secure SAX pass.
 * DataLink answers are small (a few rows per identifier), so the document is held in memory,
 * capped at {@link #MAX_BYTES}. Stateless and thread-safe.
 */
public final class LinksDocumentReader {

    /** The largest DataLink document accepted. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private final VOTableReader tables = new VOTableReader(StoragePolicy.PREFER_MEMORY);

    /**
     * @param in the document, read to its end, not closed
     * @param source where it came from, for messages
     * @param monitor cancellation, may be {@code null}
     * @return the links and descriptors
     * @throws InvalidInputException when it is not a DataLink VOTable (no ID column, malformed,
     *         larger than {@link #MAX_BYTES}), naming the source
     * @throws org.astrolabe.core.QueryFailedException when the document says QUERY_STATUS=ERROR
     * @throws org.astrolabe.core.TransientException when the stream breaks before the document ends
     */
    public LinksDocument read(InputStream in, URI source, IProgressMonitor monitor) throws AstrolabeException {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new TransientException("The DataLink document from " + source + " was cut off: " + e.getMessage(),
                    source, null, e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("The DataLink document from " + source + " is larger than "
                    + MAX_BYTES / (1024 * 1024) + " MiB", source, null);
        }
        ResultTable table = tables.read(new ByteArrayInputStream(bytes), source, monitor);
        List<DataLink> links = rows(table, source);
        return new LinksDocument(links, descriptors(bytes, source));
    }

    /**
     * Reads only the service descriptors of a document: a DataLink document, or any other
     * VOTable that carries them (an SSA or ObsCore result with a DataLink descriptor).
     *
     * @throws InvalidInputException when the document is not well-formed XML
     */
    public Map<String, ServiceDescriptor> descriptors(byte[] bytes, URI source) throws InvalidInputException {
        DescriptorHandler handler = new DescriptorHandler();
        try {
            XMLReader reader = SecureXml.newReader(false);
            reader.setContentHandler(handler);
            reader.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXException | IOException e) {
            throw new InvalidInputException("The service descriptors of the DataLink document from " + source
                    + " cannot be read: " + e.getMessage(), source, e);
        }
        return handler.descriptors();
    }

    private static List<DataLink> rows(ResultTable table, URI source) throws InvalidInputException {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
            columns.putIfAbsent(table.columns().get(i).name().toLowerCase(Locale.ROOT), i);
        }
        Integer idColumn = columns.get("id");
        if (idColumn == null) {
            throw new InvalidInputException("The document from " + source
                    + " is not a DataLink table: it has no ID column", source, null);
        }
        Integer authorized = columns.containsKey("link_authorized") ? columns.get("link_authorized")
                : columns.get("readable");
        List<DataLink> links = new ArrayList<>();
        try {
            for (long r = 0; r < table.rowCount(); r++) {
                String id = text(table, r, idColumn);
                links.add(new DataLink(id, uri(text(table, r, columns.get("access_url"))),
                        text(table, r, columns.get("service_def")), text(table, r, columns.get("error_message")),
                        text(table, r, columns.get("semantics")), text(table, r, columns.get("description")),
                        text(table, r, columns.get("content_type")), length(table, r, columns.get("content_length")),
                        text(table, r, columns.get("content_qualifier")),
                        text(table, r, columns.get("local_semantics")), text(table, r, columns.get("link_auth")),
                        bool(table, r, authorized)));
            }
        } catch (IOException e) {
            throw new InvalidInputException("The DataLink table from " + source + " cannot be read: " + e.getMessage(),
                    source, e);
        }
        return links;
    }

    private static String text(ResultTable table, long row, Integer column) throws IOException {
        if (column == null) {
            return "";
        }
        Object v = table.cell(row, column);
        return v == null ? "" : v.toString().strip();
    }

    private static long length(ResultTable table, long row, Integer column) throws IOException {
        if (column == null) {
            return -1;
        }
        Object v = table.cell(row, column);
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return v == null || v.toString().isBlank() ? -1 : Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Boolean bool(ResultTable table, long row, Integer column) throws IOException {
        if (column == null) {
            return null;
        }
        Object v = table.cell(row, column);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v == null ? "" : v.toString().strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "t", "1" -> Boolean.TRUE;
            case "false", "f", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static URI uri(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            // Some services put spaces or other unescaped characters in URLs: escape them.
            try {
                return URI.create(text.replace(" ", "%20").replace("|", "%7C"));
            } catch (IllegalArgumentException stillBad) {
                return null;
            }
        }
    }
}
