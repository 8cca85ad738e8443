package io.github.puavomirror.cli.rdiff;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Counts the bytes written (for {@code -s}) and remembers whether writing failed, so an error
 * names the output file rather than an input.
 */
final class CountingOutputStream extends FilterOutputStream {
    private long count;
    private boolean failed;

    CountingOutputStream(OutputStream out) {
        super(out);
    }

    long count() {
        return count;
    }

    boolean failed() {
        return failed;
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            failed = true;
            throw e;
        }
        count += len;
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            failed = true;
            throw e;
        }
    }

    /** Flushes only: the owner ({@link OutputTarget}) decides when the file is closed. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
