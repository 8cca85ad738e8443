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
package io.github.puavomirror.mirror.job;

import java.util.Arrays;

/**
 * Plans the heap of a job's rdiffs. Each source's index (with one diff's buffers) is alive while
 * that source's rdiffs are built, so a source starts only while the indexes alive at once fit in
 * {@value #HEAP_SHARE_PERCENT} % of the heap: when they do not fit, fewer run at once and the
 * bytes are the same. The rest of the heap is for everything else (metas, state, checksums, the
 * rdiff check, the JIT). A source whose index alone does not fit is refused before anything is
 * written, since no schedule would save it.
 *
 * <p>Sizes are given, not measured: the engine tells each source's need
 * ({@link io.github.puavomirror.rdiff.RdiffEngine#preparedHeapBytes}), so the decisions can be
 * checked without allocating gigabytes. Indexes the engine keeps outside the heap (librsync's)
 * need 0 here and are not planned.
 */
final class MemoryPlanner {
    /** The share of the heap that the indexes alive at once may take. */
    static final int HEAP_SHARE_PERCENT = 85;

    private final long maxHeap;
    private final long budget;
    private final int maxRunning;
    private long alive;
    private int running;

    /**
     * @param maxHeap    the heap ({@link Runtime#maxMemory()})
     * @param maxRunning sources indexed at once at most ({@code -j})
     */
    MemoryPlanner(long maxHeap, int maxRunning) {
        this.maxHeap = maxHeap;
        this.budget = budgetOf(maxHeap);
        this.maxRunning = maxRunning;
    }

    /** What the indexes alive at once may take of a heap of {@code maxHeap} bytes. */
    static long budgetOf(long maxHeap) {
        return maxHeap / 100 * HEAP_SHARE_PERCENT;
    }

    /** The heap in which an index of {@code indexBytes} fits. */
    static long heapFor(long indexBytes) {
        return (indexBytes + HEAP_SHARE_PERCENT - 1) / HEAP_SHARE_PERCENT * 100;
    }

    /**
     * Refuses a source whose index alone does not fit.
     *
     * @throws OutOfHeapException naming the source and the heap it needs
     */
    void check(String source, long need) throws OutOfHeapException {
        if (need > budget) {
            throw OutOfHeapException.forIndex(source, need, maxHeap);
        }
    }

    /**
     * How many threads to build with: {@code -j} at most, and no more than the number of sources
     * whose indexes can be alive at once (the smallest ones together), since more would only wait.
     */
    int threads(long[] needs) {
        long[] sorted = needs.clone();
        Arrays.sort(sorted);
        long sum = 0;
        int fit = 0;
        while (fit < sorted.length && fit < maxRunning && sum + sorted[fit] <= budget) {
            sum += sorted[fit];
            fit++;
        }
        return Math.max(1, fit);
    }

    /** Whether a source needing {@code need} bytes may start now: always when none runs. */
    synchronized boolean mayStart(long need) {
        return running == 0 || (running < maxRunning && alive + need <= budget);
    }

    /** Waits until a source needing {@code need} bytes may start, and counts it as alive. */
    synchronized void start(long need) throws InterruptedException {
        while (!mayStart(need)) {
            wait();
        }
        alive += need;
        running++;
    }

    /** The source's index is gone: others may start. */
    synchronized void finish(long need) {
        alive -= need;
        running--;
        notifyAll();
    }
}
