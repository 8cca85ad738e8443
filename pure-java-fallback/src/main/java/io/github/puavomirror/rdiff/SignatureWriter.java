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
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes block sums of a basis ({@code mksum.c}): blocks are consecutive, the last one short,
 * each hashed over its real length. The same pass either writes a signature file or fills an
 * in-memory {@link Signature}, so a one-step diff matches {@code rdiff signature} + {@code rdiff delta}.
 *
 * <p>The strong hash of every block is nearly all of the work, and blocks are independent, so
 * the input is read in order in chunks of whole blocks and each chunk's blocks are hashed by a
 * small pool, a few chunks at a time. Chunks are handed to the sink in input order, so the
 * output is the same as hashing one block after another; memory stays at a few chunks.
 */
final class SignatureWriter {
    /** Bytes per chunk: big reads cost less per byte; a whole number of blocks keeps block edges simple. */
    private static final int READ_TARGET = 1 << 20;
    /** Blocks per chunk at most, so that tiny blocks do not make a chunk's entries large. */
    private static final int MAX_CHUNK_BLOCKS = 8192;
    /** Chunks read and not yet handed to the sink: one being hashed per thread and one being read. */
    private static final int IN_FLIGHT = 3;
    /** Hashing threads: more than a few would only add chunks in flight. */
    static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    static final String THREAD_NAME = "puavo-rdiff-signature-";
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private SignatureWriter() {
    }

    /** Receives consecutive blocks as signature file entries: a big-endian weak sum, then the truncated strong sum. */
    interface BlockSink {
        void blocks(byte[] entries, int count) throws IOException;
    }

    /** Writes a signature file of {@code basis} with resolved {@code params}. */
    static RdiffStats write(InputStream basis, OutputStream out, SignatureParams params) throws IOException {
        RdiffStats stats = new RdiffStats("signature");
        byte[] header = new byte[12];
        putInt(header, 0, params.type().magic());
        putInt(header, 4, params.blockLength());
        putInt(header, 8, params.strongLength());
        out.write(header);
        int entry = params.entryLength();
        long blocks = scan(basis, params, stats, (entries, count) -> out.write(entries, 0, count * entry));
        out.flush();
        stats.setSignature(blocks, params.blockLength());
        stats.addOut(header.length + blocks * entry);
        return stats;
    }

    /** Builds the in-memory signature of {@code basis}, indexed and ready for matching. */
    static Signature build(InputStream basis, SignatureParams params, RdiffStats stats) throws IOException {
        Signature sig = new Signature(params);
        int entry = params.entryLength();
        scan(basis, params, stats, (entries, count) -> {
            for (int i = 0, off = 0; i < count; i++, off += entry) {
                sig.addBlock(SignatureReader.getInt(entries, off), entries, off + 4);
            }
        });
        sig.buildIndex();
        return sig;
    }

    /** The heap {@link #scan} holds: its chunks in flight and the one being read, with their entries. */
    static long scanHeapBytes(SignatureParams params) {
        int blockLen = params.blockLength();
        long chunkBlocks = Math.max(1, Math.min(MAX_CHUNK_BLOCKS, READ_TARGET / blockLen));
        return (IN_FLIGHT + 1) * (HeapArrays.bytes(chunkBlocks * blockLen, 1)
                + HeapArrays.bytes(chunkBlocks * params.entryLength(), 1));
    }

    /** Reads {@code in} to its end and hands every block's entry to {@code sink} in order; returns the block count. */
    static long scan(InputStream in, SignatureParams params, RdiffStats stats, BlockSink sink) throws IOException {
        int blockLen = params.blockLength();
        long chunkLen = Math.max(1, Math.min(MAX_CHUNK_BLOCKS, READ_TARGET / blockLen)) * (long) blockLen;
        if (chunkLen > Integer.MAX_VALUE - 8) {
            throw new RdiffException(RdiffResult.MEM_ERROR, "block length " + blockLen + " is too large");
        }
        ArrayDeque<Chunk> pending = new ArrayDeque<>();
        ArrayDeque<Chunk> free = new ArrayDeque<>();
        ExecutorService pool = null;
        long blocks = 0;
        try {
            while (true) {
                Chunk c = free.isEmpty() ? new Chunk((int) chunkLen, params) : free.poll();
                c.length = Streams.readFully(in, c.data, 0, c.data.length);
                stats.addIn(c.length);
                c.blocks = (int) ((c.length + (long) blockLen - 1) / blockLen);
                blocks += c.blocks;
                boolean last = c.length < c.data.length;
                if (pool == null && last) {
                    // All of the input in one chunk: not worth a thread.
                    c.hash(0, c.blocks);
                    sink.blocks(c.entries, c.blocks);
                    return blocks;
                }
                if (pool == null) {
                    pool = Executors.newFixedThreadPool(THREADS, SignatureWriter::newThread);
                }
                c.submit(pool);
                pending.add(c);
                if (last) {
                    break;
                }
                if (pending.size() == IN_FLIGHT) {
                    free.add(emit(pending.poll(), sink));
                }
            }
            while (!pending.isEmpty()) {
                emit(pending.poll(), sink);
            }
            return blocks;
        } finally {
            if (pool != null) {
                stop(pool);
            }
        }
    }

    private static Thread newThread(Runnable r) {
        Thread t = new Thread(r, THREAD_NAME + THREAD_NUMBER.incrementAndGet());
        t.setDaemon(true);
        return t;
    }

    /** Waits for the chunk's sums and hands them on; returns the chunk for reuse. */
    private static Chunk emit(Chunk c, BlockSink sink) throws IOException {
        for (int i = 0; i < c.partCount; i++) {
            try {
                c.parts[i].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while hashing signature blocks");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IOException(cause);
            }
        }
        sink.blocks(c.entries, c.blocks);
        return c;
    }

    /**
     * Stops the pool's threads and waits for them, even when this thread is interrupted (the
     * interrupt is kept for the caller): their tasks only hash memory and end within a chunk, and
     * no thread of the run should outlive it.
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        HelperThreads.awaitEnd(nanos -> pool.awaitTermination(nanos, TimeUnit.NANOSECONDS));
    }

    /** A chunk of whole blocks (the last one of the input may be short) and its blocks' entries. */
    private static final class Chunk {
        final byte[] data;
        final byte[] entries;
        final SignatureParams params;
        final Future<?>[] parts;
        int partCount;
        int length;
        int blocks;

        Chunk(int size, SignatureParams params) {
            int count = (int) params.blockCount(size);
            this.data = new byte[size];
            this.entries = new byte[count * params.entryLength()];
            this.params = params;
            this.parts = new Future<?>[Math.min(THREADS, count)];
        }

        /** Splits the chunk's blocks into one range per thread; an empty chunk has none. */
        void submit(ExecutorService pool) {
            partCount = Math.min(parts.length, blocks);
            for (int i = 0; i < partCount; i++) {
                int from = (int) ((long) blocks * i / partCount);
                int to = (int) ((long) blocks * (i + 1) / partCount);
                parts[i] = pool.submit(() -> hash(from, to));
            }
        }

        /** Fills the entries of blocks {@code [from, to)}. */
        void hash(int from, int to) {
            int blockLen = params.blockLength();
            int strongLen = params.strongLength();
            int entry = params.entryLength();
            boolean rk = params.type().rabinKarp();
            StrongSum strongSum = new StrongSum(params.type());
            for (int i = from; i < to; i++) {
                int off = i * blockLen;
                int len = Math.min(blockLen, length - off);
                int weak = rk ? WeakSums.rabinKarp(data, off, len) : WeakSums.rollsum(data, off, len);
                putInt(entries, i * entry, weak);
                strongSum.sum(data, off, len, entries, i * entry + 4, strongLen);
            }
        }
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
