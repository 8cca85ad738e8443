package io.github.puavomirror.rdiff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * Applies a delta like librsync 2.3.2's {@code patch.c}: every opcode up to 0x54 in any width is
 * accepted, bytes after END are never read, truncation is {@link RdiffResult#INPUT_ENDED} and
 * bad values or reserved opcodes are {@link RdiffResult#CORRUPT}. Memory stays bounded: lengths
 * from the delta are never used to allocate, data moves through one fixed buffer.
 */
final class Patcher {
    private static final int CHUNK = 1 << 16;

    private final SeekableByteChannel basis;
    private final InputStream delta;
    private final OutputStream out;
    private final RdiffStats stats = new RdiffStats("patch");
    private final byte[] buf = new byte[CHUNK];
    private final ByteBuffer bb = ByteBuffer.wrap(buf);

    Patcher(SeekableByteChannel basis, InputStream delta, OutputStream out) {
        this.basis = basis;
        this.delta = delta;
        this.out = out;
    }

    RdiffStats run() throws IOException {
        long magic = readParam(4, "magic");
        if (magic != (DeltaCommands.DELTA_MAGIC & 0xffffffffL)) {
            throw new RdiffException(RdiffResult.BAD_MAGIC,
                    String.format("delta has bad magic 0x%08x", magic));
        }
        while (true) {
            int op = delta.read();
            if (op < 0) {
                throw new RdiffException(RdiffResult.INPUT_ENDED, "delta ends without an END command");
            }
            stats.addIn(1);
            if (op == DeltaCommands.OP_END) {
                out.flush();
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

    private void literal(long len, int header) throws IOException {
        if (len <= 0) {
            throw new RdiffException(RdiffResult.CORRUPT, "invalid length=" + len + " on LITERAL command");
        }
        long left = len;
        while (left > 0) {
            int n = delta.read(buf, 0, (int) Math.min(left, CHUNK));
            if (n < 0) {
                throw new RdiffException(RdiffResult.INPUT_ENDED, "reached end of file while copying literal data");
            }
            out.write(buf, 0, n);
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
            bb.clear().limit((int) Math.min(left, CHUNK));
            basis.position(at);
            int n = basis.read(bb);
            if (n <= 0) {
                throw new RdiffException(RdiffResult.INPUT_ENDED,
                        "unexpected end of basis file at " + at + " while copying " + pos + "+" + len);
            }
            out.write(buf, 0, n);
            at += n;
            left -= n;
        }
        stats.addOut(len);
        stats.addCopy(len, header);
    }

    private long readParam(int width, String what) throws IOException {
        long v = 0;
        for (int i = 0; i < width; i++) {
            int c = delta.read();
            if (c < 0) {
                throw new RdiffException(RdiffResult.INPUT_ENDED, "delta ends inside a command (" + what + ")");
            }
            v = (v << 8) | c;
        }
        stats.addIn(width);
        return v;
    }
}
