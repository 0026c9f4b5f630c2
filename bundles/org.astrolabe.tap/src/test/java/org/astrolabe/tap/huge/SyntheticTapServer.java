package org.astrolabe.tap.huge;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback TAP service that makes its answers up as it sends them, so that their size costs no
 * memory on either side: {@code /tap/sync} streams a TABLEDATA VOTable of {@code rows} rows
 * (repeated blocks of 1,000 rows: id, ra, a 32-character text), or one with 100,000-character
 * strings when the query mentions {@code wide}; {@code /tap/async} lists {@code jobs} jobs.
 */
final class SyntheticTapServer implements AutoCloseable {

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n<RESOURCE type=\"results\">\n"
            + "<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n<TABLE>\n"
            + "<FIELD name=\"id\" datatype=\"long\"/>\n<FIELD name=\"ra\" datatype=\"double\"/>\n"
            + "<FIELD name=\"label\" datatype=\"char\" arraysize=\"*\"/>\n<DATA><TABLEDATA>\n";
    static final String TAIL = "</TABLEDATA></DATA>\n</TABLE>\n</RESOURCE>\n</VOTABLE>\n";
    static final int BLOCK_ROWS = 1000;
    static final int WIDE = 100_000;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final byte[] block;
    private final long blocks;
    private final int wideRows;
    private final int jobs;

    /**
     * @param bytes about how large the sync VOTable is (whole blocks of 1,000 rows)
     * @param wideRows rows of the wide table
     * @param jobs jobs in the job list
     */
    SyntheticTapServer(long bytes, int wideRows, int jobs) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < BLOCK_ROWS; i++) {
            b.append("<TR><TD>").append(i).append("</TD><TD>").append(180.0 + i * 1e-4)
                    .append("</TD><TD>label-").append(String.format("%026d", i)).append("</TD></TR>\n");
        }
        this.block = b.toString().getBytes(StandardCharsets.US_ASCII);
        this.blocks = Math.max(1, bytes / block.length);
        this.wideRows = wideRows;
        this.jobs = jobs;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/tap/sync", this::sync);
        server.createContext("/tap/async", this::jobList);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tap");
    }

    long rows() {
        return blocks * BLOCK_ROWS;
    }

    /** @return the exact size of the big VOTable */
    long votableBytes() {
        return HEAD.length() + blocks * block.length + TAIL.length();
    }

    private void sync(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/x-votable+xml");
        try (ex; OutputStream out = ex.getResponseBody()) {
            if (body.contains("wide")) {
                ex.sendResponseHeaders(200, 0);
                out.write(HEAD.getBytes(StandardCharsets.US_ASCII));
                for (int r = 0; r < wideRows; r++) {
                    out.write(("<TR><TD>" + r + "</TD><TD>" + r + ".5</TD><TD>").getBytes(StandardCharsets.US_ASCII));
                    out.write(wide(r).getBytes(StandardCharsets.US_ASCII));
                    out.write("</TD></TR>\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write(TAIL.getBytes(StandardCharsets.US_ASCII));
                return;
            }
            ex.sendResponseHeaders(200, votableBytes());
            out.write(HEAD.getBytes(StandardCharsets.US_ASCII));
            for (long i = 0; i < blocks; i++) {
                out.write(block);
            }
            out.write(TAIL.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The text of row {@code r} of the wide table: 100,000 characters, its row number first. */
    static String wide(int r) {
        String start = "row" + r + ":";
        StringBuilder s = new StringBuilder(WIDE).append(start);
        for (int i = start.length(); i < WIDE; i++) {
            s.append((char) ('a' + (i + r) % 26));
        }
        return s.toString();
    }

    private void jobList(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/xml");
        ex.sendResponseHeaders(200, 0);
        try (ex; OutputStream out = ex.getResponseBody()) {
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<uws:jobs xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\""
                    + " xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\">\n").getBytes(StandardCharsets.UTF_8));
            String base = base() + "/async/";
            StringBuilder chunk = new StringBuilder();
            for (int j = 0; j < jobs; j++) {
                String id = "job" + j;
                chunk.append("<uws:jobref id=\"").append(id).append("\" xlink:href=\"").append(base).append(id)
                        .append("\"><uws:phase>").append(j % 3 == 0 ? "COMPLETED" : j % 3 == 1 ? "ERROR" : "EXECUTING")
                        .append("</uws:phase><uws:creationTime>2026-11-21T12:00:00Z</uws:creationTime></uws:jobref>\n");
                if (chunk.length() > 64 * 1024) {
                    out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
                    chunk.setLength(0);
                }
            }
            chunk.append("</uws:jobs>\n");
            out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
