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
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The new file for a delta against a signature, read in order on a helper thread that also
 * hashes, ahead of the matcher, the windows the matcher will most likely look up.
 *
 * <p>Where the new file follows its basis, the matcher hashes one window per block: after a match
 * at {@code p} the next fresh window is at {@code p + b}. So the helper hashes the full windows at
 * positions congruent to the matcher's last fresh window modulo {@code b}, each chunk from its end
 * backwards, while the matcher hashes whatever is not ready yet from the front: the two meet in
 * the middle of a chunk and no window is hashed twice in the common case. A sum is used only for
 * exactly the window it was computed for, so the delta is the same as without it.
 *
 * <p>Each window slot of a chunk is written at most once while the chunk is in use and published
 * by a release store of its position, so a matcher that sees the position sees the sums.
 */
final class SumsAhead extends InputStream {
    /** Bytes per chunk: small enough that a change of alignment wastes little, large enough to amortise hand-overs. */
    static final int CHUNK = 1 << 18;
    static final String THREAD_NAME = "puavo-rdiff-sums-ahead";
    private static final VarHandle TAGS = MethodHandles.arrayElementVarHandle(long[].class);

    private final int b;
    private final int strongLength;
    private final boolean rabinKarp;
    /** Chunks in use at most: the matcher's window, the one being hashed, the one read ahead and spares. */
    private final int maxChunks;
    private final BlockingQueue<Chunk> free;
    private final HandOff<Chunk> ready;
    private final Thread thread;
    /** Chunks the matcher holds, oldest first: the data not yet read, and the slots of windows it may still ask for. */
    private final ArrayDeque<Chunk> held = new ArrayDeque<>();
    private Chunk reading;
    private int readAt;
    private boolean ended;

    /** The matcher's last fresh window: the helper hashes windows congruent to it modulo {@code b}. */
    private volatile long anchor;
    /** The matcher asks for no window before this: the helper stops a chunk there. */
    private volatile long passed;

    private int weak;
    private final byte[] strong = new byte[32];

    /**
     * Whether sums ahead pay for these settings: blocks much shorter than a chunk, so that few
     * windows straddle chunks, and not tiny, so that a chunk's sums stay smaller than its data.
     */
    static boolean applies(SignatureParams params) {
        return params.blockLength() >= 64 && params.blockLength() <= CHUNK / 4;
    }

    /** The most heap the chunks read ahead for a window of {@code window} bytes take. */
    static long heapBytes(SignatureParams params, long window) {
        int slots = CHUNK / params.blockLength() + 1;
        return maxChunks(window) * (HeapArrays.bytes(CHUNK, 1) + HeapArrays.bytes(slots, 8)
                + HeapArrays.bytes(slots, 4) + HeapArrays.bytes((long) slots * params.strongLength(), 1));
    }

    private static int maxChunks(long window) {
        return (int) ((window + CHUNK - 1) / CHUNK) + 4;
    }

    /**
     * @param window the most bytes the matcher holds at once: it keeps the chunks of at most
     *               that much, and the helper needs a few more to work ahead
     */
    SumsAhead(InputStream in, SignatureParams params, long window) {
        this.b = params.blockLength();
        this.strongLength = params.strongLength();
        this.rabinKarp = params.type().rabinKarp();
        maxChunks = maxChunks(window);
        free = new ArrayBlockingQueue<>(maxChunks);
        ready = new HandOff<>(maxChunks);
        StrongSum strongSum = new StrongSum(params.type());
        thread = new Thread(() -> run(in, strongSum), THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(InputStream in, StrongSum strongSum) {
        try {
            long pos = 0;
            int allocated = 0;
            Chunk previous = null;
            while (true) {
                // Read one chunk ahead of the one hashed, so that the matcher never waits for data.
                Chunk c = free.poll();
                if (c == null && allocated < maxChunks) {
                    c = new Chunk(CHUNK / b + 1, strongLength);
                    allocated++;
                } else if (c == null) {
                    c = free.take();
                }
                c.start = pos;
                c.length = Streams.readFully(in, c.data, 0, c.data.length);
                c.users.set(2);
                ready.put(c);
                pos += c.length;
                if (previous != null) {
                    hash(previous, strongSum);
                }
                if (c.length < c.data.length) {
                    ready.end();
                    hash(c, strongSum);
                    return;
                }
                previous = c;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            ready.fail(t);
        }
    }

    /** Hashes the chunk's windows from its end backwards until they are behind the matcher, then lets the chunk go. */
    private void hash(Chunk c, StrongSum strongSum) {
        long end = c.start + c.length;
        for (int k = (int) ((c.length - 1L) / b); k >= 0 && !Thread.currentThread().isInterrupted(); k--) {
            long slotStart = c.start + (long) k * b;
            long w = slotStart + Math.floorMod(anchor - slotStart, b);
            if (w < passed) {
                break;
            }
            if (w + b > end) {
                continue;
            }
            int off = (int) (w - c.start);
            if (rabinKarp) {
                c.weaks[k] = WeakSums.rabinKarp(c.data, off, b);
            }
            strongSum.sum(c.data, off, b, c.strongs, k * strongLength, strongLength);
            TAGS.setRelease(c.tags, k, w);
        }
        release(c);
    }

    private void release(Chunk c) {
        if (c.users.decrementAndGet() == 0) {
            free.offer(c);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (reading == null || readAt == reading.length) {
            if (ended) {
                return -1;
            }
            Chunk c = ready.take("reading the new file");
            if (c == null) {
                ended = true;
                continue;
            }
            reading = c;
            readAt = 0;
            held.add(reading);
        }
        int n = Math.min(len, reading.length - readAt);
        System.arraycopy(reading.data, readAt, dst, off, n);
        readAt += n;
        return n;
    }

    /** Tells the helper that no window before {@code pos} will be asked for, and lets go of the chunks wholly before it. */
    void passed(long pos) {
        passed = pos;
        while (!held.isEmpty() && held.peek().start + held.peek().length <= pos && held.peek() != reading) {
            release(held.poll());
        }
    }

    /**
     * Looks up the sums of the full window at {@code pos}, the matcher's next fresh window (its
     * alignment then steers the helper). True when they were computed ahead: then {@link #weak()}
     * (RabinKarp only) and {@link #strong()} hold them.
     */
    boolean lookup(long pos) {
        anchor = pos;
        passed(pos);
        for (Chunk c : held) {
            long rel = pos - c.start;
            if (rel >= 0 && rel < c.length) {
                int k = (int) (rel / b);
                if ((long) TAGS.getAcquire(c.tags, k) != pos) {
                    return false;
                }
                weak = c.weaks[k];
                System.arraycopy(c.strongs, k * strongLength, strong, 0, strongLength);
                return true;
            }
        }
        return false;
    }

    /** The RabinKarp sum of the window last found by {@link #lookup}. */
    int weak() {
        return weak;
    }

    /** The truncated strong sum of the window last found by {@link #lookup}. */
    byte[] strong() {
        return strong;
    }

    /**
     * Stops the helper and waits for it (at most 10 s, for a read that blocks), even when this
     * thread is interrupted, whose interrupt is kept; the stream it reads stays open for its owner.
     */
    @Override
    public void close() {
        thread.interrupt();
        HelperThreads.awaitEnd(nanos -> {
            thread.join(Math.max(1, nanos / 1_000_000));
            return !thread.isAlive();
        });
    }

    /** A chunk of the new file and the sums of one window per block-length slot, tagged with its position. */
    private static final class Chunk {
        final byte[] data = new byte[CHUNK];
        final long[] tags;
        final int[] weaks;
        final byte[] strongs;
        final AtomicInteger users = new AtomicInteger();
        long start;
        int length;

        Chunk(int slots, int strongLength) {
            tags = new long[slots];
            Arrays.fill(tags, -1);
            weaks = new int[slots];
            strongs = new byte[slots * strongLength];
        }
    }
}
