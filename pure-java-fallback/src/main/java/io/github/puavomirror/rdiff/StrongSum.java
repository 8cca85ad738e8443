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

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The strong block hash of a signature type: unkeyed BLAKE2b-256 through the specialised
 * {@link Blake2b256} (it dominates signature and matched-delta time), or RFC 1320 MD4 from
 * BouncyCastle (not the default, so not worth a specialised version). One instance per thread;
 * it reuses its state.
 */
final class StrongSum {
    private final Blake2b256 blake2;
    private final Digest md4;
    private final byte[] full;

    StrongSum(SignatureType type) {
        if (type.blake2()) {
            blake2 = new Blake2b256();
            md4 = null;
            full = null;
        } else {
            blake2 = null;
            md4 = new MD4Digest();
            full = new byte[md4.getDigestSize()];
        }
    }

    /** Hashes {@code data[off, off+len)} and copies the first {@code outLen} bytes of the digest to {@code out}. */
    void sum(byte[] data, int off, int len, byte[] out, int outOff, int outLen) {
        if (blake2 != null) {
            blake2.hash(data, off, len, out, outOff, outLen);
            return;
        }
        md4.update(data, off, len);
        md4.doFinal(full, 0);
        System.arraycopy(full, 0, out, outOff, outLen);
    }
}
