package org.astrolabe.tests.faults;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSocket;

/**
 * A loopback HTTP/1.1 reverse proxy that forwards to a real server (the local DaCHS) and injects
 * faults into chosen answers: refused or reset connections, stalls, connections dropped after N
 * bytes, bodies shorter than their Content-Length, 503 with Retry-After, 500 with an HTML page,
 * 401/403, a redirect to another host, an empty body, a VOTable cut in the middle of a row.
 *
 * <p>Every connection gets one answer and {@code Connection: close}. Requests go upstream as
 * HTTP/1.0 with {@code Accept-Encoding: identity}, so answers are never chunked or compressed; the
 * upstream origin is replaced by the proxy's own in {@code Location} headers and in text bodies, so
 * that URLs the server hands out (UWS job URLs, DataLink access URLs) lead back through the proxy.
 * Every request received is recorded with its headers (to check which credentials reached which
 * host). Thread-safe.
 *
 * <p>With {@link #tls} the proxy is an HTTPS server: it terminates TLS with the server certificate
 * it is given (checking client certificates against that context's trust managers, required or
 * only requested) and forwards the decrypted request to the plain-HTTP upstream, so every fault
 * above happens inside the TLS connection; it records the subject of the client certificate each
 * request came with, and {@link Kind#SILENT} stalls the TLS handshake itself.
 */
public final class FaultProxy implements Closeable {

    /** What the proxy does to an answer. */
    public enum Kind {
        /** Forward unchanged. */
        PASS,
        /** No listener: the connection is refused. */
        REFUSE,
        /** Accept, read the request, close without a byte. */
        RESET,
        /** Accept, read the request, never answer. */
        STALL,
        /**
         * Accept the connection and never read or send a byte: over TLS the handshake never
         * completes. It hits connections, not requests: the predicate is not consulted.
         */
        SILENT,
        /** Send the head and half the body, then never send more. */
        STALL_BODY,
        /** Send the first {@link Fault#bytes()} bytes of the answer, then close. */
        DROP_AFTER_BYTES,
        /** Send the head (with its true Content-Length) and half the body, then close. */
        SHORT_BODY,
        /** 503 with {@code Retry-After: 1}. */
        STATUS_503,
        /** 500 with an HTML error page. */
        STATUS_500_HTML,
        /** 401 with a Basic challenge. */
        STATUS_401,
        /** 403. */
        STATUS_403,
        /** 307 to the same path on another host ({@link #redirectTarget}). */
        REDIRECT_OTHER_HOST,
        /** The upstream status and headers with an empty body (Content-Length: 0). */
        EMPTY_BODY,
        /** The upstream answer with its VOTable cut in the middle of a row, sent as complete. */
        CUT_VOTABLE;

        /** @return whether a client may reasonably succeed after retrying this fault */
        public boolean isTransient() {
            return Set.of(RESET, STALL, SILENT, STALL_BODY, DROP_AFTER_BYTES, SHORT_BODY, STATUS_503).contains(this);
        }
    }

    /**
     * A fault to inject.
     *
     * @param kind what to do
     * @param times to how many matching requests (then the proxy passes again); {@link Integer#MAX_VALUE}
     *        for all
     * @param bytes for {@link Kind#DROP_AFTER_BYTES}: how many bytes get through
     * @param applies which requests it hits
     */
    public record Fault(Kind kind, int times, int bytes, Predicate<Request> applies) {
        /** @return a fault on every request */
        public static Fault always(Kind kind, Predicate<Request> applies) {
            return new Fault(kind, Integer.MAX_VALUE, 64, applies);
        }

        /** @return a fault on the first matching request only */
        public static Fault once(Kind kind, Predicate<Request> applies) {
            return new Fault(kind, 1, 64, applies);
        }

        static final Fault NONE = new Fault(Kind.PASS, 0, 0, r -> false);
    }

    /**
     * A request as received.
     *
     * @param method the HTTP method
     * @param target the request target (path and query)
     * @param headers the header lines, names in lower case
     * @param clientCertificate over TLS, the subject of the client certificate the connection was
     *        made with; {@code null} without one (and always for plain HTTP)
     */
    public record Request(String method, String target, List<String[]> headers, String clientCertificate) {
        /** @return the first value of {@code name} (lower case), or null */
        public String header(String name) {
            return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        /** @return the path without the query */
        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    private final InetAddress bindAddress;
    private final String advertisedHost;
    private final URI upstream;
    private final int port;
    private final SSLContext tls;
    private final boolean needClientAuth;
    private volatile ServerSocket listener;
    private volatile Fault fault = Fault.NONE;
    private volatile URI redirectTarget;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Starts a proxy on a free port.
     *
     * @param upstream the real server's origin, e.g. {@code http://127.0.0.1:18080}
     * @param bindAddress where to listen (loopback, or the wildcard address to answer on every
     *        name of this machine)
     * @param advertisedHost the host name the proxy writes into rewritten URLs
     * @throws IOException when no port can be bound
     */
    public FaultProxy(URI upstream, InetAddress bindAddress, String advertisedHost) throws IOException {
        this(upstream, bindAddress, advertisedHost, null, false);
    }

    private FaultProxy(URI upstream, InetAddress bindAddress, String advertisedHost, SSLContext tls,
            boolean needClientAuth) throws IOException {
        this.upstream = upstream;
        this.bindAddress = bindAddress;
        this.advertisedHost = advertisedHost;
        this.tls = tls;
        this.needClientAuth = needClientAuth;
        ServerSocket s = bind(0);
        this.port = s.getLocalPort();
        listen(s);
    }

    /**
     * An HTTPS proxy: TLS is terminated here and the request forwarded to the plain-HTTP upstream.
     *
     * @param upstream the real server's origin, e.g. {@code http://127.0.0.1:18080}
     * @param bindAddress where to listen; {@code null} for every address of this machine
     * @param advertisedHost the host name in rewritten URLs; the server certificate must name it
     * @param tls the server's key (its certificate) and the trust managers that check client
     *        certificates
     * @param needClientAuth {@code true} to refuse a connection without a client certificate the
     *        trust managers accept; {@code false} to ask for one (naming the trusted CAs) and
     *        record whether it came
     * @return the proxy, listening
     * @throws IOException when no port can be bound
     */
    public static FaultProxy tls(URI upstream, InetAddress bindAddress, String advertisedHost, SSLContext tls,
            boolean needClientAuth) throws IOException {
        return new FaultProxy(upstream, bindAddress, advertisedHost, tls, needClientAuth);
    }

    private ServerSocket bind(int at) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(bindAddress, at));
        return s;
    }

    /** A proxy on 127.0.0.1 in front of {@code upstream}. */
    public static FaultProxy loopback(URI upstream) throws IOException {
        return new FaultProxy(upstream, InetAddress.getLoopbackAddress(), "127.0.0.1");
    }

    /** @return the proxy's origin, e.g. {@code http://127.0.0.1:41234} */
    public URI origin() {
        return URI.create((tls == null ? "http://" : "https://") + advertisedHost + ":" + port);
    }

    /** @return {@code uri} with its origin replaced by the proxy's */
    public URI via(URI uri) {
        return URI.create(origin() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    /** Where {@link Kind#REDIRECT_OTHER_HOST} sends the client (an origin; the path is kept). */
    public void redirectTarget(URI origin) {
        this.redirectTarget = origin;
    }

    /**
     * Injects {@code f} from now on (replacing any other fault) and resets the counters.
     *
     * @throws IOException when a refused listener cannot be bound again
     */
    public synchronized void inject(Fault f) throws IOException {
        fault = f;
        hits.set(0);
        injected.set(0);
        received.clear();
        if (f.kind() == Kind.REFUSE) {
            ServerSocket s = listener;
            listener = null;
            if (s != null) {
                s.close();
            }
        } else if (listener == null) {
            listen(bind(port));
        }
    }

    /** Forwards everything again; the requests received and the counters so far stay as they are. */
    public synchronized void pass() throws IOException {
        fault = Fault.NONE;
        if (listener == null) {
            listen(bind(port));
        }
    }

    /** @return how many answers were spoiled since the last {@link #inject} */
    public int injected() {
        return injected.get();
    }

    /** @return the requests received since the last {@link #inject}, in order */
    public List<Request> received() {
        return List.copyOf(received);
    }

    private void listen(ServerSocket s) {
        listener = s;
        Thread t = new Thread(() -> acceptLoop(s), "fault-proxy-" + port);
        t.setDaemon(true);
        t.start();
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                open.add(client);
                Thread t = new Thread(() -> serve(client), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // listener closed
            }
        }
    }

    /**
     * Answers one connection. Over TLS the secure socket is layered on the accepted one, so that a
     * reset or a drop closes the TCP connection abruptly (RST, no TLS close_notify), as a broken
     * network does, while the other answers end with a clean TLS close.
     */
    private void serve(Socket raw) {
        try (raw) {
            Fault f = fault;
            if (f.kind() == Kind.SILENT && hits.getAndIncrement() < f.times()) {
                injected.incrementAndGet();
                silence(raw);
                return;
            }
            Socket client = tls == null ? raw : secure(raw);
            boolean abrupt = answer(client, raw, f);
            if (!abrupt) {
                client.close();
            }
        } catch (IOException e) {
            // the client went away: nothing to answer
        } finally {
            open.remove(raw);
        }
    }

    private SSLSocket secure(Socket raw) throws IOException {
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(raw, null, true);
        s.setUseClientMode(false);
        if (needClientAuth) {
            s.setNeedClientAuth(true);
        } else {
            s.setWantClientAuth(true);
        }
        return s;
    }

    /** @return whether the connection is to be reset rather than closed */
    private boolean answer(Socket client, Socket raw, Fault f) throws IOException {
        InputStream in = client.getInputStream();
        Parsed req = readRequest(in);
        if (req == null) {
            return false;
        }
        Request r = new Request(req.method, req.target, req.headers, peerSubject(client));
        received.add(r);
        boolean spoil = f.kind() != Kind.SILENT && f.applies().test(r) && hits.getAndIncrement() < f.times();
        Kind kind = spoil ? f.kind() : Kind.PASS;
        if (spoil) {
            injected.incrementAndGet();
        }
        OutputStream out = client.getOutputStream();
        switch (kind) {
            case RESET, REFUSE -> {
                raw.setSoLinger(true, 0);
                return true;
            }
            case STALL -> waitForClose(in);
            case STATUS_503 -> write(out, status(503, "Service Unavailable", "text/plain",
                    "Retry-After: 1\r\n", "Busy, try again later\n"));
            case STATUS_500_HTML -> write(out, status(500, "Internal Server Error", "text/html", "",
                    "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error"
                            + "</h1><p>The server encountered an internal error.</p></body></html>\n"));
            case STATUS_401 -> write(out, status(401, "Unauthorized", "text/plain",
                    "WWW-Authenticate: Basic realm=\"fault\"\r\n", "Login required\n"));
            case STATUS_403 -> write(out, status(403, "Forbidden", "text/plain", "", "Forbidden\n"));
            case REDIRECT_OTHER_HOST -> write(out, status(307, "Temporary Redirect", "text/plain",
                    "Location: " + redirectTarget + req.target + "\r\n", "Moved\n"));
            default -> {
                Answer a = forward(req);
                byte[] body = a.body;
                switch (kind) {
                    case PASS -> write(out, a.head(body.length), body);
                    case EMPTY_BODY -> write(out, a.head(0));
                    case CUT_VOTABLE -> {
                        byte[] cut = cutVOTable(body);
                        write(out, a.head(cut.length), cut);
                    }
                    case SHORT_BODY -> write(out, a.head(body.length), slice(body, body.length / 2));
                    case STALL_BODY -> {
                        write(out, a.head(body.length), slice(body, body.length / 2));
                        waitForClose(in);
                    }
                    case DROP_AFTER_BYTES -> {
                        byte[] all = concat(a.head(body.length), body);
                        write(out, slice(all, Math.min(f.bytes(), all.length)));
                        raw.setSoLinger(true, 0);
                        return true;
                    }
                    default -> throw new IllegalStateException(kind.toString());
                }
            }
        }
        return false;
    }

    /** @return the subject of the TLS client's certificate, or null */
    private static String peerSubject(Socket client) {
        if (client instanceof SSLSocket ssl) {
            try {
                return ((java.security.cert.X509Certificate) ssl.getSession().getPeerCertificates()[0])
                        .getSubjectX500Principal().getName();
            } catch (SSLPeerUnverifiedException none) {
                return null;
            }
        }
        return null;
    }

    /** Neither reads nor writes (no TLS handshake either) until the proxy closes, two minutes at most. */
    private void silence(Socket client) {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        try {
            while (!closed && !client.isClosed() && System.nanoTime() < end) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitForClose(InputStream in) {
        try {
            while (!closed && in.read() >= 0) {
                // discard until the client gives up
            }
        } catch (IOException e) {
            // the client gave up
        }
    }

    private static byte[] status(int code, String reason, String type, String extraHeaders, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + code + " " + reason + "\r\nContent-Type: " + type + "\r\n" + extraHeaders
                + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n";
        return concat(head.getBytes(StandardCharsets.ISO_8859_1), b);
    }

    /**
     * Cuts a VOTable in the middle of a row: TABLEDATA inside the middle {@code <TR>}, after its first
     * cell's opening tag and a few characters; a base64 STREAM in the middle of its text. Anything
     * else is cut in half.
     */
    static byte[] cutVOTable(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<Integer> rows = new ArrayList<>();
        for (int i = text.indexOf("<TR"); i >= 0; i = text.indexOf("<TR", i + 3)) {
            rows.add(i);
        }
        if (!rows.isEmpty()) {
            int row = rows.get(rows.size() / 2);
            int td = text.indexOf("<TD>", row);
            int at = td < 0 ? row + 3 : Math.min(td + 6, text.length());
            return slice(body, at);
        }
        int stream = text.indexOf("<STREAM");
        if (stream >= 0) {
            int start = text.indexOf('>', stream) + 1;
            int end = text.indexOf("</STREAM>", start);
            if (end > start) {
                return slice(body, start + (end - start) / 2);
            }
        }
        return slice(body, body.length / 2);
    }

    private static byte[] slice(byte[] b, int n) {
        byte[] s = new byte[n];
        System.arraycopy(b, 0, s, 0, n);
        return s;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void write(OutputStream out, byte[]... parts) throws IOException {
        for (byte[] p : parts) {
            out.write(p);
        }
        out.flush();
    }

    // --- request parsing and forwarding ---

    private record Parsed(String method, String target, List<String[]> headers, byte[] body) {
    }

    private record Answer(String statusLine, List<String[]> headers, byte[] body) {
        byte[] head(int length) {
            StringBuilder b = new StringBuilder(statusLine).append("\r\n");
            for (String[] h : headers) {
                b.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            b.append("Content-Length: ").append(length).append("\r\nConnection: close\r\n\r\n");
            return b.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        if (c < 0 && line.size() == 0) {
            return null;
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static List<String[]> readHeaders(InputStream in) throws IOException {
        List<String[]> headers = new ArrayList<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim()});
            }
        }
        return headers;
    }

    private static String first(List<String[]> headers, String name) {
        return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    private static Parsed readRequest(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null || line.isBlank()) {
            return null;
        }
        String[] parts = line.split(" ");
        List<String[]> headers = readHeaders(in);
        return new Parsed(parts[0], parts[1], headers, readBody(in, headers));
    }

    private static byte[] readBody(InputStream in, List<String[]> headers) throws IOException {
        String length = first(headers, "content-length");
        String encoding = first(headers, "transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (String size = readLine(in); size != null; size = readLine(in)) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    readHeaders(in); // trailers
                    break;
                }
                body.write(in.readNBytes(n));
                readLine(in);
            }
            return body.toByteArray();
        }
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    }

    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "keep-alive", "accept-encoding",
            "transfer-encoding", "content-length", "proxy-connection", "te", "upgrade");

    private Answer forward(Parsed req) throws IOException {
        try (Socket up = new Socket()) {
            up.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()), 5000);
            up.setSoTimeout(120_000);
            StringBuilder head = new StringBuilder(req.method).append(' ').append(req.target).append(" HTTP/1.0\r\n");
            head.append("Host: ").append(upstream.getHost()).append(':').append(upstream.getPort()).append("\r\n");
            for (String[] h : req.headers) {
                if (!HOP_HEADERS.contains(h[0])) {
                    head.append(h[0]).append(": ").append(h[1]).append("\r\n");
                }
            }
            head.append("Accept-Encoding: identity\r\nConnection: close\r\n");
            if (req.body.length > 0 || req.method.equals("POST")) {
                head.append("Content-Length: ").append(req.body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = up.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(req.body);
            out.flush();
            InputStream in = up.getInputStream();
            String statusLine = readLine(in);
            if (statusLine == null) {
                throw new IOException("upstream closed without an answer");
            }
            List<String[]> headers = readHeaders(in);
            byte[] body;
            String encoding = first(headers, "transfer-encoding");
            if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                body = readBody(in, headers);
            } else {
                body = in.readAllBytes();
            }
            String from = upstream.getScheme() + "://" + upstream.getHost() + ":" + upstream.getPort();
            String to = origin().toString();
            List<String[]> kept = new ArrayList<>();
            for (String[] h : headers) {
                if (HOP_HEADERS.contains(h[0])) {
                    continue;
                }
                kept.add(new String[] {h[0], h[0].equals("location") ? h[1].replace(from, to) : h[1]});
            }
            String type = String.valueOf(first(headers, "content-type")).toLowerCase(Locale.ROOT);
            if (type.contains("xml") || type.contains("text") || type.contains("votable") || type.contains("json")) {
                body = new String(body, StandardCharsets.ISO_8859_1).replace(from, to)
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            return new Answer(statusLine, kept, body);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        ServerSocket s = listener;
        if (s != null) {
            s.close();
        }
        for (Socket c : open) {
            c.close();
        }
    }
}
