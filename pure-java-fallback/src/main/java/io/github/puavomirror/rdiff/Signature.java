package io.github.puavomirror.rdiff;

import java.util.Arrays;

/**
 * A signature held for matching: per block its lookup key and truncated strong sum, plus an
 * index that answers librsync's question "the lowest block index whose key and strong sum equal
 * the window's" ({@code rs_signature_find_match}).
 *
 * <p>The index is written here rather than taken from a collections library because it sits on
 * the per-byte path of delta generation and must not box or allocate: primitive open addressing
 * for the first block of each key, a chain of later blocks with the same key and a different
 * strong sum (librsync keeps only the lowest index per (key, strong) pair), and a one-hash Bloom
 * bitmap so that most misses touch a few megabytes instead of the whole table.
 */
final class Signature {
    private static final int PAGE_BITS = 16;
    private static final int PAGE_BLOCKS = 1 << PAGE_BITS;
    /**
     * Blocks a signature may hold (64 GiB of basis at 128-byte blocks). librsync 2.3.2 itself
     * overflows near 2^27.7; this bound also keeps the index at most half full.
     */
    static final int MAX_BLOCKS = 1 << 29;

    final SignatureParams params;
    private final int strongLength;
    private final boolean mixWeak;
    private int count;
    private int[] keys = new int[1024];
    private byte[][] strongPages = new byte[4][];

    private int[] table;
    private int tableMask;
    private int tableShift;
    private int[] next;
    private long[] bloom;
    private int bloomShift;

    Signature(SignatureParams params) {
        this.params = params;
        this.strongLength = params.strongLength();
        this.mixWeak = !params.type().rabinKarp();
    }

    int count() {
        return count;
    }

    int blockLength() {
        return params.blockLength();
    }

    /** The lookup key of a raw weak digest: mix32 for rollsum, then librsync's nozero. */
    int keyOf(int rawWeak) {
        int w = mixWeak ? WeakSums.mix32(rawWeak) : rawWeak;
        return w == 0 ? -1 : w;
    }

    /** Appends the next block, with its weak sum as stored in a signature file. */
    void addBlock(int rawWeak, byte[] strong, int strongOff) throws RdiffException {
        if (count == MAX_BLOCKS) {
            throw new RdiffException(RdiffResult.MEM_ERROR, "signature has too many blocks");
        }
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, (int) Math.min(MAX_BLOCKS, 2L * keys.length));
        }
        keys[count] = keyOf(rawWeak);
        int page = count >>> PAGE_BITS;
        if (page == strongPages.length) {
            strongPages = Arrays.copyOf(strongPages, page * 2);
        }
        if (strongPages[page] == null) {
            strongPages[page] = new byte[PAGE_BLOCKS * strongLength];
        }
        System.arraycopy(strong, strongOff, strongPages[page], (count & (PAGE_BLOCKS - 1)) * strongLength,
                strongLength);
        count++;
        table = null;
    }

    /** Builds the lookup index ({@code rs_build_hash_table}); call after the last block. */
    void buildIndex() {
        long slots = Long.highestOneBit(Math.max(16L, 1L + count * 10L / 7L) - 1) << 1;
        table = new int[(int) Math.min(slots, 1 << 30)];
        tableMask = table.length - 1;
        tableShift = 32 - Integer.numberOfTrailingZeros(table.length);
        next = new int[count];
        Arrays.fill(next, -1);
        long bloomBits = Math.max(64L, (long) table.length * 4);
        bloom = new long[(int) (bloomBits >>> 6)];
        bloomShift = 64 - Long.numberOfTrailingZeros(bloomBits);
        for (int i = 0; i < count; i++) {
            insert(i);
        }
    }

    private void insert(int block) {
        int key = keys[block];
        int slot = slotOf(key);
        while (true) {
            int head = table[slot] - 1;
            if (head < 0) {
                table[slot] = block + 1;
                long h = bloomHash(key);
                bloom[(int) (h >>> 6)] |= 1L << h;
                return;
            }
            if (keys[head] == key) {
                int last = head;
                for (int c = head; c >= 0; c = next[c]) {
                    if (sameStrong(c, block)) {
                        return;
                    }
                    last = c;
                }
                next[last] = block;
                return;
            }
            slot = (slot + 1) & tableMask;
        }
    }

    private int slotOf(int key) {
        return (key * 0x9E3779B9) >>> tableShift;
    }

    private long bloomHash(int key) {
        return ((key * 0x85EBCA6BL) & 0xffffffffL) * 0x9E3779B97F4A7C15L >>> bloomShift;
    }

    /** False when no block has this key; true means "maybe". */
    boolean mightContain(int key) {
        long h = bloomHash(key);
        return (bloom[(int) (h >>> 6)] & (1L << h)) != 0;
    }

    /** The lowest block index with this key, or -1. */
    int head(int key) {
        int slot = slotOf(key);
        while (true) {
            int head = table[slot] - 1;
            if (head < 0 || keys[head] == key) {
                return head;
            }
            slot = (slot + 1) & tableMask;
        }
    }

    /** The next higher block with the same key and a different strong sum, or -1. */
    int next(int block) {
        return next[block];
    }

    /** Whether block {@code block}'s strong sum equals {@code strong[0, strongLength)}. */
    boolean strongEquals(int block, byte[] strong) {
        byte[] page = strongPages[block >>> PAGE_BITS];
        int off = (block & (PAGE_BLOCKS - 1)) * strongLength;
        return Arrays.equals(page, off, off + strongLength, strong, 0, strongLength);
    }

    private boolean sameStrong(int a, int b) {
        byte[] pa = strongPages[a >>> PAGE_BITS];
        byte[] pb = strongPages[b >>> PAGE_BITS];
        int oa = (a & (PAGE_BLOCKS - 1)) * strongLength;
        int ob = (b & (PAGE_BLOCKS - 1)) * strongLength;
        return Arrays.equals(pa, oa, oa + strongLength, pb, ob, ob + strongLength);
    }
}
