package org.astrolabe.core.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.astrolabe.core.http.HttpResult;
import org.eclipse.core.runtime.IProgressMonitor;

/** {@link HttpResult} over a HttpClient 5 response; the body checks the monitor on each read. */
final class HttpClient5Result implements HttpResult {

    private final ClassicHttpResponse response;
    private final URI uri;
    private final IProgressMonitor monitor;
    private final org.apache.hc.client5.http.classic.methods.HttpUriRequestBase message;
    private InputStream body;
    private final boolean credentialsSent;

    HttpClient5Result(ClassicHttpResponse response, URI uri, IProgressMonitor monitor,
            org.apache.hc.client5.http.classic.methods.HttpUriRequestBase message, boolean credentialsSent) {
        this.credentialsSent = credentialsSent;
        this.response = response;
        this.message = message;
        this.uri = uri;
        this.monitor = monitor;
    }

    @Override
    public int status() {
        return response.getCode();
    }

    @Override
    public boolean credentialsSent() {
        return credentialsSent;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public Optional<String> header(String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? Optional.empty() : Optional.ofNullable(h.getValue());
    }

    @Override
    public String mediaType() {
        String type = header("Content-Type").orElse("");
        int semi = type.indexOf(';');
        return (semi >= 0 ? type.substring(0, semi) : type).trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public long contentLength() {
        HttpEntity entity = response.getEntity();
        return entity == null || gzipped() ? -1 : entity.getContentLength();
    }

    /** Whether the body is gzip-encoded (only when the request asked for it): inflated by {@link #body()}. */
    private boolean gzipped() {
        String coding = header("Content-Encoding").orElse("").strip().toLowerCase(Locale.ROOT);
        return coding.equals("gzip") || coding.equals("x-gzip");
    }

    @Override
    public synchronized InputStream body() {
        if (body == null) {
            InputStream raw;
            try {
                HttpEntity entity = response.getEntity();
                raw = entity == null ? InputStream.nullInputStream() : entity.getContent();
            } catch (IOException e) {
                raw = InputStream.nullInputStream();
            }
            InputStream in = raw == null ? InputStream.nullInputStream() : raw;
            body = new CancellableStream(gzipped() ? new Inflating(in) : in, monitor, this::abortIfCancelled);
        }
        return body;
    }

    @Override
    public void close() {
        abortIfCancelled();
        try {
            response.close();
        } catch (IOException ignored) {
            // connection is discarded
        }
    }

    /**
     * Closing a body normally reads what is left of it so that the connection can be reused: after a
     * cancellation that could take as long as the download itself, so the connection is dropped.
     */
    private void abortIfCancelled() {
        if (monitor != null && monitor.isCanceled()) {
            message.cancel();
        }
    }

    /**
     * A gzip body, inflated as it is read; the gzip header is read on the first read, so that a
     * body cut off there fails like any other cut (an {@link IOException} while reading).
     */
    private static final class Inflating extends InputStream {
        private final InputStream raw;
        private java.util.zip.GZIPInputStream gzip;

        Inflating(InputStream raw) {
            this.raw = raw;
        }

        private InputStream open() throws IOException {
            if (gzip == null) {
                gzip = new java.util.zip.GZIPInputStream(raw, 1 << 16);
            }
            return gzip;
        }

        @Override
        public int read() throws IOException {
            return open().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return open().read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }

    /** Checks cancellation between reads, so a long download stops promptly. */
    private static final class CancellableStream extends FilterInputStream {
        private final IProgressMonitor monitor;
        private final Runnable beforeClose;

        CancellableStream(InputStream in, IProgressMonitor monitor, Runnable beforeClose) {
            super(in);
            this.monitor = monitor;
            this.beforeClose = beforeClose;
        }

        @Override
        public void close() throws IOException {
            beforeClose.run();
            super.close();
        }

        @Override
        public int read() throws IOException {
            HttpClient5Transport.checkCancelled(monitor);
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            HttpClient5Transport.checkCancelled(monitor);
            return super.read(b, off, len);
        }
    }
}
