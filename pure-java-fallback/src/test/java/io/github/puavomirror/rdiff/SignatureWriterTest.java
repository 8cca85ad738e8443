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
import java.io.InterruptedIOException;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The signature is hashed a few chunks at a time on several threads; it must be exactly the one
 * hashed block after block, whatever the block length, input length and read sizes.
 */
class SignatureWriterTest {
    private static final int MIB = 1 << 20;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(SignatureType.BLAKE2_RABINKARP, 128, 32, 0),
                Arguments.of(SignatureType.BLAKE2_RABINKARP, 128, 32, 1),
                Arguments.of(SignatureType.BLAKE2_RABINKARP, 128, 32, MIB),
                Arguments.of(SignatureType.BLAKE2_RABINKARP, 128, 32, 3 * MIB + 5),
                Arguments.of(SignatureType.BLAKE2_RABINKARP, 128, 32, 8 * MIB - 1),
                Arguments.of(SignatureType.BLAKE2_RABINKARP, 1, 32, 40_000),
                Arguments.of(SignatureType.BLAKE2_ROLLSUM, 7, 8, 2 * MIB + 3),
                Arguments.of(SignatureType.MD4_RABINKARP, 2048, 16, 5 * MIB + 2047),
                Arguments.of(SignatureType.MD4_ROLLSUM, 4096, 8, 4 * MIB),
                Arguments.of(SignatureType.BLAKE2_RABINKARP, MIB + 1, 32, 4 * MIB + 3),
                Arguments.of(SignatureType.BLAKE2_RABINKARP, MIB + 1, 32, MIB + 1));
    }

    @ParameterizedTest(name = "{0} -b {1} -S {2}, {3} bytes")
    @MethodSource("cases")
    void writesWhatHashingEachBlockInTurnWrites(SignatureType type, int blockLen, int strongLen, int length)
            throws IOException {
        SignatureParams params = new SignatureParams(type, blockLen, strongLen);
        byte[] basis = data(length, length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdiffStats stats = SignatureWriter.write(new ShortReads(basis, length, 300_000), out, params);
        byte[] expected = serial(basis, params);
        assertThat(out.toByteArray()).isEqualTo(expected);
        assertThat(stats.signatureBlocks()).isEqualTo(params.blockCount(length));
        assertNoSignatureThreads();
    }

    @ParameterizedTest(name = "{0} -b {1} -S {2}, {3} bytes")
    @MethodSource("cases")
    void buildsTheSignatureItWrites(SignatureType type, int blockLen, int strongLen, int length) throws IOException {
        SignatureParams params = new SignatureParams(type, blockLen, strongLen);
        byte[] basis = data(length, length + 1);
        byte[] newFile = mutate(basis, length);
        Signature built = SignatureWriter.build(new ByteArrayInputStream(basis), params, new RdiffStats("signature"));
        Signature loaded = SignatureReader.load(new ByteArrayInputStream(serial(basis, params)), new RdiffStats("loadsig"));
        assertThat(built.count()).isEqualTo(loaded.count());
        assertThat(delta(built, newFile)).isEqualTo(delta(loaded, newFile));
    }

    @Test
    void anInputErrorEndsTheRunWithThatErrorAndNoThreadsLeft() {
        SignatureParams params = new SignatureParams(SignatureType.BLAKE2_RABINKARP, 128, 32);
        IOException failure = new IOException("disk on fire");
        InputStream in = new FailingAfter(new ByteArrayInputStream(data(10 * MIB, 3)), 5 * MIB + 17, failure);
        assertThatThrownBy(() -> SignatureWriter.write(in, new ByteArrayOutputStream(), params)).isSameAs(failure);
        assertNoSignatureThreads();
    }

    @Test
    void aSinkErrorEndsTheRunWithThatErrorAndNoThreadsLeft() {
        SignatureParams params = new SignatureParams(SignatureType.BLAKE2_RABINKARP, 128, 32);
        IOException failure = new IOException("signature disk full");
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) {
                if (size() > 2 * MIB) {
                    throw new IllegalStateException(failure);
                }
                super.write(b, off, len);
            }
        };
        assertThatThrownBy(() -> SignatureWriter.write(new ByteArrayInputStream(data(12 * MIB, 4)), out, params))
                .hasCause(failure);
        assertNoSignatureThreads();
    }

    @Test
    void anInterruptEndsTheRunAndNoThreadsAreLeft() {
        SignatureParams params = new SignatureParams(SignatureType.BLAKE2_RABINKARP, 128, 32);
        InputStream in = new ByteArrayInputStream(data(10 * MIB, 5)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (pos > 4 * MIB) {
                    Thread.currentThread().interrupt();
                }
                return super.read(b, off, len);
            }
        };
        try {
            assertThatThrownBy(() -> SignatureWriter.write(in, new ByteArrayOutputStream(), params))
                    .isInstanceOf(InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertNoSignatureThreads();
    }

    /** The signature file hashed one block after another on this thread, as {@code mksum.c} does. */
    private static byte[] serial(byte[] basis, SignatureParams params) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] word = new byte[4];
        SignatureWriter.putInt(word, 0, params.type().magic());
        out.writeBytes(word);
        SignatureWriter.putInt(word, 0, params.blockLength());
        out.writeBytes(word);
        SignatureWriter.putInt(word, 0, params.strongLength());
        out.writeBytes(word);
        StrongSum strongSum = new StrongSum(params.type());
        byte[] strong = new byte[32];
        for (int off = 0; off < basis.length; off += params.blockLength()) {
            int len = Math.min(params.blockLength(), basis.length - off);
            int weak = params.type().rabinKarp() ? WeakSums.rabinKarp(basis, off, len) : WeakSums.rollsum(basis, off, len);
            SignatureWriter.putInt(word, 0, weak);
            out.writeBytes(word);
            strongSum.sum(basis, off, len, strong, 0, params.strongLength());
            out.write(strong, 0, params.strongLength());
        }
        return out.toByteArray();
    }

    private static byte[] delta(Signature sig, byte[] newFile) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DeltaWriter(sig, new ByteArrayInputStream(newFile), out, new RdiffStats("delta")).run();
        return out.toByteArray();
    }

    /** Random bytes with repeats (a zero run, a copied stretch), so that blocks repeat too. */
    private static byte[] data(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        if (length > 64) {
            java.util.Arrays.fill(b, length / 4, length / 4 + length / 16, (byte) 0);
            System.arraycopy(b, 0, b, length / 2, length / 8);
        }
        return b;
    }

    /** The basis with an insertion near the start and a changed stretch in the middle. */
    private static byte[] mutate(byte[] basis, long seed) {
        Random r = new Random(seed);
        byte[] insert = new byte[1 + r.nextInt(300)];
        r.nextBytes(insert);
        int at = Math.min(basis.length, 1000);
        byte[] out = new byte[basis.length + insert.length];
        System.arraycopy(basis, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(basis, at, out, at + insert.length, basis.length - at);
        for (int i = out.length / 2; i < Math.min(out.length, out.length / 2 + 5000); i += 7) {
            out[i] ^= 0x5a;
        }
        return out;
    }

    private static void assertNoSignatureThreads() {
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith(SignatureWriter.THREAD_NAME) && t.isAlive());
    }

    /** Fails with {@code failure} once {@code limit} bytes have been read. */
    private static final class FailingAfter extends InputStream {
        private final InputStream in;
        private final IOException failure;
        private long left;

        FailingAfter(InputStream in, long limit, IOException failure) {
            this.in = in;
            this.left = limit;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                throw failure;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
