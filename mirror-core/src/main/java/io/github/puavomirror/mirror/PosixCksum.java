package io.github.puavomirror.mirror;

import java.util.zip.Checksum;

/**
 * The POSIX {@code cksum} CRC (the coreutils default algorithm): CRC-32 with polynomial 0x04C11DB7 processed
 * MSB-first from a zero register, then the data length appended as bytes least significant first (as few as
 * needed, none for empty input), then complemented.
 *
 * <p>{@link java.util.zip.CRC32} cannot be used: it is zlib's reflected (LSB-first) CRC-32 with a different
 * init and no length suffix, so its values differ. This class processes eight bytes per step with eight
 * lookup tables, because images are many GiB.
 *
 * <p>{@link #getValue()} can be called at any time and does not disturb further updates. Not thread-safe.
 */
public final class PosixCksum implements Checksum {

    private static final int POLY = 0x04C11DB7;
    /** TABLES[k][b]: the register contribution of byte b followed by k zero bytes. */
    private static final int[][] TABLES = new int[8][256];

    static {
        for (int b = 0; b < 256; b++) {
            int c = b << 24;
            for (int bit = 0; bit < 8; bit++) {
                c = (c & 0x80000000) != 0 ? (c << 1) ^ POLY : c << 1;
            }
            TABLES[0][b] = c;
        }
        for (int k = 1; k < 8; k++) {
            for (int b = 0; b < 256; b++) {
                int prev = TABLES[k - 1][b];
                TABLES[k][b] = (prev << 8) ^ TABLES[0][prev >>> 24];
            }
        }
    }

    private int crc;
    private long length;

    /** Computes the cksum value of a whole array. */
    public static long of(byte[] data) {
        PosixCksum cksum = new PosixCksum();
        cksum.update(data, 0, data.length);
        return cksum.getValue();
    }

    @Override
    public void update(int b) {
        crc = step(crc, b);
        length++;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        int[] t0 = TABLES[0];
        int[] t1 = TABLES[1];
        int[] t2 = TABLES[2];
        int[] t3 = TABLES[3];
        int[] t4 = TABLES[4];
        int[] t5 = TABLES[5];
        int[] t6 = TABLES[6];
        int[] t7 = TABLES[7];
        int c = crc;
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            c ^= (b[i] & 0xff) << 24 | (b[i + 1] & 0xff) << 16 | (b[i + 2] & 0xff) << 8 | (b[i + 3] & 0xff);
            c = t7[c >>> 24] ^ t6[(c >>> 16) & 0xff] ^ t5[(c >>> 8) & 0xff] ^ t4[c & 0xff]
                    ^ t3[b[i + 4] & 0xff] ^ t2[b[i + 5] & 0xff] ^ t1[b[i + 6] & 0xff] ^ t0[b[i + 7] & 0xff];
            i += 8;
        }
        while (i < end) {
            c = step(c, b[i++]);
        }
        crc = c;
        length += len;
    }

    /** Bytes processed so far. */
    public long length() {
        return length;
    }

    /** The cksum value of the bytes so far, in 0..4294967295, as printed by {@code cksum}. */
    @Override
    public long getValue() {
        int c = crc;
        for (long n = length; n != 0; n >>>= 8) {
            c = step(c, (int) n);
        }
        return ~c & 0xffffffffL;
    }

    @Override
    public void reset() {
        crc = 0;
        length = 0;
    }

    private static int step(int c, int b) {
        return (c << 8) ^ TABLES[0][((c >>> 24) ^ b) & 0xff];
    }
}
