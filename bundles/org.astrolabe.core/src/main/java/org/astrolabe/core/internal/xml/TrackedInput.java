package org.astrolabe.core.internal.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The stream a parser reads, remembering whether reading it failed. An {@link IOException} that
 * comes out of a parser may mean the source broke (a connection reset or timed out: a transient
 * failure) or that the bytes are wrong (an unknown or violated character encoding, a binary
 * stream the table library cannot decode: invalid input); only the first passes through here.
 * Not thread-safe beyond what the wrapped stream offers.
 */
public final class TrackedInput extends FilterInputStream {

    private volatile IOException failure;

    /** @param in the source */
    public TrackedInput(InputStream in) {
        super(in);
    }

    /** @return whether reading the source itself failed */
    public boolean broke() {
        return failure != null;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
