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

import java.io.Closeable;
import java.io.IOException;

/**
 * Answers the matcher's one question (docs/matching.md §2): which block, if any, librsync would
 * match a window to: the lowest index whose lookup key and content agree. A signature answers
 * it with strong sums; the basis file itself can answer it by comparing bytes.
 */
interface BlockMatcher {
    SignatureParams params();

    int count();

    /** False when no block has this key; true means "maybe". */
    boolean mightContain(int key);

    /** The first of {@code keys[0, n)} ({@code n <= 32}) that {@link #mightContain}, or {@code n}. */
    int firstMightContain(int[] keys, int n);

    /**
     * The first of {@code keys[0, n)} whose bit in {@code candidates} is set (only bits below
     * {@code n} may be) and that {@link #mightContain}, or {@code n}.
     */
    int firstMightContain(int[] keys, int n, int candidates);

    /**
     * The content-defined anchors of the blocks, when this matcher compares content and the
     * settings use them; null otherwise.
     */
    default Anchors anchors() {
        return null;
    }

    /** A lookup for one delta run: it holds scratch space and is used from one thread. */
    Lookup newLookup() throws IOException;

    /** Whether {@link Lookup#find} hashes the window, so that strong sums computed ahead save it time. */
    default boolean hashesWindows() {
        return false;
    }

    interface Lookup extends Closeable {
        /**
         * The lowest block whose key is {@code key} and whose content equals {@code buf[off, off+len)}, or -1.
         *
         * @param strong the window's truncated strong sum when already known, else null
         */
        int find(int key, byte[] buf, int off, int len, byte[] strong) throws IOException;

        /**
         * A cheap first try after a match of block {@code previous}: if the window equals block
         * {@code previous + 1}, the block librsync matches for it; otherwise (or when this lookup
         * cannot tell cheaply) -1, and the caller falls back to {@link #find}.
         */
        default int continuation(int previous, byte[] buf, int off, int len) throws IOException {
            return -1;
        }

        /**
         * How many full blocks from {@code previous + 1} on equal the windows at {@code off},
         * {@code off + b}, ... (at most {@code maxBlocks}), each being the block librsync matches
         * for its window (no earlier block has its content). 0 when this lookup cannot tell cheaply.
         * Lets a matched run go at the speed of comparing memory instead of a call per block.
         */
        default int continuationRun(int previous, byte[] buf, int off, int maxBlocks) throws IOException {
            return 0;
        }

        @Override
        default void close() throws IOException {
        }
    }
}
