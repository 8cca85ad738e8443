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

import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * Applies a delta like librsync 2.3.2's {@code patch.c}: every opcode up to 0x54 in any width is
 * accepted, bytes after END are never interpreted, truncation is {@link RdiffResult#INPUT_ENDED}
 * and bad values or reserved opcodes are {@link RdiffResult#CORRUPT}. Memory stays bounded:
 * lengths from the delta are never used to allocate, data moves through fixed buffers.
 *
 * <p>Written for speed because patching checks every rdiff the mirror publishes: the delta is
 * parsed from its own buffer (no call per byte), COPY commands are served from a window of the
 * basis that grows while copies walk the basis in order and is reused when they repeat (a run of
 * zero blocks is thousands of 128-byte copies of one block), long copies from a file are read
 * straight into the output buffer, and file-to-file patches use direct buffers, so a copied byte
 * moves once from the basis into the output buffer and once from there into the output file.
 */
final class Patcher {
    private static final int DELTA_BUFFER = 1 << 16;
    private static final int OUT_BUFFER = 1 << 20;
    private static final int MIN_FILL = 1 << 14;
    private static final int MAX_FILL = 1 << 20;

    /** Reads delta bytes into a buffer's free space; -1 at the end. */
    interface Source {
        int read(ByteBuffer into) throws IOException;
    }

    private final SeekableByteChannel basis;
    private final Source delta;
    private final WritableByteChannel out;
    private final Flushable flush;
    private final RdiffStats stats = new RdiffStats("patch");
    private final ByteBuffer in;
    private final ByteBuffer window;
    private final ByteBuffer obuf;
    private long windowStart;
    private int lastFill = MIN_FILL;
    private boolean deltaEnded;

    private Patcher(SeekableByteChannel basis, Source delta, WritableByteChannel out, Flushable flush,
            boolean direct) {
        this.basis = basis;
        this.delta = delta;
        this.out = out;
        this.flush = flush;
        this.in = allocate(DELTA_BUFFER, direct).limit(0);
        this.window = allocate(MAX_FILL, direct).limit(0);
        this.obuf = allocate(OUT_BUFFER, direct);
    }

    /** A patch from streams: heap buffers, so the output stream is handed the buffer's own array. */
    static Patcher of(SeekableByteChannel basis, InputStream delta, OutputStream out) {
        Source source = into -> {
            int n = delta.read(into.array(), into.arrayOffset() + into.position(), into.remaining());
            if (n > 0) {
                into.position(into.position() + n);
            }
            return n;
        };
        WritableByteChannel sink = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer src) throws IOException {
                int n = src.remaining();
                out.write(src.array(), src.arrayOffset() + src.position(), n);
                src.position(src.limit());
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        return new Patcher(basis, source, sink, out, false);
    }

    /** A file-to-file patch through direct buffers. */
    static Patcher of(FileChannel basis, FileChannel delta, FileChannel out) {
        return new Patcher(basis, delta::read, out, () -> { }, true);
    }

    private static ByteBuffer allocate(int size, boolean direct) {
        return direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    }

    RdiffStats run() throws IOException {
        long magic = readParam(4, "magic");
        if (magic != (DeltaCommands.DELTA_MAGIC & 0xffffffffL)) {
            throw new RdiffException(RdiffResult.BAD_MAGIC,
                    String.format("delta has bad magic 0x%08x", magic));
        }
        while (true) {
            if (!in.hasRemaining() && !refill()) {
                throw new RdiffException(RdiffResult.INPUT_ENDED, "delta ends without an END command");
            }
            int op = in.get() & 0xff;
            stats.addIn(1);
            if (op == DeltaCommands.OP_END) {
                finish();
                return stats;
            }
            if (op <= 64) {
                literal(op, 1);
            } else if (op <= DeltaCommands.OP_LITERAL_N8) {
                int w = DeltaCommands.widthOf(op - DeltaCommands.OP_LITERAL_N1);
                literal(readParam(w, "literal length"), 1 + w);
            } else if (op <= DeltaCommands.OP_COPY_N8_N8) {
                int i = op - DeltaCommands.OP_COPY_N1_N1;
                int pw = DeltaCommands.widthOf(i >> 2);
                int lw = DeltaCommands.widthOf(i & 3);
                long pos = readParam(pw, "copy position");
                long len = readParam(lw, "copy length");
                copy(pos, len, 1 + pw + lw);
            } else {
                throw new RdiffException(RdiffResult.CORRUPT, String.format("bogus command 0x%02x", op));
            }
        }
    }

    private void finish() throws IOException {
        drain();
        flush.flush();
    }

    /** Refills the delta buffer; false when the delta has ended. */
    private boolean refill() throws IOException {
        if (deltaEnded) {
            return false;
        }
        in.compact();
        try {
            while (in.position() == 0) {
                if (delta.read(in) < 0) {
                    deltaEnded = true;
                    break;
                }
            }
        } finally {
            in.flip();
        }
        return in.hasRemaining();
    }

    private void literal(long len, int header) throws IOException {
        if (len <= 0) {
            throw new RdiffException(RdiffResult.CORRUPT, "invalid length=" + len + " on LITERAL command");
        }
        long left = len;
        while (left > 0) {
            if (!in.hasRemaining() && !refill()) {
                throw new RdiffException(RdiffResult.INPUT_ENDED, "reached end of file while copying literal data");
            }
            int n = (int) Math.min(left, in.remaining());
            put(in, in.position(), n);
            in.position(in.position() + n);
            left -= n;
        }
        stats.addIn(len);
        stats.addOut(len);
        stats.addLiteral(len, header);
    }

    private void copy(long pos, long len, int header) throws IOException {
        if (len <= 0) {
            throw new RdiffException(RdiffResult.CORRUPT, "invalid length=" + len + " on COPY command");
        }
        if (pos < 0) {
            throw new RdiffException(RdiffResult.CORRUPT, "invalid position=" + pos + " on COPY command");
        }
        long left = len;
        long at = pos;
        while (left > 0) {
            if (left >= MIN_FILL && basis instanceof FileChannel fc && !inWindow(at)) {
                long n = readDirect(fc, at, left);
                if (n <= 0) {
                    throw new RdiffException(RdiffResult.INPUT_ENDED,
                            "unexpected end of basis file at " + at + " while copying " + pos + "+" + len);
                }
                at += n;
                left -= n;
                continue;
            }
            if (!inWindow(at)) {
                fillWindow(at, left);
                if (window.limit() == 0) {
                    throw new RdiffException(RdiffResult.INPUT_ENDED,
                            "unexpected end of basis file at " + at + " while copying " + pos + "+" + len);
                }
            }
            int off = (int) (at - windowStart);
            int n = (int) Math.min(left, window.limit() - off);
            put(window, off, n);
            at += n;
            left -= n;
        }
        stats.addOut(len);
        stats.addCopy(len, header);
    }

    private boolean inWindow(long at) {
        return at >= windowStart && at < windowStart + window.limit();
    }

    /** Reads a long copy from the basis straight into the output buffer, saving a copy through the window. */
    private long readDirect(FileChannel fc, long at, long left) throws IOException {
        if (obuf.remaining() < MIN_FILL) {
            drain();
        }
        int limit = obuf.limit();
        obuf.limit((int) Math.min(limit, obuf.position() + left));
        try {
            return fc.read(obuf, at);
        } finally {
            obuf.limit(limit);
        }
    }

    /**
     * Reads the basis from {@code at} into the window. A read that continues the previous one
     * doubles in size (copies walking the basis in order), any other starts small again (a
     * scattered small copy should not cost a megabyte read).
     */
    private void fillWindow(long at, long wanted) throws IOException {
        boolean sequential = at == windowStart + window.limit();
        int fill = sequential ? Math.min(MAX_FILL, 2 * lastFill) : MIN_FILL;
        fill = (int) Math.max(fill, Math.min(wanted, MAX_FILL));
        lastFill = fill;
        window.clear().limit(fill);
        windowStart = at;
        if (!(basis instanceof FileChannel)) {
            basis.position(at);
        }
        int n;
        do {
            n = basis instanceof FileChannel fc ? fc.read(window, at + window.position()) : basis.read(window);
        } while (n > 0 && window.hasRemaining());
        window.flip();
    }

    /** Appends {@code src[off, off+n)} to the output buffer, writing it out when full. */
    private void put(ByteBuffer src, int off, int n) throws IOException {
        while (n > 0) {
            if (!obuf.hasRemaining()) {
                drain();
            }
            int k = Math.min(n, obuf.remaining());
            obuf.put(obuf.position(), src, off, k);
            obuf.position(obuf.position() + k);
            off += k;
            n -= k;
        }
    }

    private void drain() throws IOException {
        obuf.flip();
        while (obuf.hasRemaining()) {
            out.write(obuf);
        }
        obuf.clear();
    }

    private long readParam(int width, String what) throws IOException {
        long v = 0;
        for (int i = 0; i < width; i++) {
            if (!in.hasRemaining() && !refill()) {
                throw new RdiffException(RdiffResult.INPUT_ENDED, "delta ends inside a command (" + what + ")");
            }
            v = (v << 8) | (in.get() & 0xff);
        }
        stats.addIn(width);
        return v;
    }
}
