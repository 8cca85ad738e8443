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
import java.io.InterruptedIOException;
import java.util.SplittableRandom;

/**
 * Block lookup keys indexed for librsync's matching rule: for each key, the blocks of distinct
 * content in index order (a block whose content equals an earlier one with the same key is not
 * kept, as {@code rs_build_hash_table} skips a repeated (key, strong sum) pair).
 *
 * <p>Written here rather than taken from a collections library because it sits on the per-byte
 * path of delta generation and must not box or allocate: primitive open addressing for the first
 * block of each key, a chain for later blocks with the same key, and a blocked Bloom filter in
 * front of it. The filter gives each key four bits of one 64-bit word, 12 bits per
 * block: a query is one memory access, as with one bit per key, but a
 * key that is not there passes it about 1% of the time rather than 10-16%. Each pass costs a
 * random read of the table, so the filter decides what a byte of literal data costs. A slot holds the key next to
 * its first block, so a probe is one memory access, and {@link #touch} lets a caller start the
 * cache misses of several inserts at once: building the index of a large basis is bound by
 * memory latency, not by work. For the same reason the filter is filled by {@link #seal} in one
 * pass over the finished table rather than by each insert: a key's word and its home slot come
 * from the same hash, so that pass writes the filter in order, and an insert touches only the
 * table.
 */
final class BlockIndex {
    /** Tells whether an indexed block has the same content as the one being inserted. */
    interface SameContent {
        boolean test(int indexedBlock) throws IOException;
    }

    /** How many inserts a caller should {@link #touch} at a time; a power of two. */
    static final int TOUCH_AHEAD = 16;
    /** Tables smaller than this (16 MiB) are zeroed on the calling thread: a thread costs more than it saves. */
    private static final int PARALLEL_SLOTS = 1 << 21;

    /** {@code key << 32 | (first block + 1)}; 0 is an empty slot. */
    private final long[] table;
    private final long slots;
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

    /** An index for up to {@code capacity} blocks, its table zeroed by this thread. */
    BlockIndex(int capacity) {
        this(new long[slots(capacity)], new int[capacity], new long[filterWords(capacity)]);
    }

    /**
     * Starts allocating an index for up to {@code capacity} blocks: its table on a second thread,
     * the rest on this one. The JVM zeroes a new array, and the kernel clears each fresh page it
     * touches; on virtual machines that first touch costs 1-4 ns a byte (a 1.07 GB basis has 150 MB
     * of index), so zeroing the largest array beside the others (and beside whatever the caller
     * allocates before {@link Allocation#await}) takes half off the time before the first insert.
     */
    static Allocation allocate(int capacity) {
        return new Allocation(capacity);
    }

    /** An index being allocated (see {@link #allocate}). */
    static final class Allocation {
        private final int slots;
        private final int[] next;
        private final long[] filter;
        private final Thread zeroing;
        private long[] table;

        private Allocation(int capacity) {
            slots = slots(capacity);
            if (slots < PARALLEL_SLOTS) {
                table = new long[slots];
                zeroing = null;
            } else {
                zeroing = new Thread(() -> {
                    try {
                        table = new long[slots];
                    } catch (OutOfMemoryError e) {
                        // Left null: await() allocates it again, so that the caller's thread fails as it would alone.
                    }
                }, "puavo-rdiff-index-table");
                zeroing.setDaemon(true);
                zeroing.start();
            }
            next = new int[capacity];
            filter = new long[filterWords(capacity)];
        }

        /** The index, once its table is allocated. */
        BlockIndex await() throws InterruptedIOException {
            if (zeroing != null) {
                try {
                    zeroing.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while allocating the index of the basis");
                }
            }
            return new BlockIndex(table != null ? table : new long[slots], next, filter);
        }
    }

    private BlockIndex(long[] table, int[] next, long[] filter) {
        this.table = table;
        slots = table.length;
        this.next = next;
        this.filter = filter;
    }

    /**
     * Table slots for {@code capacity} blocks: 75 % full. Not a power of two: rounding up to one
     * left the table 35 to 70 % full and cost up to 13 bytes a block of fresh memory, which is
     * slower to touch than the longer probes at 75 % are to walk.
     */
    private static int slots(long capacity) {
        // At most Signature.MAX_BLOCKS (2^29) blocks: the slots fit in an int.
        return (int) Math.max(16L, capacity + (capacity + 2) / 3);
    }

    /** Filter words for {@code capacity} blocks: 12 bits a block, which lets about 1 % of absent keys pass. */
    private static int filterWords(long capacity) {
        return (int) Math.max(1L, (capacity * 12 + 63) / 64);
    }

    /**
     * The heap the constructor allocates for {@code capacity} blocks: 8 bytes a table slot (4/3
     * slots a block), 4 a block for the chains and 12 bits a block for the filter, so about 16.2
     * bytes a block.
     */
    static long heapBytes(long capacity) {
        int slots = slots(capacity);
        return HeapArrays.bytes(slots, 8) + HeapArrays.bytes(capacity, 4) + HeapArrays.bytes(filterWords(capacity), 8);
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
            slot = slot + 1 == slots ? 0 : slot + 1;
        }
    }

    /** The key's home slot: its hash scaled to the table by a multiply, since the table is no power of two. */
    private int slotOf(int key) {
        return (int) (((key * 0x9E3779B9) & 0xFFFFFFFFL) * slots >>> 32);
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

    /**
     * The filter word for a key: its home slot's hash scaled to the filter, so that words follow
     * the table's order and {@link #seal} writes the filter front to back.
     */
    private int filterWord(int key) {
        return (int) (((key * 0x9E3779B9) & 0xFFFFFFFFL) * filter.length >>> 32);
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
            slot = slot + 1 == slots ? 0 : slot + 1;
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
