package io.github.puavomirror.rdiff;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads a signature file with librsync 2.3.2's checks ({@code readsums.c}), in its order: the
 * three header fields are read first (a short header is {@link RdiffResult#INPUT_ENDED}), a
 * block length below 1 or a strong length outside 0..32 is {@link RdiffResult#CORRUPT}, then
 * {@code rs_sig_args} judges the magic and the strong length against the hash.
 */
final class SignatureReader {
    private SignatureReader() {
    }

    static Signature load(InputStream in, RdiffStats stats) throws IOException {
        byte[] word = new byte[4];
        int magic = readHeaderInt(in, word, "magic");
        int blockLen = readHeaderInt(in, word, "block length");
        if (blockLen < 1) {
            throw new RdiffException(RdiffResult.CORRUPT, "block length of " + blockLen + " is bogus");
        }
        int strongLen = readHeaderInt(in, word, "strong sum length");
        if (strongLen < 0 || strongLen > 32) {
            throw new RdiffException(RdiffResult.CORRUPT, "strong sum length " + strongLen + " is implausible");
        }
        SignatureType type = SignatureType.ofMagic(magic);
        if (strongLen == 0) {
            strongLen = type.maxStrongLength();
        } else if (strongLen > type.maxStrongLength()) {
            throw new RdiffException(RdiffResult.PARAM_ERROR, "invalid strong_sum_len=" + strongLen
                    + " for md4 signature");
        }
        Signature sig = new Signature(new SignatureParams(type, blockLen, strongLen));
        stats.addIn(12);
        int entry = 4 + strongLen;
        byte[] buf = new byte[entry * 4096];
        int have = 0;
        while (true) {
            int n = in.read(buf, have, buf.length - have);
            if (n > 0) {
                have += n;
                stats.addIn(n);
                if (have < buf.length) {
                    continue;
                }
            }
            int off = 0;
            while (have - off >= entry) {
                sig.addBlock(getInt(buf, off), buf, off + 4);
                off += entry;
            }
            if (n < 0) {
                // A partial weak sum at the end is accepted (RS_INPUT_ENDED -> RS_DONE in
                // rs_loadsig_s_weak); a weak sum without its whole strong sum is not.
                if (have - off >= 4) {
                    throw new RdiffException(RdiffResult.INPUT_ENDED,
                            "signature ends inside the strong sum of block " + sig.count());
                }
                break;
            }
            System.arraycopy(buf, off, buf, 0, have - off);
            have -= off;
        }
        sig.buildIndex();
        stats.setSignature(sig.count(), blockLen);
        return sig;
    }

    private static int readHeaderInt(InputStream in, byte[] word, String what) throws IOException {
        if (Streams.readFully(in, word, 0, 4) < 4) {
            throw new RdiffException(RdiffResult.INPUT_ENDED, "signature ends inside its header (" + what + ")");
        }
        return getInt(word, 0);
    }

    static int getInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
