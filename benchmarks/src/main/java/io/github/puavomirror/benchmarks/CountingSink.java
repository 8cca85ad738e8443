package io.github.puavomirror.benchmarks;

import java.io.OutputStream;

/** Discards what it is given and counts it, so JMH times the engine rather than a growing array. */
final class CountingSink extends OutputStream {
    private long count;

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }

    long count() {
        return count;
    }
}
