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
import java.util.Arrays;

/**
 * A signature held for matching: per block its lookup key and truncated strong sum. A window
 * matches a block when keys agree and the window's strong sum, computed once per lookup and only
 * when a key agrees, equals the block's.
 */
final class Signature implements BlockMatcher {
    /**
     * Strong sums are kept in pages of this many blocks (32 MiB of 32-byte sums): few big arrays,
     * since each large one costs the collector a humongous allocation and a region's tail.
     */
    private static final int PAGE_BITS = 20;
    private static final int PAGE_BLOCKS = 1 << PAGE_BITS;
    /** The first page starts this small and doubles, so that a small signature stays small. */
    private static final int FIRST_PAGE_BLOCKS = 1024;
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
    private BlockIndex index;

    Signature(SignatureParams params) {
        this.params = params;
        this.strongLength = params.strongLength();
        this.mixWeak = !params.type().rabinKarp();
    }

    @Override
    public SignatureParams params() {
        return params;
    }

    @Override
    public int count() {
        return count;
    }

    int blockLength() {
        return params.blockLength();
    }

    /**
     * The heap a signature of {@code blocks} blocks allocates while it is built and indexed: its
     * keys and first page of strong sums (both doubling: twice their last size in all), its other
     * pages and its index.
     */
    static long heapBytes(long blocks, int strongLength) {
        long keys = Math.max(FIRST_PAGE_BLOCKS, Long.highestOneBit(Math.max(1, blocks - 1)) << 1);
        long strong = blocks <= PAGE_BLOCKS ? 2 * HeapArrays.bytes(keys * strongLength, 1)
                : (blocks + PAGE_BLOCKS - 1) / PAGE_BLOCKS * HeapArrays.bytes((long) PAGE_BLOCKS * strongLength, 1);
        return 2 * HeapArrays.bytes(keys, 4) + strong + BlockIndex.heapBytes(blocks);
    }

    /** Appends the next block, with its weak sum as stored in a signature file. */
    void addBlock(int rawWeak, byte[] strong, int strongOff) throws RdiffException {
        if (count == MAX_BLOCKS) {
            throw new RdiffException(RdiffResult.MEM_ERROR, "signature has too many blocks");
        }
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, (int) Math.min(MAX_BLOCKS, 2L * keys.length));
        }
        keys[count] = DeltaWriter.keyOf(rawWeak, mixWeak);
        int page = count >>> PAGE_BITS;
        if (page == strongPages.length) {
            strongPages = Arrays.copyOf(strongPages, page * 2);
        }
        int at = (count & (PAGE_BLOCKS - 1)) * strongLength;
        byte[] sums = strongPages[page];
        if (sums == null) {
            sums = new byte[(page == 0 ? FIRST_PAGE_BLOCKS : PAGE_BLOCKS) * strongLength];
            strongPages[page] = sums;
        } else if (at == sums.length) {
            sums = Arrays.copyOf(sums, 2 * sums.length);
            strongPages[page] = sums;
        }
        System.arraycopy(strong, strongOff, sums, at, strongLength);
        count++;
        index = null;
    }

    /** Builds the lookup index ({@code rs_build_hash_table}); call after the last block. */
    void buildIndex() throws IOException {
        BlockIndex idx = new BlockIndex(count);
        for (int i = 0; i < count; i++) {
            if ((i & (BlockIndex.TOUCH_AHEAD - 1)) == 0) {
                idx.touch(keys, i, Math.min(count, i + BlockIndex.TOUCH_AHEAD));
            }
            int block = i;
            idx.insert(i, keys[i], c -> sameStrong(c, block));
        }
        idx.seal();
        keys = null;
        index = idx;
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
    public boolean hashesWindows() {
        return true;
    }

    @Override
    public Lookup newLookup() {
        StrongSum strongSum = new StrongSum(params.type());
        byte[] scratch = new byte[32];
        return (key, buf, off, len, known) -> {
            int c = index.head(key);
            if (c < 0) {
                return -1;
            }
            byte[] strong = known;
            if (strong == null) {
                strong = scratch;
                strongSum.sum(buf, off, len, strong, 0, strongLength);
            }
            for (; c >= 0; c = index.next(c)) {
                if (strongEquals(c, strong)) {
                    return c;
                }
            }
            return -1;
        };
    }

    private boolean strongEquals(int block, byte[] strong) {
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
