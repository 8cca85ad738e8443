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

import io.github.puavomirror.rdiff.RdiffBinary;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffStats;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** The native engine writes what the rdiff binary writes, through both the path and stream APIs. */
class RdiffBinaryEquivalenceTest {
    @TempDir
    Path dir;

    private RdiffEngine engine;
    private final Random rnd = new Random(20260101L);

    @BeforeEach
    void setUp() {
        engine = NativeAvailability.engine();
        RdiffBinary.assumeAvailable();
    }

    private Path file(String name, byte[] data) throws IOException {
        return Files.write(dir.resolve(name), data);
    }

    @Test
    void defaultSignatureOfAFile() throws Exception {
        Path old = file("old", TestData.random(rnd, 100_000));
        Path mine = dir.resolve("sig.native");
        RdiffStats stats = engine.signature(old, mine, SignatureOptions.DEFAULTS);
        assertThat(RdiffBinary.run(null, "--force", "signature", old.toString(),
                dir.resolve("sig.rdiff").toString()).exit()).isZero();
        assertThat(mine).hasSameBinaryContentAs(dir.resolve("sig.rdiff"));
        byte[] sig = Files.readAllBytes(mine);
        assertThat(sig).startsWith(0x72, 0x73, 0x01, 0x47, 0, 0, 0x01, 0, 0, 0, 0, 0x20);
        assertThat(stats.operation()).isEqualTo("signature");
        assertThat(stats.inBytes()).isEqualTo(100_000);
        assertThat(stats.outBytes()).isEqualTo(sig.length);
        assertThat(stats.blockLength()).isEqualTo(256);
        assertThat(stats.signatureBlocks()).isEqualTo(391);
    }

    @Test
    void streamOfUnknownLengthUsesUnknownSizeDefaults() throws Exception {
        byte[] data = TestData.random(rnd, 100_000);
        ByteArrayOutputStream mine = new ByteArrayOutputStream();
        engine.signature(new ByteArrayInputStream(data), -1, mine, SignatureOptions.DEFAULTS);
        Path ref = dir.resolve("sig.rdiff");
        assertThat(RdiffBinary.run(data, "--force", "signature", "-", ref.toString()).exit()).isZero();
        assertThat(mine.toByteArray()).isEqualTo(Files.readAllBytes(ref))
                .startsWith(0x72, 0x73, 0x01, 0x47, 0, 0, 0x08, 0, 0, 0, 0, 0x20);

        // With its length given, the same stream gets the file defaults.
        ByteArrayOutputStream known = new ByteArrayOutputStream();
        engine.signature(new ByteArrayInputStream(data), data.length, known, SignatureOptions.DEFAULTS);
        assertThat(RdiffBinary.run(null, "--force", "signature", file("old", data).toString(),
                ref.toString()).exit()).isZero();
        assertThat(known.toByteArray()).isEqualTo(Files.readAllBytes(ref));
    }

    @Test
    void explicitTypesBlockAndStrongLengths() throws Exception {
        Path old = file("old", TestData.random(rnd, 30_000));
        Object[][] cases = {
            {SignatureType.MD4_ROLLSUM, 64, 8, new String[] {"-H", "md4", "-R", "rollsum", "-b", "64", "-S", "8"}},
            {SignatureType.BLAKE2_ROLLSUM, 100, -1, new String[] {"-R", "rollsum", "-b", "100", "-S", "-1"}},
            {SignatureType.MD4_RABINKARP, 0, 0, new String[] {"-H", "md4"}},
            {SignatureType.BLAKE2_RABINKARP, 1, 3, new String[] {"-b", "1", "-S", "3"}},
        };
        for (Object[] c : cases) {
            SignatureOptions o = new SignatureOptions((SignatureType) c[0], (Integer) c[1], (Integer) c[2]);
            Path mine = dir.resolve("sig.native");
            Path ref = dir.resolve("sig.rdiff");
            engine.signature(old, mine, o);
            String[] flags = (String[]) c[3];
            String[] args = new String[flags.length + 4];
            args[0] = "--force";
            System.arraycopy(flags, 0, args, 1, flags.length);
            args[flags.length + 1] = "signature";
            args[flags.length + 2] = old.toString();
            args[flags.length + 3] = ref.toString();
            assertThat(RdiffBinary.run(null, args).exit()).isZero();
            assertThat(mine).as("%s", o).hasSameBinaryContentAs(ref);
        }
    }

    @Test
    void deltaAndPatchMatchRdiff() throws Exception {
        byte[] oldData = TestData.random(rnd, 200_000);
        byte[] newData = TestData.edit(rnd, oldData, 12);
        Path old = file("old", oldData);
        Path neu = file("new", newData);
        Path sig = dir.resolve("sig");
        assertThat(RdiffBinary.run(null, "--force", "-b", "512", "signature", old.toString(),
                sig.toString()).exit()).isZero();

        Path refDelta = dir.resolve("delta.rdiff");
        assertThat(RdiffBinary.run(null, "--force", "delta", sig.toString(), neu.toString(),
                refDelta.toString()).exit()).isZero();
        Path mine = dir.resolve("delta.native");
        RdiffStats stats = engine.delta(sig, neu, mine);
        assertThat(mine).hasSameBinaryContentAs(refDelta);
        assertThat(stats.operation()).isEqualTo("delta");
        assertThat(stats.copyCommands()).isPositive();
        assertThat(stats.signatureBlocks()).isEqualTo((oldData.length + 511) / 512);

        ByteArrayOutputStream viaStreams = new ByteArrayOutputStream();
        try (InputStream s = Files.newInputStream(sig); InputStream n = Files.newInputStream(neu)) {
            engine.delta(s, n, viaStreams);
        }
        assertThat(viaStreams.toByteArray()).isEqualTo(Files.readAllBytes(refDelta));

        Path patched = dir.resolve("patched");
        RdiffStats p = engine.patch(old, mine, patched);
        assertThat(Files.readAllBytes(patched)).isEqualTo(newData);
        assertThat(p.outBytes()).isEqualTo(newData.length);

        ByteArrayOutputStream patchedStream = new ByteArrayOutputStream();
        try (FileChannel b = FileChannel.open(old); InputStream d = Files.newInputStream(mine)) {
            b.position(1234);
            engine.patch(b, d, patchedStream);
        }
        assertThat(patchedStream.toByteArray()).isEqualTo(newData);

        ByteArrayOutputStream diff = new ByteArrayOutputStream();
        engine.diff(old, neu, diff, SignatureOptions.DEFAULTS.withBlockLength(512));
        assertThat(diff.toByteArray()).isEqualTo(Files.readAllBytes(refDelta));
    }

    @Test
    void slackDeltaAgainstAnEmptyBasis() throws Exception {
        Path old = file("old", new byte[0]);
        Path neu = file("new", TestData.random(rnd, 600));
        Path sig = dir.resolve("sig");
        engine.signature(old, sig, SignatureOptions.DEFAULTS);
        assertThat(Files.size(sig)).isEqualTo(12);
        Path ref = dir.resolve("delta.rdiff");
        assertThat(RdiffBinary.run(null, "--force", "delta", sig.toString(), neu.toString(),
                ref.toString()).exit()).isZero();
        Path mine = dir.resolve("delta.native");
        engine.delta(sig, neu, mine);
        assertThat(mine).hasSameBinaryContentAs(ref);
        byte[] d = Files.readAllBytes(mine);
        // One literal per 256-byte input buffer: 256 + 256 + 88.
        assertThat(d).hasSize(4 + 3 + 256 + 3 + 256 + 2 + 88 + 1);
    }

    @Test
    void emptyNewFileAndEmptySignatureStream() throws Exception {
        Path old = file("old", TestData.random(rnd, 5000));
        Path neu = file("new", new byte[0]);
        ByteArrayOutputStream diff = new ByteArrayOutputStream();
        engine.diff(old, neu, diff, SignatureOptions.DEFAULTS);
        assertThat(diff.toByteArray()).containsExactly(0x72, 0x73, 0x02, 0x36, 0);
    }
}
