package org.astrolabe.core.votable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.QueryFailedException;
import org.astrolabe.core.TransientException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Saves a result body to a file byte for byte, without parsing it and without holding it in
 * memory, while still catching what a DAL service can send instead of a result:
 * <ul>
 * <li>an error VOTable ({@code QUERY_STATUS=ERROR}, which TAP services send with HTTP 200, whatever
 * RESPONSEFORMAT was asked for): recognised from the first bytes, becomes a
 * {@link QueryFailedException} with the service's message;</li>
 * <li>an HTML page, an empty body, a non-VOTable where a VOTable was expected:
 * {@link InvalidInputException};</li>
 * <li>a body cut off (broken connection, fewer bytes than Content-Length, a VOTable that does not
 * end with {@code </VOTABLE>}, a FITS file that is not a whole number of 2880-byte blocks):
 * {@link TransientException} or {@link InvalidInputException}.</li>
 * </ul>
 * A VOTable's {@code QUERY_STATUS} is read from its head and from its tail (where DaCHS puts
 * OVERFLOW, after the table) by a scan of the last bytes of the written file.
 *
 * <p>The body is written to a temporary file beside the target and renamed only when complete and
 * checked; on any failure the temporary file is deleted and the target left untouched. Stateless
 * and thread-safe.
 */
public final class ResultStreamer {

    private static final int BUFFER = 1 << 20;
    private static final int HEAD = 64 * 1024;
    private static final int TAIL = 64 * 1024;
    private static final int MAX_ERROR_DOCUMENT = 4 << 20;
    private static final int FITS_BLOCK = 2880;
    private static final Pattern STATUS = Pattern.compile(
            "<(?:\\w+:)?INFO\\b[^>]*\\bname\\s*=\\s*[\"']QUERY_STATUS[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("\\bvalue\\s*=\\s*[\"']([^\"']*)[\"']",
            Pattern.CASE_INSENSITIVE);

    /** Opens the temporary file for writing; replaced in tests to simulate a full disk. */
    interface Opener {
        OutputStream open(Path temp) throws IOException;
    }

    private final Opener opener;

    /** A streamer writing through the default file system. */
    public ResultStreamer() {
        this(temp -> Files.newOutputStream(temp, StandardOpenOption.WRITE));
    }

    ResultStreamer(Opener opener) {
        this.opener = opener;
    }

    /**
     * Copies {@code in} to {@code file}.
     *
     * @param in the body as it arrives; read to its end, not closed
     * @param mediaType the declared media type (may be "" when unknown)
     * @param contentLength the declared length, or -1 when unknown
     * @param expectVOTable whether a VOTable was asked for (anything else is then refused)
     * @param source the URL the body came from, named in every message
     * @param file the finished file; replaced if it exists
     * @param monitor progress and cancellation, may be {@code null}
     * @return what was saved, with the VOTable's QUERY_STATUS
     * @throws QueryFailedException when the service sent {@code QUERY_STATUS=ERROR}
     * @throws InvalidInputException when the body is empty, an HTML page, not a VOTable when one was
     *         expected, or a VOTable or FITS file that is incomplete
     * @throws TransientException when the connection breaks or ends before Content-Length bytes
     * @throws IOException when the file cannot be written (disk full, no permission); the message
     *         names the file and the URL
     * @throws OperationCanceledException when the monitor is cancelled
     */
    public SavedResult save(InputStream in, String mediaType, long contentLength, boolean expectVOTable, URI source,
            Path file, IProgressMonitor monitor) throws AstrolabeException, IOException {
        SubMonitor sub = SubMonitor.convert(monitor, "Saving result from " + source.getHost(), 1);
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT);
        byte[] buffer = new byte[BUFFER];
        int head = fill(in, buffer, 0, 4096, source);
        if (head == 0) {
            throw new InvalidInputException("The service at " + source + " sent an empty answer instead of a result",
                    source, null);
        }
        String start = new String(buffer, 0, Math.min(head, 4096), StandardCharsets.ISO_8859_1).stripLeading()
                .replace("\uFEFF", "").replace("\u00EF\u00BB\u00BF", "");
        String lower = start.toLowerCase(Locale.ROOT);
        boolean xml = lower.startsWith("<");
        if (xml && (lower.startsWith("<!doctype html") || lower.startsWith("<html") || type.equals("text/html")
                || lower.contains("<html"))) {
            throw new InvalidInputException("The service at " + source + " sent an HTML page instead of a result"
                    + title(start), source, null);
        }
        if (xml) {
            head = fill(in, buffer, head, HEAD, source);
        }
        String headText = new String(buffer, 0, head, StandardCharsets.UTF_8);
        boolean votable = xml && headText.toUpperCase(Locale.ROOT).contains("VOTABLE");
        QueryStatus status = QueryStatus.unspecified();
        if (votable) {
            int table = indexOfTag(headText, "TABLE");
            String status1 = statusValue(table >= 0 ? headText.substring(0, table) : headText);
            if ("ERROR".equalsIgnoreCase(status1)) {
                throw errorDocument(buffer, head, in, source);
            }
            if (status1 != null) {
                status = new QueryStatus(parseState(status1), "");
            }
        } else if (expectVOTable) {
            throw new InvalidInputException("The service at " + source + " did not send a VOTable"
                    + (type.isEmpty() ? "" : " (it sent " + type + ")") + ": " + excerpt(start), source, null);
        }
        Path temp = temporaryBeside(file);
        boolean done = false;
        try {
            long bytes = copy(buffer, head, in, temp, file, source, sub);
            if (contentLength >= 0 && bytes != contentLength) {
                throw new TransientException("The result from " + source + " was cut off after " + bytes + " of "
                        + contentLength + " bytes", source, null, null);
            }
            if (votable) {
                status = tailStatus(temp, status, source);
            } else if (start.startsWith("SIMPLE  =") && bytes % FITS_BLOCK != 0) {
                throw new InvalidInputException("The FITS file from " + source + " is truncated (" + bytes
                        + " bytes, not a whole number of 2880-byte blocks)", source, null);
            }
            move(temp, file);
            done = true;
            sub.done();
            return new SavedResult(file, bytes, type, votable, status);
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * Writes a result VOTable to {@code file} in another format while it streams in
     * ({@link VOTableReader#convert}): under a temporary name beside the file, renamed only when
     * the whole table was written; on any failure the temporary file is deleted and the target
     * left untouched.
     *
     * @param in the VOTable as it arrives; read to its end, not closed
     * @param source the URL it came from, named in every message
     * @param format a format with {@link TableFormat#streamable()}
     * @param file the finished file; replaced if it exists
     * @param monitor progress and cancellation, may be {@code null}
     * @return the file, its size, the format's media type and the VOTable's QUERY_STATUS
     * @throws QueryFailedException when the service sent {@code QUERY_STATUS=ERROR}
     * @throws InvalidInputException when the answer is not a complete VOTable (an HTML page, empty,
     *         cut off)
     * @throws TransientException when the connection breaks
     * @throws IOException when the file cannot be written (disk full, no permission); the message
     *         names the file and the URL
     * @throws IllegalArgumentException when {@code format} cannot be streamed
     */
    public SavedResult convert(InputStream in, URI source, TableFormat format, Path file, IProgressMonitor monitor)
            throws AstrolabeException, IOException {
        Path temp = temporaryBeside(file);
        boolean done = false;
        try {
            QueryStatus status;
            OutputStream out;
            try {
                out = new java.io.BufferedOutputStream(opener.open(temp), 1 << 16);
            } catch (IOException e) {
                throw new IOException("Cannot write " + file + " (the result of " + source + "): " + e.getMessage(), e);
            }
            try (out) {
                status = new VOTableReader().convert(in, source, format, out, monitor);
            } catch (IOException e) {
                throw new IOException("Cannot write " + file + " (the result of " + source + "): " + e.getMessage(), e);
            }
            long bytes = Files.size(temp);
            move(temp, file);
            done = true;
            return new SavedResult(file, bytes, format.id(), false, status);
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Reads until {@code buffer} holds at least {@code want} bytes or the body ends. */
    private static int fill(InputStream in, byte[] buffer, int have, int want, URI source) throws TransientException {
        try {
            while (have < want) {
                int n = in.read(buffer, have, buffer.length - have);
                if (n < 0) {
                    break;
                }
                have += n;
            }
            return have;
        } catch (IOException e) {
            throw cutOff(source, have, e);
        }
    }

    private long copy(byte[] buffer, int head, InputStream in, Path temp, Path file, URI source,
            SubMonitor monitor) throws IOException, TransientException {
        long bytes = 0;
        long nextReport = 16L << 20;
        OutputStream out;
        try {
            out = opener.open(temp);
        } catch (IOException e) {
            throw new IOException("Cannot write " + file + " (the result of " + source + "): " + e.getMessage(), e);
        }
        try (out) {
            int n = head;
            while (true) {
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw new IOException("Cannot write " + file + " (the result of " + source + "): "
                            + e.getMessage(), e);
                }
                bytes += n;
                if (bytes >= nextReport) {
                    if (monitor.isCanceled()) {
                        throw new OperationCanceledException();
                    }
                    monitor.subTask((bytes >> 20) + " MiB");
                    nextReport = bytes + (16L << 20);
                }
                try {
                    n = in.read(buffer, 0, buffer.length);
                } catch (IOException e) {
                    throw cutOff(source, bytes, e);
                }
                if (n < 0) {
                    break;
                }
            }
            try {
                out.flush();
            } catch (IOException e) {
                throw new IOException("Cannot write " + file + " (the result of " + source + "): " + e.getMessage(), e);
            }
        } catch (IOException closeFailed) {
            if (closeFailed.getMessage() != null && closeFailed.getMessage().startsWith("Cannot write ")) {
                throw closeFailed;
            }
            throw new IOException("Cannot write " + file + " (the result of " + source + "): "
                    + closeFailed.getMessage(), closeFailed);
        }
        return bytes;
    }

    private static TransientException cutOff(URI source, long bytes, IOException e) {
        return new TransientException("The result from " + source + " was cut off after " + bytes + " bytes: "
                + e.getMessage(), source, null, e);
    }

    /** Checks that the VOTable ends properly and reads a QUERY_STATUS that follows the table. */
    private static QueryStatus tailStatus(Path temp, QueryStatus status, URI source) throws AstrolabeException,
            IOException {
        String tail;
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.READ)) {
            long size = ch.size();
            int len = (int) Math.min(TAIL, size);
            ByteBuffer b = ByteBuffer.allocate(len);
            ch.position(size - len);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // fill
            }
            tail = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        }
        String trimmed = tail.stripTrailing();
        if (!Pattern.compile("</(?:\\w+:)?VOTABLE>$", Pattern.CASE_INSENSITIVE).matcher(trimmed).find()) {
            throw new InvalidInputException("The VOTable from " + source + " is truncated: it does not end with "
                    + "</VOTABLE>", source, null);
        }
        int afterTable = lastIndexOfTag(tail, "/TABLE");
        String after = afterTable >= 0 ? tail.substring(afterTable) : "";
        Matcher m = STATUS.matcher(after);
        String value = null;
        String message = "";
        while (m.find()) {
            Matcher v = VALUE.matcher(m.group());
            if (v.find()) {
                value = v.group(1);
                int close = after.indexOf("</", m.end());
                message = close > m.end() && !m.group().endsWith("/>") ? after.substring(m.end(), close).strip() : "";
            }
        }
        if (value == null) {
            return status;
        }
        if ("ERROR".equalsIgnoreCase(value)) {
            throw new QueryFailedException(message.isEmpty() ? "the service reported an error after the table"
                    : message, source);
        }
        return new QueryStatus(parseState(value), message);
    }

    /** Reads the rest of a (small) error document and lets the VOTable reader extract the message. */
    private static QueryFailedException errorDocument(byte[] buffer, int head, InputStream in, URI source) {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.write(buffer, 0, head);
        try {
            byte[] rest = in.readNBytes(MAX_ERROR_DOCUMENT);
            doc.write(rest);
        } catch (IOException ignored) {
            // what arrived is enough for the message
        }
        try {
            new VOTableReader().read(new ByteArrayInputStream(doc.toByteArray()), source, null);
        } catch (QueryFailedException e) {
            return e;
        } catch (AstrolabeException | RuntimeException notReadable) {
            // fall through to the pattern below
        }
        String text = doc.toString(StandardCharsets.UTF_8);
        Matcher m = STATUS.matcher(text);
        String message = "";
        if (m.find()) {
            int close = text.indexOf("</", m.end());
            message = close > m.end() ? text.substring(m.end(), close).strip() : "";
        }
        return new QueryFailedException(message.isEmpty() ? "no reason given" : message, source);
    }

    private static QueryStatus.State parseState(String value) {
        try {
            return QueryStatus.State.parse(value);
        } catch (IllegalArgumentException unknown) {
            return QueryStatus.State.UNSPECIFIED;
        }
    }

    private static String statusValue(String text) {
        Matcher m = STATUS.matcher(text);
        if (!m.find()) {
            return null;
        }
        Matcher v = VALUE.matcher(m.group());
        return v.find() ? v.group(1) : null;
    }

    private static int indexOfTag(String text, String tag) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + tag + "[\\s>]", Pattern.CASE_INSENSITIVE).matcher(text);
        return m.find() ? m.start() : -1;
    }

    private static int lastIndexOfTag(String text, String tag) {
        Matcher m = Pattern.compile("<" + (tag.startsWith("/") ? "/(?:\\w+:)?" + tag.substring(1) : tag) + "[\\s>]",
                Pattern.CASE_INSENSITIVE).matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }

    private static String title(String html) {
        Matcher m = Pattern.compile("<title[^>]*>([^<]*)</title>", Pattern.CASE_INSENSITIVE).matcher(html);
        return m.find() && !m.group(1).isBlank() ? " (\"" + m.group(1).strip() + "\")" : "";
    }

    private static String excerpt(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    /**
     * Creates an empty hidden file beside {@code file} with the permissions a new file normally
     * gets (unlike {@link Files#createTempFile}, which makes it private to the owner).
     */
    static Path temporaryBeside(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime())
                    + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt()) + ".part");
            try {
                return Files.createFile(temp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
