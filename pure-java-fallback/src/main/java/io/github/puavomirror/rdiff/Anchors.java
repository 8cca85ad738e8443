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

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Content-defined anchors of a basis's blocks, so that the literal scan of a one-step diff can
 * rule out most windows without a lookup of its own (docs/matching.md §10).
 *
 * <p>A breakpoint is a position whose 8 bytes hash to a value with the top {@value #RARITY_BITS}
 * bits clear (one position in 32 in varied data). A full block's anchor is the hash of its first
 * breakpoint that lies wholly inside it. A window with the bytes of a block has its breakpoints
 * at the same offsets, so its first breakpoint carries the block's anchor: when the anchor of
 * the first breakpoint in a window is in no block, that window equals no block and needs no
 * lookup in the index. Every window up to that breakpoint shares the one anchor, so a literal
 * costs one lookup in this filter per breakpoint (about one a 32 bytes) instead of one in the
 * block index per byte, whose filter is larger and each of whose lookups is a cache miss. A
 * window without a breakpoint may equal a block without one, so it is looked up as before.
 *
 * <p>Written here, not taken from a library: it is the per-byte path of the scan, which must
 * neither allocate nor call through anything the JIT cannot inline.
 */
final class Anchors {
    /** The bytes a breakpoint hashes. */
    static final int WIDTH = 8;
    private static final int RARITY_BITS = 5;
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;
    /** Returned by {@link #firstBreak} when no breakpoint is in range. */
    static final int NONE = -1;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * 8 to 16 filter bits a block, four of them set by each anchor: 2-3% of absent anchors pass,
     * each costing the windows before its breakpoint a lookup in the index's filter. Twice the
     * bits would let 0.3% pass but cost 128 MiB more heap at 16 GiB.
     */
    private final long[] filter;
    private final int shift;

    private Anchors(int words) {
        filter = new long[words];
        shift = 32 - Integer.numberOfTrailingZeros(words);
    }

    /** Anchors for up to {@code blocks} blocks of {@code params}, or null when they do not apply. */
    static Anchors forBlocks(int blocks, SignatureParams params) {
        return applies(params) ? new Anchors(words(blocks)) : null;
    }

    /** Whether a scan with these settings uses anchors: RabinKarp sums, and blocks long enough to hold breakpoints. */
    static boolean applies(SignatureParams params) {
        return params.type().rabinKarp() && params.blockLength() >= 64;
    }

    private static int words(long blocks) {
        long words = Long.highestOneBit(Math.max(2L, blocks / 8) - 1) << 1;
        return (int) Math.min(words, 1 << 28);
    }

    /** The heap of the anchors of {@code blocks} blocks, or 0 when they do not apply. */
    static long heapBytes(long blocks, SignatureParams params) {
        return applies(params) ? HeapArrays.bytes(words(blocks), 8) : 0;
    }

    /**
     * The anchor at position {@code t} of {@code buf} if {@code t} is a breakpoint (a value in
     * {@code [0, 2^31)}), else {@link #NONE}; reads {@code buf[t, t + WIDTH)}.
     */
    static int breakAt(byte[] buf, int t) {
        long g = (long) LONGS.get(buf, t) * MULTIPLIER;
        return g >>> (64 - RARITY_BITS) == 0 ? (int) (g >>> 28) & 0x7fffffff : NONE;
    }

    /** The anchor of the block {@code buf[off, off + b)}: its first breakpoint's, or {@link #NONE}. */
    static int ofBlock(byte[] buf, int off, int b) {
        for (int t = off, last = off + b - WIDTH; t <= last; t++) {
            int anchor = breakAt(buf, t);
            if (anchor != NONE) {
                return anchor;
            }
        }
        return NONE;
    }

    private int word(int anchor) {
        return (anchor * 0x9E3779B9) >>> shift;
    }

    /** Loads the word {@link #add} will change, so that the misses of several adds overlap. */
    long touch(int anchor) {
        return anchor == NONE ? 0 : filter[word(anchor)];
    }

    void add(int anchor) {
        if (anchor != NONE) {
            filter[word(anchor)] |= BlockIndex.pattern(anchor);
        }
    }

    /** False when no block has this anchor; true means "maybe". */
    boolean mightHave(int anchor) {
        long bits = BlockIndex.pattern(anchor);
        return (filter[word(anchor)] & bits) == bits;
    }
}
