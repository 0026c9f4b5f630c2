package org.astrolabe.datalink.internal.download;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A loopback HTTP/1.1 server on a plain socket that serves one body and closes the connection
 * after a chosen number of bytes: the JDK's HttpServer keeps a connection open after a short
 * body, so it cannot simulate a connection that breaks.
 */
final class CuttingServer implements AutoCloseable {

    /** Decides, per request, how many body bytes to send before closing (Long.MAX_VALUE: all). */
    interface Cut {
        long bytesToSend(int requestNumber, long from);
    }

    private final ServerSocket socket;
    private final Thread acceptor;
    private final byte[] content;
    private final boolean acceptRanges;
    private final Cut cut;
    private final java.util.List<String> ranges = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private int requests;

    CuttingServer(byte[] content, boolean acceptRanges, Cut cut) throws IOException {
        this.content = content;
        this.acceptRanges = acceptRanges;
        this.cut = cut;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "cutting-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String base() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    synchronized int requests() {
        return requests;
    }

    java.util.List<String> ranges() {
        return ranges;
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                handle(s);
            } catch (IOException closed) {
                // next connection, or the server was closed
            }
        }
    }

    private void handle(Socket s) throws IOException {
        var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        if (requestLine == null) {
            return;
        }
        Map<String, String> headers = new HashMap<>();
        for (String line; (line = in.readLine()) != null && !line.isEmpty();) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        int number;
        synchronized (this) {
            number = ++requests;
        }
        long from = 0;
        String range = headers.get("range");
        if (acceptRanges && range != null && range.matches("bytes=\\d+-")) {
            from = Long.parseLong(range.substring(6, range.length() - 1));
            ranges.add(range + " if-range " + headers.get("if-range"));
        }
        StringBuilder head = new StringBuilder(from > 0 ? "HTTP/1.1 206 Partial Content\r\n" : "HTTP/1.1 200 OK\r\n");
        head.append("Content-Type: application/octet-stream\r\n");
        head.append("ETag: \"v1\"\r\n");
        head.append("Content-Length: ").append(content.length - from).append("\r\n");
        if (acceptRanges) {
            head.append("Accept-Ranges: bytes\r\n");
        }
        if (from > 0) {
            head.append("Content-Range: bytes ").append(from).append('-').append(content.length - 1).append('/')
                    .append(content.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        OutputStream out = s.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        long send = Math.min(content.length - from, cut.bytesToSend(number, from));
        out.write(content, (int) from, (int) send);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
