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

/**
 * librsync's delta command encoding ({@code emit.c}, {@code prototab.c}): the opcodes and the
 * minimal big-endian widths librsync's encoder picks.
 */
public final class DeltaCommands {
    public static final int DELTA_MAGIC = 0x72730236;
    public static final int OP_END = 0x00;
    public static final int OP_LITERAL_N1 = 0x41;
    public static final int OP_LITERAL_N8 = 0x44;
    public static final int OP_COPY_N1_N1 = 0x45;
    public static final int OP_COPY_N8_N8 = 0x54;
    /** Longest literal run the matcher emits in one command ({@code max_miss}). */
    public static final int MAX_LITERAL_RUN = 32768;
    /** Longest command header: opcode + 8-byte position + 8-byte length. */
    public static final int MAX_HEADER_LENGTH = 17;

    private DeltaCommands() {
    }

    /** librsync's {@code rs_int_len}: 1, 2, 4 or 8 bytes for an unsigned value. */
    public static int intLength(long v) {
        if ((v & ~0xffL) == 0) {
            return 1;
        }
        if ((v & ~0xffffL) == 0) {
            return 2;
        }
        if ((v & ~0xffffffffL) == 0) {
            return 4;
        }
        return 8;
    }

    private static int widthIndex(int width) {
        return width == 1 ? 0 : width == 2 ? 1 : width == 4 ? 2 : 3;
    }

    /** The width in bytes of an opcode's parameter with index {@code i} (0..3). */
    static int widthOf(int index) {
        return 1 << index;
    }

    /**
     * Writes the header of a literal command of {@code length} bytes (1 byte up to 64, else
     * 0x41/0x42/0x43 and the length) into {@code out} at {@code off}; returns the header length.
     */
    public static int putLiteralHeader(byte[] out, int off, long length) {
        if (length <= 0) {
            throw new IllegalArgumentException("literal length must be positive: " + length);
        }
        if (length <= 64) {
            out[off] = (byte) length;
            return 1;
        }
        int w = intLength(length);
        out[off] = (byte) (OP_LITERAL_N1 + widthIndex(w));
        putBigEndian(out, off + 1, length, w);
        return 1 + w;
    }

    /** Writes a COPY command into {@code out} at {@code off}; returns its length. */
    public static int putCopy(byte[] out, int off, long position, long length) {
        if (position < 0 || length <= 0) {
            throw new IllegalArgumentException("bad copy " + position + "+" + length);
        }
        int pw = intLength(position);
        int lw = intLength(length);
        out[off] = (byte) (OP_COPY_N1_N1 + 4 * widthIndex(pw) + widthIndex(lw));
        putBigEndian(out, off + 1, position, pw);
        putBigEndian(out, off + 1 + pw, length, lw);
        return 1 + pw + lw;
    }

    /** The literal command header for {@code length} bytes, as a new array. */
    public static byte[] literalHeader(long length) {
        byte[] b = new byte[MAX_HEADER_LENGTH];
        return java.util.Arrays.copyOf(b, putLiteralHeader(b, 0, length));
    }

    /** The COPY command for {@code position}, {@code length}, as a new array. */
    public static byte[] copyCommand(long position, long length) {
        byte[] b = new byte[MAX_HEADER_LENGTH];
        return java.util.Arrays.copyOf(b, putCopy(b, 0, position, length));
    }

    static void putBigEndian(byte[] out, int off, long v, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
