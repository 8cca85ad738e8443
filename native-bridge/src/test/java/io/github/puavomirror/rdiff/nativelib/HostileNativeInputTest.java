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
package io.github.puavomirror.rdiff.nativelib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.puavomirror.rdiff.RdiffBinary;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.RdiffResult;
import io.github.puavomirror.rdiff.SignatureOptions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

/**
 * Hostile signatures and deltas must end in an {@link RdiffException} with librsync's code, never
 * in an abort() that would take the JVM down: every case here would kill the test JVM if a check
 * were missing, so reaching the assertions is half the test.
 */
class HostileNativeInputTest {
    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    private RdiffEngine engine;
    private final Random rnd = new Random(7L);
    private Path basis;
    private Path newFile;

    @BeforeEach
    void setUp() throws IOException {
        engine = NativeAvailability.engine();
        byte[] old = TestData.random(rnd, 1000);
        basis = Files.write(dir.resolve("basis"), old);
        newFile = Files.write(dir.resolve("new"), TestData.edit(rnd, old, 3));
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }

    /** Runs a delta with {@code sig} through both APIs; returns the code, or null on success. */
    private RdiffResult delta(byte[] sig) throws IOException {
        Path s = Files.write(dir.resolve("sig"), sig);
        RdiffResult viaPath = code(() -> engine.delta(s, newFile, dir.resolve("delta")));
        RdiffResult viaStream = code(() -> engine.delta(new ByteArrayInputStream(sig),
                new ByteArrayInputStream(Files.readAllBytes(newFile)), new ByteArrayOutputStream()));
        assertThat(viaStream).as("stream and path APIs agree for %s", HEX.formatHex(sig)).isEqualTo(viaPath);
        return viaPath;
    }

    private RdiffResult patch(byte[] delta) throws IOException {
        Path d = Files.write(dir.resolve("delta"), delta);
        RdiffResult viaPath = code(() -> engine.patch(basis, d, dir.resolve("out")));
        RdiffResult viaStream;
        try (FileChannel b = FileChannel.open(basis)) {
            viaStream = code(() -> engine.patch(b, new ByteArrayInputStream(delta), new ByteArrayOutputStream()));
        }
        assertThat(viaStream).as("stream and path APIs agree").isEqualTo(viaPath);
        return viaPath;
    }

    private interface Op {
        void run() throws IOException;
    }

    private static RdiffResult code(Op op) throws IOException {
        try {
            op.run();
            return null;
        } catch (RdiffException e) {
            assertThat(e.getMessage()).isNotBlank();
            return e.result();
        }
    }

    private byte[] realSignature() throws IOException {
        ByteArrayOutputStream sig = new ByteArrayOutputStream();
        engine.signature(Files.newInputStream(basis), Files.size(basis), sig,
                SignatureOptions.DEFAULTS.withBlockLength(64));
        return sig.toByteArray();
    }

    @Test
    void signatureHeaders() throws IOException {
        assertThat(delta(new byte[0])).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(delta(hex("72730147 000001"))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(delta(hex("72730147 00000100 0000"))).isEqualTo(RdiffResult.INPUT_ENDED);
        // The block length is checked as soon as it is read, before the header is complete.
        assertThat(delta(hex("8bc22178 e5a3623e"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(delta(hex("12345678 00000000 00"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(delta(hex("12345678 00000100 00000020"))).isEqualTo(RdiffResult.BAD_MAGIC);
        assertThat(delta(hex("72730236 00000100 00000020"))).isEqualTo(RdiffResult.BAD_MAGIC);
        assertThat(delta(hex("72730147 00000000 00000020"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(delta(hex("72730147 80000000 00000020"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(delta(hex("72730147 00000100 00000021"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(delta(hex("72730147 00000100 ffffffff"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(delta(hex("72730136 00000100 00000011"))).isEqualTo(RdiffResult.PARAM_ERROR);
        // librsync checks the lengths before the magic.
        assertThat(delta(hex("12345678 00000000 00000020"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(delta(hex("12345678 00000100 00000040"))).isEqualTo(RdiffResult.CORRUPT);
        // Accepted: magic 0 is RabinKarp + BLAKE2, strong length 0 is the maximum.
        assertThat(delta(hex("00000000 00000100 00000000"))).isNull();
        assertThat(delta(hex("72730136 00000100 00000000"))).isNull();
    }

    @Test
    void signatureWithBlocksButACorruptedHeader() throws IOException {
        byte[] sig = realSignature();
        assertThat(delta(sig)).isNull();
        byte[] s = sig.clone();
        s[3] = 0x48;
        assertThat(delta(s)).isEqualTo(RdiffResult.BAD_MAGIC);
        s = sig.clone();
        Arrays.fill(s, 4, 8, (byte) 0);
        assertThat(delta(s)).isEqualTo(RdiffResult.CORRUPT);
        s = sig.clone();
        s[11] = 33;
        assertThat(delta(s)).isEqualTo(RdiffResult.CORRUPT);
        // MD4 magic on a 32-byte strong sum.
        s = sig.clone();
        s[3] = 0x46;
        assertThat(delta(s)).isEqualTo(RdiffResult.PARAM_ERROR);
        // A smaller strong length than the blocks were written with is a valid, different signature.
        s = sig.clone();
        s[11] = 8;
        assertThat(delta(s)).isNull();
    }

    @Test
    void signatureBodies() throws IOException {
        byte[] sig = realSignature();
        // 1-3 stray bytes where a weak sum would start are ignored; a cut strong sum is not.
        for (int extra = 1; extra <= 3; extra++) {
            assertThat(delta(Arrays.copyOf(sig, sig.length + extra))).isNull();
        }
        assertThat(delta(Arrays.copyOf(sig, sig.length - 1))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(delta(Arrays.copyOf(sig, 12 + 4 + 5))).isEqualTo(RdiffResult.INPUT_ENDED);
    }

    @Test
    void sizesLibrsyncCouldNotAllocateAreRefused() throws IOException {
        assertThat(delta(hex("72730147 7fffffff 00000020"))).isEqualTo(RdiffResult.MEM_ERROR);
        assertThat(delta(hex("72730147 01000001 00000020"))).isEqualTo(RdiffResult.MEM_ERROR);
        assertThat(delta(hex("72730147 01000000 00000020"))).isNull();
        assertThat(code(() -> engine.signature(basis, dir.resolve("s"),
                SignatureOptions.DEFAULTS.withBlockLength(Integer.MAX_VALUE)))).isEqualTo(RdiffResult.MEM_ERROR);
        assertThatBlockCountIsChecked();
    }

    /** The block count limit comes from the file size, so a sparse file tests it without the data. */
    private void assertThatBlockCountIsChecked() throws IOException {
        Path big = dir.resolve("big.sig");
        try (FileChannel ch = FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(hex("72730147 00000100 00000001")));
            ch.write(ByteBuffer.wrap(new byte[1]), 12 + 5 * (NativeRdiffEngine.MAX_SIGNATURE_BLOCKS + 1));
        }
        assertThat(code(() -> engine.delta(big, newFile, dir.resolve("delta")))).isEqualTo(RdiffResult.MEM_ERROR);
    }

    @Test
    void strongLengthAndTypeOptionsAreCheckedBeforeLibrsync() {
        SignatureOptions md4Max = new SignatureOptions(io.github.puavomirror.rdiff.SignatureType.MD4_ROLLSUM, 0, 17);
        assertThat(catchThrowableOfType(RdiffException.class,
                () -> engine.signature(basis, dir.resolve("s"), md4Max)).result()).isEqualTo(RdiffResult.PARAM_ERROR);
        assertThat(catchThrowableOfType(RdiffException.class,
                () -> engine.signature(basis, dir.resolve("s"), new SignatureOptions(null, 0, 33))).result())
                .isEqualTo(RdiffResult.PARAM_ERROR);
        assertThat(catchThrowableOfType(RdiffException.class,
                () -> engine.signature(basis, dir.resolve("s"), SignatureOptions.DEFAULTS.withBlockLength(-5))).result())
                .isEqualTo(RdiffResult.PARAM_ERROR);
    }

    @Test
    void deltas() throws IOException {
        assertThat(patch(new byte[0])).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(patch(hex("7273"))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(patch(hex("52530236 00"))).isEqualTo(RdiffResult.BAD_MAGIC);
        assertThat(patch(hex("72730147 00"))).isEqualTo(RdiffResult.BAD_MAGIC);
        assertThat(patch(hex("72730236"))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(patch(hex("72730236 00 ffffff"))).isNull();
        assertThat(patch(hex("72730236 03 6162"))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(patch(hex("72730236 55 00"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(patch(hex("72730236 ff"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(patch(hex("72730236 41 00"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(patch(hex("72730236 45 00 00"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(patch(hex("72730236 51 ffffffffffffffff 01"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(patch(hex("72730236 44 8000000000000000 00"))).isEqualTo(RdiffResult.CORRUPT);
        assertThat(patch(hex("72730236 44 0000000000000002 6869 00"))).isNull();
        assertThat(patch(hex("72730236 4a"))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(patch(hex("72730236 4a 0001"))).isEqualTo(RdiffResult.INPUT_ENDED);
    }

    @Test
    void copyPastTheBasisAndHugeDeclaredLengths() throws IOException {
        // The basis is 1000 bytes.
        assertThat(patch(hex("72730236 4a 03e8 0001 00"))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(patch(hex("72730236 4a 03e0 0010 00"))).isEqualTo(RdiffResult.INPUT_ENDED);
        // librsync's fseeko refuses these positions (rdiff exits 100); past the end either way.
        assertThat(patch(hex("72730236 54 7fffffffffffff00 0000000000000010 00"))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(patch(hex("72730236 54 0000100000000000 0000000000000010 00"))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(patch(hex("72730236 48 00 4000000000000000 00"))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(patch(hex("72730236 44 4000000000000000 616263"))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(patch(hex("72730236 43 ffffffff 616263"))).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(patch(hex("72730236 4a 0000 03e8 00"))).isNull();
    }

    @Test
    void randomAndMutatedSignaturesMatchRdiff() throws Exception {
        RdiffBinary.assumeAvailable();
        byte[] sig = realSignature();
        for (int i = 0; i < 150; i++) {
            byte[] s = i % 5 == 0 ? TestData.random(rnd, rnd.nextInt(40)) : mutate(sig);
            RdiffResult mine = delta(s);
            if (i % 3 == 0 && mine != RdiffResult.MEM_ERROR) {
                Path sp = Files.write(dir.resolve("sig.rdiff"), s);
                int rc = RdiffBinary.run(null, "--force", "delta", sp.toString(), newFile.toString(),
                        dir.resolve("d.rdiff").toString()).exit();
                assertThat(mine == null ? 0 : mine.code()).as("rdiff on %s", HEX.formatHex(s)).isEqualTo(rc);
            }
        }
    }

    @Test
    void randomAndMutatedDeltasMatchRdiff() throws Exception {
        RdiffBinary.assumeAvailable();
        Path sig = dir.resolve("sig");
        engine.signature(basis, sig, SignatureOptions.DEFAULTS.withBlockLength(64));
        engine.delta(sig, newFile, dir.resolve("good"));
        byte[] good = Files.readAllBytes(dir.resolve("good"));
        for (int i = 0; i < 150; i++) {
            byte[] d;
            if (i % 5 == 0) {
                d = TestData.random(rnd, rnd.nextInt(40));
                if (i % 2 == 0 && d.length >= 4) {
                    System.arraycopy(good, 0, d, 0, 4);
                }
            } else {
                d = mutate(good);
            }
            RdiffResult mine = patch(d);
            if (i % 3 == 0) {
                Path dp = Files.write(dir.resolve("delta.rdiff"), d);
                int rc = RdiffBinary.run(null, "--force", "patch", basis.toString(), dp.toString(),
                        dir.resolve("out.rdiff").toString()).exit();
                if (rc == RdiffResult.IO_ERROR.code()) {
                    // rdiff's fseeko refusing a huge COPY position; the engine calls that 103.
                    rc = RdiffResult.INPUT_ENDED.code();
                }
                assertThat(mine == null ? 0 : mine.code()).as("rdiff on %s", HEX.formatHex(d)).isEqualTo(rc);
            }
        }
    }

    /** A few random edits, biased to the first bytes where the headers and commands live. */
    private byte[] mutate(byte[] in) {
        byte[] b = in.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int pos = rnd.nextInt(rnd.nextBoolean() ? Math.min(16, b.length) : b.length);
            switch (rnd.nextInt(4)) {
                case 0:
                    b[pos] = (byte) rnd.nextInt(256);
                    break;
                case 1:
                    b[pos] ^= (byte) (1 << rnd.nextInt(8));
                    break;
                case 2:
                    b = Arrays.copyOf(b, pos);
                    break;
                default:
                    b[pos] = (byte) (rnd.nextBoolean() ? 0 : 0xff);
                    break;
            }
            if (b.length == 0) {
                break;
            }
        }
        return b;
    }
}
