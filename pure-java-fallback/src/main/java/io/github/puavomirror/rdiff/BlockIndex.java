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
import java.util.SplittableRandom;

/**
 * Block lookup keys indexed for librsync's matching rule: for each key, the blocks of distinct
 * content in index order (a block whose content equals an earlier one with the same key is not
 * kept, as {@code rs_build_hash_table} skips a repeated (key, strong sum) pair).
 *
 * <p>Written here rather than taken from a collections library because it sits on the per-byte
 * path of delta generation and must not box or allocate: primitive open addressing for the first
 * block of each key, a chain for later blocks with the same key, and a blocked Bloom filter in
 * front of it. The filter gives each key four bits of one 64-bit word, 8 bits per
 * table slot (11 to 23 per block): a query is one memory access, as with one bit per key, but a
 * key that is not there passes it about 1% of the time rather than 10-16%. Each pass costs a
 * random read of the table, so the filter decides what a byte of literal data costs. A slot holds the key next to
 * its first block, so a probe is one memory access, and {@link #touch} lets a caller start the
 * cache misses of several inserts at once: building the index of a large basis is bound by
 * memory latency, not by work. For the same reason the filter is filled by {@link #seal} in one
 * pass over the finished table rather than by each insert: the word a key uses is the one
 * covering its home slot, so that pass writes the filter in order, and an insert touches only
 * the table.
 */
final class BlockIndex {
    /** Tells whether an indexed block has the same content as the one being inserted. */
    interface SameContent {
        boolean test(int indexedBlock) throws IOException;
    }

    /** How many inserts a caller should {@link #touch} at a time; a power of two. */
    static final int TOUCH_AHEAD = 16;

    /** {@code key << 32 | (first block + 1)}; 0 is an empty slot. */
    private final long[] table;
    private final int tableShift;
    private final int tableMask;
    private final int[] next;
    private final long[] filter;
    /**
     * The filter's bit patterns: four distinct bits of a 64-bit word each, picked by 11 bits of a
     * second hash of the key. One load from this 16 KiB table (it stays in L1) replaces four
     * shifts of a 64-bit product on the literal scan's per-byte path.
     */
    private static final long[] PATTERNS = patterns(1 << 11);
    private static final int PATTERN_HASH = 0x85EBCA6B;
    /** Sink for the loads of {@link #touch}, so that they are not optimised away. */
    private long touched;

    /** An index for up to {@code capacity} blocks. */
    BlockIndex(int capacity) {
        table = new long[slots(capacity)];
        tableMask = table.length - 1;
        tableShift = 32 - Integer.numberOfTrailingZeros(table.length);
        next = new int[capacity];
        filter = new long[filterWords(table.length)];
    }

    /** Table slots for {@code capacity} blocks: a power of two, at most 70 % full. */
    private static int slots(long capacity) {
        long slots = Long.highestOneBit(Math.max(16L, 1L + capacity * 10L / 7L) - 1) << 1;
        return (int) Math.min(slots, 1 << 30);
    }

    /** Filter words for {@code slots} table slots: one byte a slot. */
    private static int filterWords(int slots) {
        return slots / 8;
    }

    /**
     * The heap the constructor allocates for {@code capacity} blocks: 8 bytes a table slot, 4 a
     * block for the chains and one byte a slot for the filter, so 17 to 30 bytes a block as the
     * block count falls just under or just over a power of two (times 0.7).
     */
    static long heapBytes(long capacity) {
        int slots = slots(capacity);
        return HeapArrays.bytes(slots, 8) + HeapArrays.bytes(capacity, 4) + HeapArrays.bytes(filterWords(slots), 8);
    }

    /**
     * Loads the slots that inserting {@code keys[from, to)} will use. The loads
     * do not depend on each other, so their cache misses overlap, and the inserts that follow
     * find the lines in cache.
     */
    void touch(int[] keys, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            int key = keys[i];
            sum += table[slotOf(key)];
        }
        touched += sum;
    }

    /**
     * Inserts {@code block} (blocks must come in increasing order) unless a block with the same key
     * and content is already indexed; returns that earlier block, or {@code block} itself.
     */
    int insert(int block, int key, SameContent same) throws IOException {
        next[block] = -1;
        int slot = slotOf(key);
        while (true) {
            long entry = table[slot];
            if (entry == 0) {
                table[slot] = (long) key << 32 | (block + 1L);
                return block;
            }
            if ((int) (entry >>> 32) == key) {
                int last = (int) entry - 1;
                for (int c = last; c >= 0; c = next[c]) {
                    if (same.test(c)) {
                        // A repeat is never in a chain, so its link slot can keep its original instead.
                        next[block] = -2 - c;
                        return c;
                    }
                    last = c;
                }
                next[last] = block;
                return block;
            }
            slot = (slot + 1) & tableMask;
        }
    }

    private int slotOf(int key) {
        return (key * 0x9E3779B9) >>> tableShift;
    }

    private static long[] patterns(int n) {
        SplittableRandom random = new SplittableRandom(PATTERN_HASH);
        long[] patterns = new long[n];
        for (int i = 0; i < n; i++) {
            long bits = 0;
            while (Long.bitCount(bits) < 4) {
                bits |= 1L << random.nextInt(64);
            }
            patterns[i] = bits;
        }
        return patterns;
    }

    /** The four filter bits of {@code key} in its word. */
    static long pattern(int key) {
        return PATTERNS[(key * PATTERN_HASH) >>> 21];
    }

    /** The filter word for a key: the one covering its home slot, 8 slots a word. */
    private int filterWord(int key) {
        return slotOf(key) >>> 3;
    }

    /**
     * Fills the filter from the table; call once, after the last insert and before any query
     * ({@link #mightContain} answers false for every key until then).
     */
    void seal() {
        for (long entry : table) {
            if (entry != 0) {
                int key = (int) (entry >>> 32);
                filter[filterWord(key)] |= pattern(key);
            }
        }
    }

    /** False when no block has this key; true means "maybe". */
    boolean mightContain(int key) {
        long bits = pattern(key);
        return (filter[filterWord(key)] & bits) == bits;
    }

    /**
     * The first of {@code keys[0, n)} ({@code n <= 32}) that {@link #mightContain may be indexed},
     * or {@code n}. The filter words are loaded before any is tested, so the cache misses of
     * all {@code n} overlap, where one query after another would wait for each in turn.
     */
    int firstMightContain(int[] keys, int n) {
        int maybe = 0;
        for (int i = 0; i < n; i++) {
            int key = keys[i];
            long bits = pattern(key);
            if ((filter[filterWord(key)] & bits) == bits) {
                maybe |= 1 << i;
            }
        }
        return maybe == 0 ? n : Integer.numberOfTrailingZeros(maybe);
    }

    /**
     * {@link #firstMightContain(int[], int)} for the keys whose bit in {@code candidates} is set
     * (only bits below {@code n} may be): only their filter words are loaded.
     */
    int firstMightContain(int[] keys, int n, int candidates) {
        int maybe = 0;
        for (int left = candidates; left != 0; left &= left - 1) {
            int i = Integer.numberOfTrailingZeros(left);
            int key = keys[i];
            long bits = pattern(key);
            if ((filter[filterWord(key)] & bits) == bits) {
                maybe |= 1 << i;
            }
        }
        return maybe == 0 ? n : Integer.numberOfTrailingZeros(maybe);
    }

    /** The lowest indexed block with this key, or -1. */
    int head(int key) {
        int slot = slotOf(key);
        while (true) {
            long entry = table[slot];
            if (entry == 0 || (int) (entry >>> 32) == key) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & tableMask;
        }
    }

    /** The next indexed block with the same key (and other content), or -1. */
    int next(int block) {
        return next[block];
    }

    /** The first block in {@code [from, to)} that repeats an earlier one, or {@code to}. */
    int firstRepeat(int from, int to) {
        int[] links = next;
        for (int c = from; c < to; c++) {
            if (links[c] <= -2) {
                return c;
            }
        }
        return to;
    }

    /** The lowest block with the same key and content as {@code block} (itself unless it repeats one). */
    int canonical(int block) {
        int link = next[block];
        return link <= -2 ? -2 - link : block;
    }
}
