package org.astrolabe.datalink.download;

import java.net.URI;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Downloads files over HTTP(S) into a directory: several transfers at once (a limit per host),
 * resumed with {@code Range} after a broken connection, retried with back-off (honouring the
 * server's {@code Retry-After}, within a bound), checked against {@code Content-Length} and
 * against a digest when the server sends one ({@code Digest}, {@code Repr-Digest},
 * {@code Content-MD5}), written under a temporary name and renamed only when complete and
 * verified. The file name comes from {@code Content-Disposition} (sanitised, never leaving the
 * directory) or the URL's last path segment; two URLs of one call that get the same name are
 * told apart by a {@code -1}, {@code -2}... suffix.
 *
 * <p>Published as an OSGi service; implementations are thread-safe and may run several
 * {@link #download} calls at once (each with its own limits).
 */
public interface DownloadManager {

    /**
     * Downloads every URL and reports one outcome per URL, in the order of {@code urls}. Failures
     * of single files (authentication, not found, network, size or digest mismatch, a file that
     * already exists) are outcomes, never exceptions, and never dropped.
     *
     * @param urls absolute http(s) URLs; duplicates are downloaded once each time they appear
     * @param options directory, parallelism, overwrite and retry settings
     * @param monitor progress (one unit per file, refined by bytes when the size is known) and
     *        cancellation; may be {@code null}
     * @return one outcome per URL, same order, never {@code null}
     * @throws IllegalArgumentException if a URL is not absolute http(s)
     * @throws org.eclipse.core.runtime.OperationCanceledException when the monitor is cancelled:
     *         every transfer is stopped first and no temporary file is left (files already
     *         completed stay)
     * @throws java.io.UncheckedIOException when the directory cannot be created
     */
    List<DownloadOutcome> download(List<URI> urls, DownloadOptions options, IProgressMonitor monitor);

    /**
     * A download manager that sends its requests with other time-outs or User-Agent (e.g. a command
     * line's {@code --timeout}), over connections of its own; this one is unchanged.
     *
     * @param settings the transport settings to use
     * @return a new download manager
     * @throws UnsupportedOperationException when this implementation cannot change its transport
     *         (Astrolabe's service always can)
     */
    default DownloadManager withSettings(org.astrolabe.core.http.TransportSettings settings) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot change its transport settings");
    }
}
