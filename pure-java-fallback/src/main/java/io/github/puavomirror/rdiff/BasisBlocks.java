package io.github.puavomirror.rdiff;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

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

    private final Path basis;
    private final SignatureParams params;
    private final long length;
    private final int count;
    private final int lastLength;
    private final BlockIndex index;
    /** For each block, the lowest block with the same content: what librsync matches for it. */
    private final int[] canonical;

    private BasisBlocks(Path basis, SignatureParams params, long length, BlockIndex index, int[] canonical) {
        this.basis = basis;
        this.params = params;
        this.length = length;
        this.count = canonical.length;
        int b = params.blockLength();
        this.lastLength = count == 0 ? 0 : (int) (length - (long) (count - 1) * b);
        this.index = index;
        this.canonical = canonical;
    }

    /** Whether comparing bytes gives librsync's matches for these settings (BLAKE2, sums of 16 bytes or more). */
    static boolean applies(SignatureParams params) {
        return params.type().blake2() && params.strongLength() >= 16;
    }

    /** Reads the basis once, computing each block's weak sum and indexing it. */
    static BasisBlocks build(Path basis, SignatureParams params, RdiffStats stats) throws IOException {
        int b = params.blockLength();
        boolean rk = params.type().rabinKarp();
        try (FileChannel ch = FileChannel.open(basis, StandardOpenOption.READ)) {
            long length = ch.size();
            long blocks = (length + b - 1) / b;
            if (blocks > Signature.MAX_BLOCKS) {
                throw new RdiffException(RdiffResult.MEM_ERROR, basis + ": " + blocks + " blocks of " + b
                        + " bytes are more than " + Signature.MAX_BLOCKS);
            }
            int count = (int) blocks;
            BlockIndex index = new BlockIndex(count);
            int[] canonical = new int[count];
            BlockReader earlier = new BlockReader(ch, b, length);
            long perRead = Math.max(1L, CHUNK / b) * b;
            if (perRead > Integer.MAX_VALUE - 8) {
                throw new RdiffException(RdiffResult.MEM_ERROR, "block length " + b + " is too large");
            }
            byte[] buf = new byte[(int) Math.min(perRead, Math.max(b, length))];
            long pos = 0;
            int block = 0;
            while (pos < length) {
                int n = readAt(ch, buf, (int) Math.min(buf.length, length - pos), pos);
                stats.addIn(n);
                for (int off = 0; off < n; off += b) {
                    int len = Math.min(b, n - off);
                    int weak = rk ? WeakSums.rabinKarp(buf, off, len) : WeakSums.rollsum(buf, off, len);
                    int key = DeltaWriter.keyOf(weak, !rk);
                    byte[] chunk = buf;
                    int at = off;
                    long chunkStart = pos;
                    canonical[block] = index.insert(block, key, c -> {
                        // Every indexed block is a full one; only the last block can be short.
                        if (len != b) {
                            return false;
                        }
                        long cpos = (long) c * b;
                        if (cpos >= chunkStart) {
                            return Arrays.equals(chunk, (int) (cpos - chunkStart), (int) (cpos - chunkStart) + len,
                                    chunk, at, at + len);
                        }
                        return earlier.equals(c, chunk, at, len);
                    });
                    block++;
                }
                pos += n;
            }
            stats.setSignature(count, b);
            return new BasisBlocks(basis, params, length, index, canonical);
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
    public Lookup newLookup() throws IOException {
        FileChannel ch = FileChannel.open(basis, StandardOpenOption.READ);
        BlockReader reader = new BlockReader(ch, params.blockLength(), length);
        return new Lookup() {
            @Override
            public int find(int key, byte[] buf, int off, int len) throws IOException {
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
                return canonical[c];
            }

            @Override
            public void close() throws IOException {
                ch.close();
            }
        };
    }

    private int blockLength(int block) {
        return block == count - 1 ? lastLength : params.blockLength();
    }

    private static int readAt(FileChannel ch, byte[] buf, int len, long pos) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
        while (bb.hasRemaining()) {
            if (ch.read(bb, pos + bb.position()) < 0) {
                throw new RdiffException(RdiffResult.INPUT_ENDED, "basis ended early at " + (pos + bb.position()));
            }
        }
        return len;
    }

    /**
     * Reads basis blocks for comparison without holding the basis in memory: a read-ahead window
     * for matched runs, which walk the basis in order, and single-block reads for the rare
     * random candidates, keeping the last one since repeated content (zero runs) asks for it again.
     */
    private static final class BlockReader {
        private final FileChannel ch;
        private final int b;
        private final long length;
        private final byte[] ahead;
        private long aheadStart = -1;
        private int aheadLen;
        private final byte[] single;
        private int singleBlock = -1;

        BlockReader(FileChannel ch, int b, long length) {
            this.ch = ch;
            this.b = b;
            this.length = length;
            this.ahead = new byte[(int) Math.min(Math.max(b, CHUNK), Math.max(b, length))];
            this.single = new byte[b];
        }

        /** Compares with the block through the read-ahead window, refilling it from this block on. */
        boolean equalsAhead(int block, byte[] buf, int off, int len) throws IOException {
            long pos = (long) block * b;
            if (aheadStart < 0 || pos < aheadStart || pos + len > aheadStart + aheadLen) {
                aheadLen = readAt(ch, ahead, (int) Math.min(ahead.length, length - pos), pos);
                aheadStart = pos;
            }
            int at = (int) (pos - aheadStart);
            return Arrays.equals(ahead, at, at + len, buf, off, off + len);
        }

        /** Compares with the block, from the read-ahead window when it holds it, else by one read. */
        boolean equals(int block, byte[] buf, int off, int len) throws IOException {
            long pos = (long) block * b;
            if (aheadStart >= 0 && pos >= aheadStart && pos + len <= aheadStart + aheadLen) {
                int at = (int) (pos - aheadStart);
                return Arrays.equals(ahead, at, at + len, buf, off, off + len);
            }
            if (singleBlock != block) {
                readAt(ch, single, (int) Math.min(b, length - pos), pos);
                singleBlock = block;
            }
            return Arrays.equals(single, 0, len, buf, off, off + len);
        }
    }
}
