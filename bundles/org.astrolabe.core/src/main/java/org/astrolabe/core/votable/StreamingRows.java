package org.astrolabe.core.votable;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.table.WrapperStarTable;

/**
 * Rows handed from a parsing thread to a writing thread through a short queue: the parser's side
 * is a {@link TableSink}, the writer's a table that can be read once. Either side can fail and the
 * other then stops within a tenth of a second instead of waiting for ever (STIL's own
 * {@code OnceRowPipe} waits on in {@code next()} after an error, and in {@code acceptRow} after
 * its reader has gone).
 */
final class StreamingRows implements TableSink {

    private static final Object[] END = new Object[0];
    private static final long POLL_MS = 100;

    private final BlockingQueue<Object[]> queue = new ArrayBlockingQueue<>(1024);
    private final CompletableFuture<StarTable> metadata = new CompletableFuture<>();
    private volatile IOException failure;
    private volatile boolean readerGone;

    @Override
    public void acceptMetadata(StarTable meta) {
        metadata.complete(meta);
    }

    @Override
    public void acceptRow(Object[] row) throws IOException {
        put(row);
    }

    @Override
    public void endRows() throws IOException {
        put(END);
    }

    private void put(Object[] row) throws IOException {
        try {
            while (!queue.offer(row, POLL_MS, TimeUnit.MILLISECONDS)) {
                if (readerGone) {
                    throw new IOException("the writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The writer failed: the parser's next row throws. */
    void abandon() {
        readerGone = true;
    }

    /** The parser failed: the writer's next read throws {@code reason}. */
    void fail(IOException reason) {
        failure = reason;
        metadata.completeExceptionally(reason);
    }

    /**
     * @return the table as it arrives; its rows can be read once
     * @throws IOException when the parser failed before the table began
     */
    StarTable table() throws IOException {
        StarTable meta;
        try {
            meta = metadata.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new WrapperStarTable(meta) {
            private boolean used;

            @Override
            public boolean isRandom() {
                return false;
            }

            @Override
            public synchronized RowSequence getRowSequence() throws IOException {
                if (used) {
                    throw new IOException("a streamed result can be read only once");
                }
                used = true;
                return new Sequence();
            }
        };
    }

    private final class Sequence implements RowSequence {
        private Object[] row;
        private boolean ended;

        @Override
        public boolean next() throws IOException {
            if (ended) {
                return false;
            }
            try {
                Object[] next;
                do {
                    if (failure != null) {
                        throw failure;
                    }
                    next = queue.poll(POLL_MS, TimeUnit.MILLISECONDS);
                } while (next == null);
                if (next == END) {
                    ended = true;
                    return false;
                }
                row = next;
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }

        @Override
        public Object getCell(int icol) {
            return row[icol];
        }

        @Override
        public Object[] getRow() {
            return row;
        }

        @Override
        public void close() {
            readerGone = true;
        }
    }
}
