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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A delta against a signature uses strong sums hashed ahead on a helper thread; it must be the
 * delta computed without them, however the new file shifts against the helper's alignment.
 */
class SumsAheadTest {
    private static final int MIB = 1 << 20;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(SignatureType.BLAKE2_RABINKARP, 128, 32, 1L),
                Arguments.of(SignatureType.BLAKE2_RABINKARP, 128, 32, 2L),
                Arguments.of(SignatureType.BLAKE2_RABINKARP, 64, 8, 3L),
                Arguments.of(SignatureType.BLAKE2_RABINKARP, 1000, 32, 4L),
                Arguments.of(SignatureType.BLAKE2_RABINKARP, SumsAhead.CHUNK / 4, 32, 5L),
                Arguments.of(SignatureType.BLAKE2_ROLLSUM, 128, 32, 6L),
                Arguments.of(SignatureType.MD4_RABINKARP, 256, 16, 7L),
                Arguments.of(SignatureType.MD4_ROLLSUM, 129, 4, 8L));
    }

    @ParameterizedTest(name = "{0} -b {1} -S {2}, seed {3}")
    @MethodSource("cases")
    void deltaIsTheOneWithoutSumsAhead(SignatureType type, int blockLen, int strongLen, long seed) throws IOException {
        Random r = new Random(seed);
        SignatureParams params = new SignatureParams(type, blockLen, strongLen);
        byte[] basis = new byte[3 * MIB + r.nextInt(blockLen)];
        r.nextBytes(basis);
        java.util.Arrays.fill(basis, MIB, MIB + Math.min(MIB, 40 * blockLen), (byte) 0);
        Signature sig = SignatureWriter.build(new ByteArrayInputStream(basis), params, new RdiffStats("signature"));
        for (int round = 0; round < 4; round++) {
            byte[] newFile = edit(basis, r);
            byte[] expected = delta(new WithoutSumsAhead(sig), new ByteArrayInputStream(newFile));
            assertThat(delta(sig, new ShortReads(newFile, r.nextLong(), 600_000))).isEqualTo(expected);
        }
        assertNoHelperThreads();
    }

    @Test
    void aNewFileErrorEndsTheDeltaWithThatErrorAndNoThreadsLeft() throws IOException {
        SignatureParams params = new SignatureParams(SignatureType.BLAKE2_RABINKARP, 128, 32);
        byte[] basis = new byte[4 * MIB];
        new Random(9).nextBytes(basis);
        Signature sig = SignatureWriter.build(new ByteArrayInputStream(basis), params, new RdiffStats("signature"));
        IOException failure = new IOException("new file unreadable");
        InputStream in = new ByteArrayInputStream(basis) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (pos > 2 * MIB) {
                    throw new IllegalStateException(failure);
                }
                return super.read(b, off, Math.min(len, 4096));
            }
        };
        assertThatThrownBy(() -> delta(sig, in)).hasCause(failure);
        InputStream failing = new InputStream() {
            private int left = 3 * MIB;

            @Override
            public int read() throws IOException {
                throw failure;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    throw failure;
                }
                int n = Math.min(len, left);
                System.arraycopy(basis, 3 * MIB - left, b, off, n);
                left -= n;
                return n;
            }
        };
        assertThatThrownBy(() -> delta(sig, failing)).isSameAs(failure);
        assertNoHelperThreads();
    }

    /** The basis with insertions, deletions and changes of odd lengths, so matches shift off the helper's alignment. */
    private static byte[] edit(byte[] basis, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < basis.length) {
            int keep = Math.min(basis.length - pos, r.nextInt(r.nextBoolean() ? 4000 : 400_000));
            out.write(basis, pos, keep);
            pos += keep;
            switch (r.nextInt(4)) {
                case 0 -> {
                    byte[] insert = new byte[1 + r.nextInt(700)];
                    r.nextBytes(insert);
                    out.writeBytes(insert);
                }
                case 1 -> pos += r.nextInt(700);
                case 2 -> {
                    int from = r.nextInt(basis.length);
                    out.write(basis, from, Math.min(basis.length - from, r.nextInt(20_000)));
                }
                default -> {
                    byte[] change = new byte[Math.min(basis.length - pos, r.nextInt(300))];
                    r.nextBytes(change);
                    out.writeBytes(change);
                    pos += change.length;
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] delta(BlockMatcher sig, InputStream newFile) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DeltaWriter(sig, newFile, out, new RdiffStats("delta")).run();
        return out.toByteArray();
    }

    private static void assertNoHelperThreads() {
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals(SumsAhead.THREAD_NAME) && t.isAlive());
    }

    /** The same signature, but one that asks for no sums ahead: the matcher hashes every window itself. */
    private record WithoutSumsAhead(Signature sig) implements BlockMatcher {
        @Override
        public SignatureParams params() {
            return sig.params();
        }

        @Override
        public int count() {
            return sig.count();
        }

        @Override
        public boolean mightContain(int key) {
            return sig.mightContain(key);
        }

        @Override
        public int firstMightContain(int[] keys, int n) {
            return sig.firstMightContain(keys, n);
        }

        @Override
        public int firstMightContain(int[] keys, int n, int candidates) {
            return sig.firstMightContain(keys, n, candidates);
        }

        @Override
        public Lookup newLookup() {
            Lookup lookup = sig.newLookup();
            return (key, buf, off, len, strong) -> lookup.find(key, buf, off, len, null);
        }
    }
}
