package org.astrolabe.datalink.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.astrolabe.core.AstrolabeException;
import org.astrolabe.core.AuthenticationException;
import org.astrolabe.core.InvalidInputException;
import org.astrolabe.core.NotFoundException;
import org.astrolabe.core.ServiceFailureException;
import org.astrolabe.core.TransientException;
import org.astrolabe.core.http.HttpFailures;
import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpResult;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.datalink.download.DownloadOptions;
import org.astrolabe.datalink.download.DownloadOutcome;
import org.astrolabe.datalink.download.DownloadOutcome.Status;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

/**
 * One URL downloaded to a temporary file in the target directory, resumed with {@code Range}
 * (guarded by {@code If-Range}) after a broken connection, retried on transient failures, checked
 * (size, digests) and then moved into place. Runs on one thread; the temporary file is deleted on
 * every way out except success.
 */
final class Transfer {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER = 1 << 16;

    private final HttpTransport transport;
    private final URI url;
    private final DownloadOptions options;
    private final FileNames names;
    private final IProgressMonitor cancel;
    private final Abandon abandon;
    private final Progress progress;

    private Path temp;
    private Path target;
    private long have;
    private long total = -1;
    private boolean rangeSupported;
    private String validator;
    private Digests digests = Digests.NONE;
    private boolean shortBody;

    /** Where a transfer reports bytes received; called from the transfer's thread. */
    interface Progress {
        void update(long received, long total);
    }

    Transfer(HttpTransport transport, URI url, DownloadOptions options, FileNames names, IProgressMonitor cancel,
            Progress progress) {
        this.transport = transport;
        this.url = url;
        this.options = options;
        this.names = names;
        this.cancel = cancel;
        this.abandon = new Abandon(cancel);
        this.progress = progress;
    }

    DownloadOutcome run() {
        try {
            temp = Files.createTempFile(options.directory(), ".astrolabe-", ".part");
            return attempts();
        } catch (IOException e) {
            return outcome(Status.SERVICE_FAILURE, new InvalidInputException("Cannot write the download of " + url
                    + " in " + options.directory() + ": " + e.getMessage(), url, e));
        } finally {
            deleteTemp();
        }
    }

    private DownloadOutcome attempts() throws IOException {
        Duration backoff = options.initialBackoff();
        AstrolabeException last = null;
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(last, backoff);
                backoff = backoff.multipliedBy(2);
            }
            // Bytes as stored: Range offsets, Content-Length and digests then all refer to the file
            // itself (the transport would otherwise undo a gzip encoding the server applies on the fly).
            HttpRequest request = HttpRequest.get(url).withHeader("Accept-Encoding", "identity");
            for (var h : options.headers()) {
                request = request.withHeader(h.name(), h.value());
            }
            boolean ranged = have > 0 && rangeSupported;
            if (ranged) {
                request = request.withHeader("Range", "bytes=" + have + "-");
                if (validator != null) {
                    request = request.withHeader("If-Range", validator);
                }
            }
            try (HttpResult result = transport.send(request, abandon)) {
                int status = result.status();
                boolean append = false;
                if (status == 206 && ranged) {
                    append = acceptRange(result);
                    if (!append) {
                        have = 0;
                        rangeSupported = false;
                        last = new TransientException("The server resumed " + url + " at the wrong place", url,
                                null, null);
                        continue;
                    }
                } else if (status == 416 && ranged) {
                    have = 0;
                    last = new TransientException("The server refused to resume " + url + " (HTTP 416)", url, null,
                            null);
                    continue;
                } else {
                    HttpFailures.requireSuccess(result);
                    if (status == 206) {
                        throw new ServiceFailureException("The server sent part of " + url
                                + " (HTTP 206) without being asked for a range", url, null);
                    }
                }
                if (!append) {
                    firstBytes(result);
                    if (target == null) {
                        target = names.reserve(FileNames.choose(result.header("Content-Disposition").orElse(null),
                                result.uri()));
                        if (!options.overwrite() && FileNames.exists(target)) {
                            abandon.now();
                            return new DownloadOutcome(url, Status.EXISTS, target, -1, null);
                        }
                    }
                }
                try {
                    copy(result.body(), append);
                } catch (IOException broken) {
                    shortBody = false;
                    last = new TransientException("The connection to " + url.getHost() + " broke after " + have
                            + (total >= 0 ? " of " + total : "") + " bytes of " + url, url, null, broken);
                    if (!rangeSupported) {
                        have = 0;
                    }
                    continue;
                }
            } catch (TransientException e) {
                shortBody = false;
                last = e;
                continue;
            } catch (AuthenticationException e) {
                return outcome(e.isDenied() ? Status.ACCESS_DENIED : Status.AUTHENTICATION_REQUIRED, e);
            } catch (NotFoundException e) {
                return outcome(Status.NOT_FOUND, e);
            } catch (AstrolabeException e) {
                return outcome(Status.SERVICE_FAILURE, e);
            }
            if (total >= 0 && have != total) {
                shortBody = true;
                last = new TransientException("Received " + have + " of the " + total + " bytes announced for " + url,
                        url, null, null);
                if (!rangeSupported) {
                    have = 0;
                }
                continue;
            }
            if (have == 0) {
                // An empty 200 is never an archive product: keeping it would leave a file that looks
                // complete (a proxy or an overloaded server answering with no body).
                return outcome(Status.INVALID_CONTENT, new ServiceFailureException("The server sent an empty answer "
                        + "for " + url + "; nothing was kept", url, null));
            }
            return finish();
        }
        Status status = shortBody ? Status.INVALID_CONTENT : Status.NETWORK_FAILURE;
        return outcome(status, last != null ? last
                : new TransientException("Could not download " + url, url, null, null));
    }

    /** Reads size, validator, range support and digests from a full (200) answer. */
    private void firstBytes(HttpResult result) {
        have = 0;
        total = result.contentLength();
        rangeSupported = result.header("Accept-Ranges").map(v -> v.trim().equalsIgnoreCase("bytes")).orElse(false);
        String etag = result.header("ETag").orElse(null);
        validator = etag != null && !etag.startsWith("W/") ? etag : result.header("Last-Modified").orElse(null);
        digests = Digests.of(result);
    }

    /** @return {@code true} when the 206 continues where we stopped; otherwise restart from 0 */
    private boolean acceptRange(HttpResult result) {
        Matcher m = CONTENT_RANGE.matcher(result.header("Content-Range").orElse(""));
        if (m.find() && Long.parseLong(m.group(1)) == have) {
            if (!m.group(3).equals("*")) {
                long announced = Long.parseLong(m.group(3));
                if (total >= 0 && announced != total) {
                    return false;
                }
                total = announced;
            }
            return true;
        }
        return false;
    }

    private void copy(InputStream body, boolean append) throws IOException {
        if (!append) {
            have = 0;
        }
        try (InputStream in = body;
                OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) >= 0;) {
                out.write(buf, 0, n);
                have += n;
                progress.update(have, total);
            }
        }
    }

    private DownloadOutcome finish() throws IOException {
        String mismatch = digests.firstMismatch(temp);
        if (mismatch != null) {
            return outcome(Status.INVALID_CONTENT, new ServiceFailureException("The " + mismatch
                    + " digest the server sent for " + url + " does not match the " + have
                    + " bytes received; nothing was kept", url, null));
        }
        if (options.overwrite()) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            try {
                // A hard link fails atomically when the name is taken, unlike a rename.
                Files.createLink(target, temp);
            } catch (FileAlreadyExistsException taken) {
                return new DownloadOutcome(url, Status.EXISTS, target, -1, null);
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (FileNames.exists(target)) {
                    return new DownloadOutcome(url, Status.EXISTS, target, -1, null);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return new DownloadOutcome(url, Status.DOWNLOADED, target, have, null);
    }

    private void pause(AstrolabeException last, Duration backoff) {
        Duration wait = backoff;
        if (last instanceof TransientException t && t.retryAfter().isPresent()) {
            wait = t.retryAfter().get();
        }
        if (wait.compareTo(options.maxRetryDelay()) > 0) {
            wait = options.maxRetryDelay();
        }
        long until = System.nanoTime() + wait.toNanos();
        try {
            for (long left; (left = until - System.nanoTime()) > 0;) {
                if (cancel.isCanceled()) {
                    throw new OperationCanceledException();
                }
                Thread.sleep(Math.min(50, Math.max(1, left / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationCanceledException();
        }
        if (cancel.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    private DownloadOutcome outcome(Status status, AstrolabeException failure) {
        return new DownloadOutcome(url, status, null, -1, failure);
    }

    private void deleteTemp() {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover ".astrolabe-*.part" is hidden and never looks like a finished file
            }
        }
    }

    /**
     * The monitor given to the transport: cancelled with the caller's, or when this transfer gives up
     * on a body it has not read (the transport then drops the connection instead of reading the rest
     * of a file that is not wanted).
     */
    private static final class Abandon extends org.eclipse.core.runtime.NullProgressMonitor {
        private final IProgressMonitor outer;
        private volatile boolean abandoned;

        Abandon(IProgressMonitor outer) {
            this.outer = outer;
        }

        void now() {
            abandoned = true;
        }

        @Override
        public boolean isCanceled() {
            return abandoned || outer.isCanceled();
        }
    }
}
