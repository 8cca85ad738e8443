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
package io.github.puavomirror.rdiff;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-step diff of a large new file on two cores, with the bytes of the one-thread diff.
 *
 * <p>A second matcher starts halfway through the new file with a fresh state (no pending copy or
 * literal) and logs each copy it writes; this thread's matcher starts at the beginning. The
 * matcher's future depends only on its state after a hit: the position, the pending copy's end in
 * the basis (which is also the last block matched) and no pending literal. Once the first matcher
 * is past the split, it looks at each such state for a copy of the second one that holds the same
 * position on the same basis position: there both would do the same from then on, so the first
 * extends its pending copy to that copy's end and the second's output after it completes the delta.
 * Matched runs, which similar images are made of, give such a state within a block or two.
 *
 * <p>When no state matches (the halves never agree), or the second half's output grows past
 * {@link #MAX_SECOND_OUTPUT} (a new file unlike its basis), the first matcher goes on alone, as
 * a one-thread diff would: the second half's work is lost, not the result.
 *
 * <p>On 2 cores this takes the matching pass of the 1 GiB benchmark pair from 0.38 to 0.25 s
 * (in one JVM, alternating); a mirror job that already runs one diff per core does not split.
 */
final class SplitDelta {
    /** New files smaller than this are diffed on one thread: a thread and a second read cost more than they save. */
    private static final long MIN_SIZE = 64L << 20;
    private static final int MAX_SECOND_OUTPUT = 32 << 20;
    /**
     * The first matcher joins within a copy or two of the split: only the second's first copies
     * need logging. A new file with many short copies (a zero run is a copy a block) filled 64 Ki
     * rows, 7.5 MiB with the copies made as it grew, for nothing.
     */
    private static final int MAX_COPIES = 1 << 12;
    static final String THREAD_NAME = "puavo-rdiff-second-half";
    /** One-step diffs running in this JVM: a mirror job that runs one per core has no core to spare. */
    private static final AtomicInteger RUNNING = new AtomicInteger();

    private SplitDelta() {
    }

    /**
     * The most heap a one-step diff of a new file of this length holds besides the basis index:
     * one matcher's window, or for a split diff two, the second half's output (up to its bound,
     * in pieces of at most 1 MiB) and its copy log.
     */
    static long heapBytes(long newFileLength, SignatureParams params) {
        if (newFileLength < MIN_SIZE) {
            return DeltaWriter.heapBytes(params);
        }
        return 2 * DeltaWriter.heapBytes(params) + MAX_SECOND_OUTPUT + (1 << 20)
                + HeapArrays.bytes((long) MAX_COPIES * CopyLog.FIELDS, 8) * 3 / 2;
    }

    /**
     * Whether a diff of a new file of this size is split: the basis matched by its bytes, a large
     * file, and a core to spare for each diff running.
     */
    static boolean applies(BlockMatcher matcher, long newFileSize) {
        return !matcher.hashesWindows() && matcher.count() > 0 && newFileSize >= MIN_SIZE
                && 2L * RUNNING.get() <= Runtime.getRuntime().availableProcessors();
    }

    /** The one-step diff of {@code newFile}: split in two where that {@link #applies}, else on this thread alone. */
    static RdiffStats diff(BlockMatcher matcher, Path newFile, OutputStream delta, RdiffStats stats)
            throws IOException {
        RUNNING.incrementAndGet();
        try {
            long size = Files.size(newFile);
            if (applies(matcher, size)) {
                run(matcher, newFile, size / 2, MAX_SECOND_OUTPUT, delta, stats);
                return stats;
            }
            try (InputStream in = Files.newInputStream(newFile)) {
                return new DeltaWriter(matcher, in, delta, stats).run();
            }
        } finally {
            RUNNING.decrementAndGet();
        }
    }

    /** Diffs with the second matcher from {@code split} on, keeping at most {@code maxSecondOutput} of its output; true when the halves joined. */
    static boolean run(BlockMatcher matcher, Path newFile, long split, int maxSecondOutput, OutputStream delta,
                       RdiffStats stats) throws IOException {
        Second second = new Second(matcher, newFile, split, maxSecondOutput);
        try (InputStream in = Files.newInputStream(newFile)) {
            DeltaWriter first = new DeltaWriter(matcher, in, delta, stats).joining(second, split);
            first.run();
            if (first.joined()) {
                // The first matcher read only to the join; the second read from the split to the end.
                stats.addIn(split + second.stats().inBytes() - stats.inBytes());
            }
            return first.joined();
        } finally {
            second.stop();
        }
    }

    /** The first copies the second matcher wrote, in order, with the output offset and statistics after each. */
    static final class CopyLog {
        private static final int FIELDS = 10;
        private long[] rows = new long[64 * FIELDS];
        private int count;

        void add(long newStart, long basisPos, long length, long outEnd, RdiffStats after) {
            if (count == MAX_COPIES) {
                return;
            }
            if ((count + 1) * FIELDS > rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
            }
            int r = count * FIELDS;
            rows[r] = newStart;
            rows[r + 1] = basisPos;
            rows[r + 2] = length;
            rows[r + 3] = outEnd;
            rows[r + 4] = after.literalCommands();
            rows[r + 5] = after.literalBytes();
            rows[r + 6] = after.literalCommandBytes();
            rows[r + 7] = after.copyCommands();
            rows[r + 8] = after.copyBytes();
            rows[r + 9] = after.copyCommandBytes();
            count++;
        }

        /**
         * The copy holding new-file position {@code q} after its first block, on basis position
         * {@code basisEnd} there, or -1.
         */
        int at(long q, long basisEnd) {
            int lo = 0;
            int hi = count - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (rows[mid * FIELDS] < q) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            int c = hi;
            if (c < 0) {
                return -1;
            }
            long start = rows[c * FIELDS];
            boolean inside = q <= start + rows[c * FIELDS + 2];
            return inside && rows[c * FIELDS + 1] + (q - start) == basisEnd ? c : -1;
        }

        /** Where the last logged copy ends in the new file (-1 when there is none): past it, no state can match. */
        long lastEnd() {
            return count == 0 ? -1 : rows[(count - 1) * FIELDS] + rows[(count - 1) * FIELDS + 2];
        }

        long basisPos(int c) {
            return rows[c * FIELDS + 1];
        }

        long length(int c) {
            return rows[c * FIELDS + 2];
        }

        long outEnd(int c) {
            return rows[c * FIELDS + 3];
        }

        /** Adds to {@code into} the commands the second matcher wrote after copy {@code c}. */
        void addStatsAfter(int c, RdiffStats end, RdiffStats into) {
            int r = c * FIELDS;
            into.addCommands(end.literalCommands() - rows[r + 4], end.literalBytes() - rows[r + 5],
                    end.literalCommandBytes() - rows[r + 6], end.copyCommands() - rows[r + 7],
                    end.copyBytes() - rows[r + 8], end.copyCommandBytes() - rows[r + 9]);
        }
    }

    /** The second half's output outgrew what it may keep in memory. */
    private static final class GaveUp extends IOException {
        GaveUp() {
            super("second half gave up", null);
        }
    }

    /**
     * The output of the second half, kept in memory up to a bound, in pieces that grow to 1 MiB:
     * one array doubled as it grew allocated twice what it kept and copied it once more, and
     * fresh memory is slow to touch on virtual machines (BlockIndex#allocate).
     */
    private static final class Output extends OutputStream {
        private static final int FIRST_PIECE = 1 << 16;
        private static final int LARGEST_PIECE = 1 << 20;
        private final int max;
        private final List<byte[]> pieces = new ArrayList<>();
        private byte[] piece;
        private int used;
        private int length;

        Output(int max) {
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > max - length) {
                throw new GaveUp();
            }
            while (len > 0) {
                if (piece == null || used == piece.length) {
                    piece = new byte[piece == null ? FIRST_PIECE : Math.min(LARGEST_PIECE, 2 * piece.length)];
                    pieces.add(piece);
                    used = 0;
                }
                int n = Math.min(len, piece.length - used);
                System.arraycopy(b, off, piece, used, n);
                used += n;
                off += n;
                len -= n;
                length += n;
            }
        }

        /** Writes what was written from offset {@code from} on. */
        void writeFrom(int from, OutputStream out) throws IOException {
            int start = 0;
            for (byte[] p : pieces) {
                int end = Math.min(start + p.length, length);
                if (end > from) {
                    int at = Math.max(from, start);
                    out.write(p, at - start, end - at);
                }
                start = end;
            }
        }
    }

    /** The second matcher, on its own thread from the split to the end of the new file. */
    static final class Second {
        private final CopyLog log = new CopyLog();
        private final Output output;
        private final RdiffStats stats = new RdiffStats("delta");
        private final Thread thread;
        private volatile Throwable failure;

        Second(BlockMatcher matcher, Path newFile, long from, int maxOutput) {
            output = new Output(maxOutput);
            thread = new Thread(() -> {
                try (FileChannel ch = FileChannel.open(newFile, StandardOpenOption.READ)) {
                    ch.position(from);
                    new DeltaWriter(matcher, Channels.newInputStream(ch), output, stats).secondHalf(from, log).run();
                } catch (Throwable t) {
                    failure = t;
                }
            }, THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits for the second half; true when it wrote its output to the end of the new file. */
        boolean await() throws IOException {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the second half of a diff");
            }
            return failure == null;
        }

        CopyLog log() {
            return log;
        }

        RdiffStats stats() {
            return stats;
        }

        long outputLength() {
            return output.length;
        }

        /** Writes what the second half wrote after copy {@code c}. */
        void writeAfter(int c, OutputStream out) throws IOException {
            output.writeFrom((int) log.outEnd(c), out);
        }

        /** Stops the second half if it still runs, and waits for its thread. */
        void stop() {
            thread.interrupt();
            HelperThreads.awaitEnd(nanos -> {
                thread.join(Math.max(1, nanos / 1_000_000));
                return !thread.isAlive();
            });
        }
    }
}
