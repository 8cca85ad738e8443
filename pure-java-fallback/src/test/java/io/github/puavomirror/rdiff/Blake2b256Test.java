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

import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The specialised BLAKE2b-256 against RFC 7693's vector and against BouncyCastle, the oracle. */
class Blake2b256Test {
    private final Blake2b256 blake = new Blake2b256();

    @Test
    void abcMatchesRfc7693AsLibrsyncUsesIt() {
        // RFC 7693 Appendix A hashes "abc" at digest length 64; at length 32 (a different
        // parameter block) the digest is the strong sum in `rdiff -b 256 signature abc`.
        assertThat(hex(hash("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319");
    }

    @Test
    void emptyInput() {
        assertThat(hex(hash(new byte[0])))
                .isEqualTo("0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
        assertThat(hash(new byte[0])).isEqualTo(oracle(new byte[0], 0, 0));
    }

    @Test
    void everyLengthUpTo1024MatchesBouncyCastle() {
        SplittableRandom rnd = new SplittableRandom(7693);
        for (int len = 0; len <= 1024; len++) {
            byte[] data = new byte[len + 10];
            rnd.nextBytes(data);
            int off = rnd.nextInt(11);
            byte[] out = new byte[32];
            blake.hash(data, off, len, out, 0, 32);
            assertThat(out).as("length %d at offset %d", len, off).isEqualTo(oracle(data, off, len));
        }
    }

    @Test
    void largeInputsMatchBouncyCastle() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int len : new int[] {2048, 16384, 16385, 32768 + 127, 1 << 20, (1 << 20) + 129}) {
            byte[] data = new byte[len];
            rnd.nextBytes(data);
            assertThat(hash(data)).as("length %d", len).isEqualTo(oracle(data, 0, len));
        }
    }

    @Test
    void reusedInstanceAndTruncatedOutput() {
        byte[] data = new byte[300];
        new SplittableRandom(3).nextBytes(data);
        byte[] full = oracle(data, 0, data.length);
        for (int n = 0; n <= 32; n++) {
            byte[] out = new byte[n + 4];
            blake.hash(data, 0, data.length, out, 2, n);
            for (int i = 0; i < n; i++) {
                assertThat(out[2 + i]).as("byte %d of %d", i, n).isEqualTo(full[i]);
            }
            assertThat(out[0]).isZero();
            assertThat(out[n + 2]).isZero();
        }
    }

    @Test
    void rejectsMoreThan32OutputBytes() {
        assertThatThrownBy(() -> blake.hash(new byte[1], 0, 1, new byte[33], 0, 33))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] hash(byte[] data) {
        byte[] out = new byte[32];
        blake.hash(data, 0, data.length, out, 0, 32);
        return out;
    }

    private static byte[] oracle(byte[] data, int off, int len) {
        Blake2bDigest d = new Blake2bDigest(256);
        d.update(data, off, len);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
