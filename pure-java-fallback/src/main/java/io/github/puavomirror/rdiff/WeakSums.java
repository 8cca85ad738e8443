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

    /** The RabinKarp digest of {@code data[off, off+len)}. */
    public static int rabinKarp(byte[] data, int off, int len) {
        int h = 1;
        for (int i = 0; i < len; i++) {
            h = h * RK_MULT + (data[off + i] & 0xff);
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
