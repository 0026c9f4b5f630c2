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
    private InputStream body;

    HttpClient5Result(ClassicHttpResponse response, URI uri, IProgressMonitor monitor) {
        this.response = response;
        this.uri = uri;
        this.monitor = monitor;
    }

    @Override
    public int status() {
        return response.getCode();
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
        return entity == null ? -1 : entity.getContentLength();
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
            body = new CancellableStream(raw == null ? InputStream.nullInputStream() : raw, monitor);
        }
        return body;
    }

    @Override
    public void close() {
        try {
            response.close();
        } catch (IOException ignored) {
            // connection is discarded
        }
    }

    /** Checks cancellation between reads, so a long download stops promptly. */
    private static final class CancellableStream extends FilterInputStream {
        private final IProgressMonitor monitor;

        CancellableStream(InputStream in, IProgressMonitor monitor) {
            super(in);
            this.monitor = monitor;
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
