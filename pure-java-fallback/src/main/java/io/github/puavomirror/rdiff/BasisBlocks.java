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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The basis file itself as the matcher, for a one-step diff: its blocks are indexed by weak sum
 * only, and a weak-sum hit is confirmed by comparing the window with the block's bytes instead
 * of comparing strong sums. No strong hash is computed at all, and the new file is read once.
 *
 * <p>Why the output stays byte-identical to librsync's: librsync matches the lowest block whose
 * weak key and truncated strong sum equal the window's. With BLAKE2b sums of 16 bytes or more,
 * "equal truncated sums" and "equal bytes" are the same event for every practical purpose (a
 * collision of 128 bits of BLAKE2b), so the lowest block with equal key and equal bytes is the
 * block librsync picks. Shorter sums or MD4 can collide in practice, so they keep the signature
 * path ({@link #applies}).
 *
 * <p>A run of matches usually walks the basis in order, so after a match of block {@code i} the
 * next window is first compared with block {@code i + 1} straight from a read-ahead buffer, and
 * only when that fails is the weak sum computed and the index consulted.
 */
final class BasisBlocks implements BlockMatcher {
    /** Read size for the indexing pass and for the read-ahead of matched runs. */
    private static final int CHUNK = 1 << 20;
    /** Chunks in turn between the reading thread and the indexing one. */
    private static final int CHUNKS = 3;

    private final Path basis;
    private final SignatureParams params;
    private final long length;
    private final int count;
    private final int lastLength;
    private final BlockIndex index;
    /** The blocks' anchors, or null when the scan uses none. */
    private final Anchors anchors;

    private BasisBlocks(Path basis, SignatureParams params, long length, int count, BlockIndex index,
                        Anchors anchors) {
        this.basis = basis;
        this.params = params;
        this.length = length;
        this.count = count;
        int b = params.blockLength();
        this.lastLength = count == 0 ? 0 : (int) (length - (long) (count - 1) * b);
        this.index = index;
        this.anchors = anchors;
    }

    /** Whether comparing bytes gives librsync's matches for these settings (BLAKE2, sums of 16 bytes or more). */
    static boolean applies(SignatureParams params) {
        return params.type().blake2() && params.strongLength() >= 16;
    }

    /**
     * The heap {@link #build} holds for a basis of {@code length} bytes: the index, and while it
     * is built the read-ahead chunks with their keys.
     */
    static long heapBytes(long length, SignatureParams params) {
        int b = params.blockLength();
        long chunk = Math.min(Math.max(1L, CHUNK / b) * b, Math.max(b, length));
        long chunkBlocks = (chunk + b - 1) / b;
        long chunkAnchors = Anchors.applies(params) ? HeapArrays.bytes(chunkBlocks, 4) : 0;
        return BlockIndex.heapBytes(params.blockCount(length)) + Anchors.heapBytes(params.blockCount(length), params)
                + CHUNKS * (HeapArrays.bytes(chunk, 1) + HeapArrays.bytes(chunkBlocks, 4) + chunkAnchors);
    }

    /**
     * Reads the basis once, computing each block's weak sum and indexing it. A second thread
     * reads chunks ahead and weak-sums them; this thread helps with the sums of the chunk it is
     * about to insert, so that both cores stay busy whichever of the two (sums or the
     * memory-bound inserts, which must stay in block order) is the slower on this machine.
     */
    static BasisBlocks build(Path basis, SignatureParams params, RdiffStats stats) throws IOException {
        int b = params.blockLength();
        try (FileChannel ch = FileChannel.open(basis, StandardOpenOption.READ)) {
            long length = ch.size();
            long blocks = (length + b - 1) / b;
            if (blocks > Signature.MAX_BLOCKS) {
                throw new RdiffException(RdiffResult.MEM_ERROR, basis + ": " + blocks + " blocks of " + b
                        + " bytes are more than " + Signature.MAX_BLOCKS);
            }
            long perRead = Math.max(1L, CHUNK / b) * b;
            if (perRead > Integer.MAX_VALUE - 8) {
                throw new RdiffException(RdiffResult.MEM_ERROR, "block length " + b + " is too large");
            }
            int count = (int) blocks;
            BlockIndex.Allocation allocation = BlockIndex.allocate(count);
            Anchors anchors = Anchors.forBlocks(count, params);
            BlockIndex index = allocation.await();
            Dedup dedup = new Dedup(new BlockReader(ch, b, length), b);
            try (ChunkReader chunks = new ChunkReader(ch, params, length, (int) Math.min(perRead, Math.max(b, length)))) {
                int block = 0;
                for (Chunk c = chunks.next(); c != null; c = chunks.next()) {
                    c.sumAll();
                    stats.addIn(c.length);
                    dedup.insert(index, c, block);
                    if (anchors != null) {
                        addAnchors(anchors, c);
                    }
                    block += c.blocks;
                    chunks.recycle(c);
                }
            }
            index.seal();
            stats.setSignature(count, b);
            return new BasisBlocks(basis, params, length, count, index, anchors);
        }
    }

    /** Adds a chunk's anchors, loading the filter words of several before changing any. */
    private static void addAnchors(Anchors anchors, Chunk c) {
        int[] a = c.anchors;
        long sum = 0;
        for (int i = 0; i < c.blocks; i += BlockIndex.TOUCH_AHEAD) {
            int e = Math.min(c.blocks, i + BlockIndex.TOUCH_AHEAD);
            for (int j = i; j < e; j++) {
                sum += anchors.touch(a[j]);
            }
            for (int j = i; j < e; j++) {
                anchors.add(a[j]);
            }
        }
        c.touched += sum;
    }

    /**
     * Inserts chunks into the index, telling whether an indexed block has the content of the one
     * being inserted (which is in memory).
     */
    private static final class Dedup implements BlockIndex.SameContent {
        private final BlockReader earlier;
        private final int b;
        private Chunk chunk;
        private int at;
        private int len;

        Dedup(BlockReader earlier, int b) {
            this.earlier = earlier;
            this.b = b;
        }

        /**
         * Inserts the chunk's blocks, numbered from {@code first}. A method of its own, so that the
         * JIT compiles this hot loop by itself rather than inside the once-per-basis code around it.
         */
        void insert(BlockIndex index, Chunk c, int first) throws IOException {
            chunk = c;
            int[] keys = c.keys;
            for (int i = 0; i < c.blocks; i++) {
                if ((i & (BlockIndex.TOUCH_AHEAD - 1)) == 0) {
                    index.touch(keys, i, Math.min(c.blocks, i + BlockIndex.TOUCH_AHEAD));
                }
                at = i * b;
                len = Math.min(b, c.length - at);
                index.insert(first + i, keys[i], this);
            }
        }

        @Override
        public boolean test(int c) throws IOException {
            // Every indexed block is a full one; only the last block can be short.
            if (len != b) {
                return false;
            }
            long cpos = (long) c * b;
            if (cpos >= chunk.start) {
                int cat = (int) (cpos - chunk.start);
                return Arrays.equals(chunk.data, cat, cat + len, chunk.data, at, at + len);
            }
            return earlier.equals(c, chunk.data, at, len);
        }
    }

    /**
     * A read chunk of whole blocks with their lookup keys. Both threads compute keys, claiming
     * units of {@value #UNIT} blocks, and the keys are complete once every unit is done.
     */
    private static final class Chunk {
        private static final int UNIT = 512;
        final byte[] data;
        final int[] keys;
        /** Each full block's anchor, or null when the scan uses none. */
        final int[] anchors;
        private final int b;
        private final boolean rk;
        /** Sink for the loads of {@link #addAnchors}, so that they are not optimised away. */
        long touched;
        private final AtomicInteger claimed = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private int units;
        long start;
        int length;
        int blocks;

        Chunk(int size, int b, boolean rk, boolean anchored) {
            data = new byte[size];
            keys = new int[(size + b - 1) / b];
            anchors = anchored ? new int[keys.length] : null;
            this.b = b;
            this.rk = rk;
        }

        /** Makes the chunk ready for summing after {@link #length} bytes from {@link #start} were read. */
        void reset() {
            blocks = (length + b - 1) / b;
            units = (blocks + UNIT - 1) / UNIT;
            claimed.set(0);
            done.set(0);
        }

        /** Computes the keys of one unclaimed unit; false when none is left. */
        boolean sumSome() {
            int u = claimed.getAndIncrement();
            if (u >= units) {
                return false;
            }
            for (int i = u * UNIT, e = Math.min(blocks, i + UNIT); i < e; i++) {
                int off = i * b;
                int len = Math.min(b, length - off);
                int weak = rk ? WeakSums.rabinKarp(data, off, len) : WeakSums.rollsum(data, off, len);
                keys[i] = DeltaWriter.keyOf(weak, !rk);
                if (anchors != null) {
                    // The short last block matches no window of the scan, which are full.
                    anchors[i] = len == b ? Anchors.ofBlock(data, off, b) : Anchors.NONE;
                }
            }
            done.incrementAndGet();
            return true;
        }

        /** Helps with the sums, then waits for the other thread's last unit (a few microseconds). */
        void sumAll() {
            while (sumSome()) {
                continue;
            }
            while (done.get() < units) {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Reads chunks ahead on its own thread, with a few buffers in turn; each chunk is handed over
     * as soon as it is read and then summed by both threads.
     */
    private static final class ChunkReader implements AutoCloseable {
        private final BlockingQueue<Chunk> free = new ArrayBlockingQueue<>(CHUNKS);
        private final HandOff<Chunk> ready = new HandOff<>(CHUNKS);
        private final Thread thread;

        ChunkReader(FileChannel ch, SignatureParams params, long length, int size) {
            int b = params.blockLength();
            boolean rk = params.type().rabinKarp();
            boolean anchored = Anchors.applies(params);
            for (int i = 0; i < CHUNKS; i++) {
                free.add(new Chunk(size, b, rk, anchored));
            }
            thread = new Thread(() -> {
                try {
                    for (long pos = 0; pos < length; ) {
                        Chunk c = free.take();
                        c.start = pos;
                        c.length = readAt(ch, c.data, (int) Math.min(c.data.length, length - pos), pos);
                        c.reset();
                        ready.put(c);
                        while (c.sumSome()) {
                            continue;
                        }
                        pos += c.length;
                    }
                    ready.end();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (Throwable t) {
                    ready.fail(t);
                }
            }, "puavo-rdiff-basis-reader");
            thread.setDaemon(true);
            thread.start();
        }

        /** The next chunk in file order, or null at the end. */
        Chunk next() throws IOException {
            return ready.take("indexing the basis");
        }

        void recycle(Chunk c) {
            free.offer(c);
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    @Override
    public SignatureParams params() {
        return params;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public boolean mightContain(int key) {
        return index.mightContain(key);
    }

    @Override
    public int firstMightContain(int[] keys, int n) {
        return index.firstMightContain(keys, n);
    }

    @Override
    public int firstMightContain(int[] keys, int n, int candidates) {
        return index.firstMightContain(keys, n, candidates);
    }

    @Override
    public Anchors anchors() {
        return anchors;
    }

    @Override
    public Lookup newLookup() throws IOException {
        FileChannel ch = FileChannel.open(basis, StandardOpenOption.READ);
        return new BasisLookup(ch, new BlockReader(ch, params.blockLength(), length));
    }

    /**
     * Answers lookups by comparing with the basis's bytes. A named class: bin/puavo-mirror keeps
     * its methods out of the delta matcher's compilation by name.
     */
    private final class BasisLookup implements Lookup {
        private final FileChannel ch;
        private final BlockReader reader;

        BasisLookup(FileChannel ch, BlockReader reader) {
            this.ch = ch;
            this.reader = reader;
        }

        @Override
        public int find(int key, byte[] buf, int off, int len, byte[] strong) throws IOException {
            for (int c = index.head(key); c >= 0; c = index.next(c)) {
                if (blockLength(c) == len && reader.equals(c, buf, off, len)) {
                    return c;
                }
            }
            return -1;
        }

        @Override
        public int continuation(int previous, byte[] buf, int off, int len) throws IOException {
            int c = previous + 1;
            if (c >= count || blockLength(c) != len || !reader.equalsAhead(c, buf, off, len)) {
                return -1;
            }
            return index.canonical(c);
        }

        @Override
        public int continuationRun(int previous, byte[] buf, int off, int maxBlocks) throws IOException {
            int first = previous + 1;
            // Only full blocks: the short last block takes the window-by-window path.
            int full = lastLength == params.blockLength() ? count : count - 1;
            if (first >= full) {
                return 0;
            }
            // A repeat matches its original, not itself: the run stops before the first one.
            int blocks = index.firstRepeat(first, first + Math.min(maxBlocks, full - first)) - first;
            return blocks == 0 ? 0 : reader.equalBlocksAhead(first, blocks, buf, off);
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }

    private int blockLength(int block) {
        return block == count - 1 ? lastLength : params.blockLength();
    }

    private static int readAt(FileChannel ch, byte[] buf, int len, long pos) throws IOException {
        return readAt(ch, ByteBuffer.wrap(buf), len, pos);
    }

    private static int readAt(FileChannel ch, ByteBuffer into, int len, long pos) throws IOException {
        into.clear().limit(len);
        while (into.hasRemaining()) {
            if (ch.read(into, pos + into.position()) < 0) {
                throw new RdiffException(RdiffResult.INPUT_ENDED, "basis ended early at " + (pos + into.position()));
            }
        }
        return len;
    }

    /** Where {@code window[at, at+len)} and {@code buf[off, off+len)} first differ, or -1. */
    private static int mismatch(ByteBuffer window, int at, byte[] buf, int off, int len) {
        return window.slice(at, len).mismatch(ByteBuffer.wrap(buf, off, len));
    }

    /**
     * Reads basis blocks for comparison without holding the basis in memory: a read-ahead window
     * for matched runs, which walk the basis in order, and single-block reads for the rare
     * random candidates, keeping the last one since repeated content (zero runs) asks for it again.
     * The windows are direct buffers, read into by the kernel and compared in place: a heap array
     * would cost one more copy of the basis per diff.
     */
    private static final class BlockReader {
        private final FileChannel ch;
        private final int b;
        private final long length;
        private final ByteBuffer ahead;
        private long aheadStart = -1;
        private int aheadLen;
        private final ByteBuffer single;
        private int singleBlock = -1;

        BlockReader(FileChannel ch, int b, long length) {
            this.ch = ch;
            this.b = b;
            this.length = length;
            this.ahead = ByteBuffer.allocateDirect((int) Math.min(Math.max(b, CHUNK), Math.max(b, length)));
            this.single = ByteBuffer.allocateDirect(b);
        }

        /** Compares with the block through the read-ahead window, refilling it from this block on. */
        boolean equalsAhead(int block, byte[] buf, int off, int len) throws IOException {
            long pos = (long) block * b;
            if (aheadStart < 0 || pos < aheadStart || pos + len > aheadStart + aheadLen) {
                aheadLen = readAt(ch, ahead, (int) Math.min(ahead.capacity(), length - pos), pos);
                aheadStart = pos;
            }
            return mismatch(ahead, (int) (pos - aheadStart), buf, off, len) < 0;
        }

        /**
         * How many of the {@code blocks} full blocks from {@code first} on equal {@code buf} from
         * {@code off}, comparing through the read-ahead window one window at a time.
         */
        int equalBlocksAhead(int first, int blocks, byte[] buf, int off) throws IOException {
            int done = 0;
            while (done < blocks) {
                long pos = (long) (first + done) * b;
                if (aheadStart < 0 || pos < aheadStart || pos + b > aheadStart + aheadLen) {
                    aheadLen = readAt(ch, ahead, (int) Math.min(ahead.capacity(), length - pos), pos);
                    aheadStart = pos;
                }
                int at = (int) (pos - aheadStart);
                int span = Math.min(blocks - done, (aheadLen - at) / b);
                int m = mismatch(ahead, at, buf, off + done * b, span * b);
                if (m >= 0) {
                    return done + m / b;
                }
                done += span;
            }
            return done;
        }

        /** Compares with the block, from the read-ahead window when it holds it, else by one read. */
        boolean equals(int block, byte[] buf, int off, int len) throws IOException {
            long pos = (long) block * b;
            if (aheadStart >= 0 && pos >= aheadStart && pos + len <= aheadStart + aheadLen) {
                return mismatch(ahead, (int) (pos - aheadStart), buf, off, len) < 0;
            }
            if (singleBlock != block) {
                readAt(ch, single, (int) Math.min(b, length - pos), pos);
                singleBlock = block;
            }
            return mismatch(single, 0, buf, off, len) < 0;
        }
    }
}
