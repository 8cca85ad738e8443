package io.github.puavomirror.rdiff;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The strong block hash of a signature type: unkeyed BLAKE2b-256 or RFC 1320 MD4, both from
 * BouncyCastle (the JDK registers neither). One instance per thread; it reuses its digest.
 */
final class StrongSum {
    private final Digest digest;
    private final byte[] full;

    StrongSum(SignatureType type) {
        this.digest = type.blake2() ? new Blake2bDigest(256) : new MD4Digest();
        this.full = new byte[digest.getDigestSize()];
    }

    /** Hashes {@code data[off, off+len)} and copies the first {@code outLen} bytes of the digest to {@code out}. */
    void sum(byte[] data, int off, int len, byte[] out, int outOff, int outLen) {
        digest.update(data, off, len);
        digest.doFinal(full, 0);
        System.arraycopy(full, 0, out, outOff, outLen);
    }
}
