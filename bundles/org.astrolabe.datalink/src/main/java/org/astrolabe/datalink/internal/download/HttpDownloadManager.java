package org.astrolabe.datalink.internal.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import org.astrolabe.core.http.HttpRequest;
import org.astrolabe.core.http.HttpTransport;
import org.astrolabe.core.http.TransportSettings;
import org.astrolabe.datalink.download.DownloadManager;
import org.astrolabe.datalink.download.DownloadOptions;
import org.astrolabe.datalink.download.DownloadOutcome;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link DownloadManager} on Astrolabe's {@link HttpTransport}. Each call gets its own thread pool
 * and one semaphore per host (scheme, host and port), so the per-host limit holds whatever the
 * order of the URLs; the calling thread only reports progress and watches for cancellation, since
 * an {@link IProgressMonitor} must not be driven from several threads.
 */
@Component(service = DownloadManager.class)
public final class HttpDownloadManager implements DownloadManager {

    private static final int PROGRESS_PER_FILE = 1000;
    private static final int MAX_THREADS = 64;
    private static final long POLL_MILLIS = 100;

    private final HttpTransport transport;

    /** @param transport the HTTP transport service */
    @Activate
    public HttpDownloadManager(@Reference HttpTransport transport) {
        this.transport = transport;
    }

    @Override
    public DownloadManager withSettings(TransportSettings settings) {
        return new HttpDownloadManager(transport.withSettings(settings));
    }

    @Override
    public List<DownloadOutcome> download(List<URI> urls, DownloadOptions options, IProgressMonitor monitor) {
        int n = urls.size();
        SubMonitor sub = SubMonitor.convert(monitor, "Downloading " + n + (n == 1 ? " file" : " files"),
                n * PROGRESS_PER_FILE);
        urls.forEach(HttpRequest::requireHttpUri);
        try {
            Files.createDirectories(options.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the download directory " + options.directory(), e);
        }
        if (n == 0) {
            return List.of();
        }
        Map<String, Semaphore> perHost = new HashMap<>();
        for (URI u : urls) {
            perHost.computeIfAbsent(hostKey(u), k -> new Semaphore(options.parallelPerHost(), true));
        }
        CancelFlag cancel = new CancelFlag();
        FileNames names = new FileNames(options.directory());
        AtomicLongArray received = new AtomicLongArray(n);
        AtomicLongArray sizes = new AtomicLongArray(n);
        int threads = Math.min(n, Math.min(MAX_THREADS, perHost.size() * options.parallelPerHost()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, new Named());
        CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        DownloadOutcome[] outcomes = new DownloadOutcome[n];
        try {
            for (int i = 0; i < n; i++) {
                int index = i;
                URI url = urls.get(i);
                sizes.set(i, -1);
                Semaphore host = perHost.get(hostKey(url));
                done.submit(() -> {
                    host.acquire();
                    try {
                        if (cancel.isCanceled()) {
                            throw new OperationCanceledException();
                        }
                        outcomes[index] = new Transfer(transport, url, options, names, cancel, (got, size) -> {
                            received.set(index, got);
                            sizes.set(index, size);
                        }).run();
                    } finally {
                        host.release();
                    }
                    return index;
                });
            }
            boolean[] finished = new boolean[n];
            long reported = 0;
            for (int remaining = n; remaining > 0;) {
                if (sub.isCanceled()) {
                    cancel.cancel();
                    stop(pool);
                    throw new OperationCanceledException();
                }
                Future<Integer> f = done.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (f != null) {
                    finished[result(f)] = true;
                    remaining--;
                }
                long units = 0;
                long bytes = 0;
                for (int i = 0; i < n; i++) {
                    long got = received.get(i);
                    long size = sizes.get(i);
                    bytes += got;
                    units += finished[i] ? PROGRESS_PER_FILE
                            : size > 0 ? Math.min(PROGRESS_PER_FILE - 1, got * PROGRESS_PER_FILE / size) : 0;
                }
                if (units > reported) {
                    sub.worked((int) (units - reported));
                    reported = units;
                }
                sub.subTask((n - remaining) + " of " + n + " files, " + (bytes >> 10) + " KiB");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel.cancel();
            stop(pool);
            throw new OperationCanceledException();
        } finally {
            pool.shutdownNow();
        }
        return List.of(outcomes);
    }

    private static int result(Future<Integer> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("A transfer failed unexpectedly", e.getCause());
        }
    }

    /** Stops every transfer and waits for them to delete their temporary files. */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String hostKey(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** The monitor handed to the transfers: only its cancellation flag matters, set by the caller's thread. */
    private static final class CancelFlag extends NullProgressMonitor {
        private volatile boolean cancelled;

        void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCanceled() {
            return cancelled;
        }

        @Override
        public void setCanceled(boolean value) {
            cancelled = value;
        }
    }

    private static final class Named implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "astrolabe-download-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

}
