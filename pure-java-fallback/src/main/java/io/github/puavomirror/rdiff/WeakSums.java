package io.github.puavomirror.rdiff;

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
    private static final int RK_M3 = RK_M2 * RK_MULT;
    private static final int RK_M4 = RK_M3 * RK_MULT;
    private static final int RK_M5 = RK_M4 * RK_MULT;
    private static final int RK_M6 = RK_M5 * RK_MULT;
    private static final int RK_M7 = RK_M6 * RK_MULT;
    private static final int RK_M8 = RK_M7 * RK_MULT;

    /**
     * The RabinKarp digest of {@code data[off, off+len)}. Eight bytes per step, as
     * {@code h*M^8 + b0*M^7 + ... + b7}: the same value as one byte at a time, but the eight
     * products do not wait on each other, which makes the pass over a basis several times faster.
     */
    public static int rabinKarp(byte[] data, int off, int len) {
        int h = 1;
        int i = off;
        int end8 = off + (len & ~7);
        for (; i < end8; i += 8) {
            h = h * RK_M8
                    + (data[i] & 0xff) * RK_M7 + (data[i + 1] & 0xff) * RK_M6
                    + (data[i + 2] & 0xff) * RK_M5 + (data[i + 3] & 0xff) * RK_M4
                    + (data[i + 4] & 0xff) * RK_M3 + (data[i + 5] & 0xff) * RK_M2
                    + (data[i + 6] & 0xff) * RK_MULT + (data[i + 7] & 0xff);
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
