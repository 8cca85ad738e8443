/*
 * Copyright 2026 the puavo-mirror authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.puavomirror.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded, reproducible "old" and "new" pair shaped like two builds of a disk image: random old
 * data with a few zero runs; new = old with {@value #OVERWRITES} overwrites of 1 KiB and
 * {@value #INSERTS} inserts of up to 4 KiB at random places. Both are streamed, so 1 GiB needs
 * no more than a buffer of memory; the same seed and size always give the same bytes.
 */
public final class SimilarPair {
    static final int OVERWRITES = 100;
    static final int OVERWRITE_LENGTH = 1024;
    static final int INSERTS = 20;
    static final int MAX_INSERT = 4096;
    static final int ZERO_RUNS = 8;
    private static final int CHUNK = 1 << 20;

    private final long size;
    private final long seed;

    public SimilarPair(long size, long seed) {
        if (size < 2L * MAX_INSERT) {
            throw new IllegalArgumentException("pair size " + size + " is too small");
        }
        this.size = size;
        this.seed = seed;
    }

    public long size() {
        return size;
    }

    public long seed() {
        return seed;
    }

    /** Writes the old file: 1 MiB chunks of seeded random bytes, then the zero runs (each size/256 long). */
    public void writeOld(OutputStream out) throws IOException {
        SplittableRandom layout = new SplittableRandom(seed);
        long runLength = Math.max(1, size / 256);
        long[] runs = new long[ZERO_RUNS];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = layout.nextLong(size - runLength);
        }
        SplittableRandom data = new SplittableRandom(seed * 31 + 1);
        byte[] chunk = new byte[CHUNK];
        for (long at = 0; at < size; at += CHUNK) {
            int n = (int) Math.min(CHUNK, size - at);
            data.nextBytes(chunk);
            for (long run : runs) {
                long from = Math.max(run, at);
                long to = Math.min(run + runLength, at + n);
                if (from < to) {
                    Arrays.fill(chunk, (int) (from - at), (int) (to - at), (byte) 0);
                }
            }
            out.write(chunk, 0, n);
        }
    }

    /** Writes the new file from the old one: the edits are applied in position order, overlaps clipped. */
    public void writeNew(InputStream old, OutputStream out) throws IOException {
        SplittableRandom layout = new SplittableRandom(seed + 0x5eed);
        int edits = OVERWRITES + INSERTS;
        long[] at = new long[edits];
        for (int i = 0; i < edits; i++) {
            // Low bit: 1 = insert, 0 = overwrite; the position is in the upper bits.
            at[i] = layout.nextLong(size - OVERWRITE_LENGTH) << 1 | (i < INSERTS ? 1 : 0);
        }
        Arrays.sort(at);
        byte[] buf = new byte[CHUNK];
        byte[] fresh = new byte[MAX_INSERT];
        long pos = 0;
        for (long e : at) {
            long where = Math.max(pos, e >>> 1);
            copy(old, out, where - pos, buf);
            pos = where;
            if ((e & 1) != 0) {
                int n = 1 + layout.nextInt(MAX_INSERT);
                layout.nextBytes(fresh);
                out.write(fresh, 0, n);
            } else {
                layout.nextBytes(fresh);
                out.write(fresh, 0, OVERWRITE_LENGTH);
                skip(old, OVERWRITE_LENGTH);
                pos += OVERWRITE_LENGTH;
            }
        }
        copy(old, out, size - pos, buf);
    }

    /** The pair in memory, for JMH: {old, new}. */
    public byte[][] inMemory() throws IOException {
        ByteArrayOutputStream old = new ByteArrayOutputStream((int) size);
        writeOld(old);
        byte[] o = old.toByteArray();
        ByteArrayOutputStream nw = new ByteArrayOutputStream((int) size + INSERTS * MAX_INSERT);
        writeNew(new ByteArrayInputStream(o), nw);
        return new byte[][] {o, nw.toByteArray()};
    }

    private static void copy(InputStream in, OutputStream out, long n, byte[] buf) throws IOException {
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new IOException("old file ended early");
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException("old file ended early");
                }
                s = 1;
            }
            left -= s;
        }
    }
}
