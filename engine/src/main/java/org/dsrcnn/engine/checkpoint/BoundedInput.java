package org.dsrcnn.engine.checkpoint;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that knows how many bytes remain in the file (or entry) it reads, so that lengths
 * announced inside the data can be checked before a buffer of that length is allocated.
 */
final class BoundedInput extends FilterInputStream {

    private final long length;
    private long position;

    BoundedInput(InputStream in, long length) {
        super(in);
        this.length = length;
    }

    long position() {
        return position;
    }

    long remaining() {
        return length - position;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        int n = super.read(buffer, offset, count);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        position += skipped;
        return skipped;
    }

    /** Reads exactly {@code n} bytes (n checked against what remains first). */
    byte[] readExactly(long n, String what) throws IOException {
        if (n < 0 || n > remaining()) {
            throw new IllegalArgumentException(what + " needs " + n + " bytes but only " + remaining()
                    + " remain (truncated file)");
        }
        byte[] out = readNBytes((int) n);
        if (out.length != n) {
            throw new IllegalArgumentException(what + ": the file ends early (truncated)");
        }
        return out;
    }

    /** Skips exactly {@code n} bytes. */
    void skipExactly(long n, String what) throws IOException {
        if (n < 0 || n > remaining()) {
            throw new IllegalArgumentException(what + " needs " + n + " bytes but only " + remaining()
                    + " remain (truncated file)");
        }
        skipNBytes(n);
    }
}
