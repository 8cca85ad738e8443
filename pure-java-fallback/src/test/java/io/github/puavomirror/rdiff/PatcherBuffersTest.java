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

import static io.github.puavomirror.rdiff.ByteDiff.assertBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The patcher's buffers on a basis of several MiB: copies that continue each other (the window
 * grows), repeat one block, jump around, are longer than the window (read straight into the
 * output buffer) or end at the basis end, and literals longer than the delta buffer. Every route
 * (file to file, a file basis with streams, any channel with streams) must give the bytes that
 * applying the commands by hand gives, and rdiff agrees.
 */
class PatcherBuffersTest {
    private static final int BASIS = (5 << 20) + 123;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void everyRouteGivesTheCommandsBytes(long seed) throws IOException {
        byte[] basis = basis(seed);
        Random rnd = new Random(seed * 7919);
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        byte[] header = new byte[DeltaCommands.MAX_HEADER_LENGTH];
        SignatureWriter.putInt(header, 0, DeltaCommands.DELTA_MAGIC);
        delta.write(header, 0, 4);
        long next = 0;
        for (int i = 0; i < 400; i++) {
            int kind = rnd.nextInt(7);
            if (kind == 0) {
                byte[] lit = random(small(rnd) ? 1 + rnd.nextInt(200) : 70_000 + rnd.nextInt(130_000), rnd.nextLong());
                delta.write(header, 0, DeltaCommands.putLiteralHeader(header, 0, lit.length));
                delta.write(lit);
                expected.write(lit);
                continue;
            }
            long pos;
            long len;
            switch (kind) {
                case 1 -> { // continues the previous copy
                    pos = next;
                    len = 1 + rnd.nextInt(300_000);
                }
                case 2 -> { // the same block again, as in a run of zero blocks
                    pos = 128L * 1000;
                    len = 128;
                }
                case 3 -> { // a scattered small copy
                    pos = rnd.nextInt(BASIS - 200);
                    len = 1 + rnd.nextInt(200);
                }
                case 4 -> { // longer than the window
                    pos = rnd.nextInt(BASIS / 2);
                    len = (1 << 20) + rnd.nextInt(1 << 21);
                }
                case 5 -> { // up to the basis end exactly
                    len = 1 + rnd.nextInt(1 << 17);
                    pos = BASIS - len;
                }
                default -> { // backwards
                    pos = Math.max(0, next - 1 - rnd.nextInt(1 << 16));
                    len = 1 + rnd.nextInt(1 << 15);
                }
            }
            len = Math.min(len, BASIS - pos);
            if (len == 0) {
                continue;
            }
            delta.write(header, 0, DeltaCommands.putCopy(header, 0, pos, len));
            expected.write(basis, (int) pos, (int) len);
            next = pos + len;
        }
        delta.write(DeltaCommands.OP_END);
        byte[] want = expected.toByteArray();
        byte[] d = delta.toByteArray();
        Path basisFile = Files.write(dir.resolve("basis"), basis);
        Path deltaFile = Files.write(dir.resolve("delta"), d);

        assertBytes("file to file", want, patchFiles(basisFile, deltaFile));
        assertBytes("file basis, streams", want, patchFileStreams(basisFile, d));
        assertBytes("channel, streams", want, patchChannel(basis, d));
        byte[] rdiff = RdiffBinary.runOk(null, "patch", basisFile.toString(), deltaFile.toString(), "-").out();
        assertBytes("rdiff patch", want, rdiff);
    }

    @Test
    void aLongCopyPastTheBasisEndEndsTheInputOnEveryRoute() throws IOException {
        byte[] basis = basis(9);
        byte[] header = new byte[DeltaCommands.MAX_HEADER_LENGTH];
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        SignatureWriter.putInt(header, 0, DeltaCommands.DELTA_MAGIC);
        delta.write(header, 0, 4);
        delta.write(header, 0, DeltaCommands.putCopy(header, 0, BASIS - 1000, 3 << 20));
        delta.write(DeltaCommands.OP_END);
        byte[] d = delta.toByteArray();
        Path basisFile = Files.write(dir.resolve("basis"), basis);
        Path deltaFile = Files.write(dir.resolve("delta"), d);

        assertEquals(RdiffResult.INPUT_ENDED, assertThrows(RdiffException.class,
                () -> patchFiles(basisFile, deltaFile)).result());
        assertEquals(RdiffResult.INPUT_ENDED, assertThrows(RdiffException.class,
                () -> patchFileStreams(basisFile, d)).result());
        assertEquals(RdiffResult.INPUT_ENDED, assertThrows(RdiffException.class,
                () -> patchChannel(basis, d)).result());
        assertEquals(RdiffResult.INPUT_ENDED.code(),
                RdiffBinary.run(null, "patch", basisFile.toString(), deltaFile.toString(), "-").exit());
    }

    private byte[] patchFiles(Path basis, Path delta) throws IOException {
        Path out = dir.resolve("out");
        Files.deleteIfExists(out);
        new JavaRdiffEngine().patch(basis, delta, out);
        return Files.readAllBytes(out);
    }

    private static byte[] patchFileStreams(Path basis, byte[] delta) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FileChannel ch = FileChannel.open(basis)) {
            new JavaRdiffEngine().patch(ch, new ByteArrayInputStream(delta), out);
        }
        return out.toByteArray();
    }

    private static byte[] patchChannel(byte[] basis, byte[] delta) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BytesChannel ch = new BytesChannel(basis)) {
            new JavaRdiffEngine().patch(ch, new ByteArrayInputStream(delta), out);
        }
        return out.toByteArray();
    }

    private static boolean small(Random rnd) {
        return rnd.nextInt(4) != 0;
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Random, with a run of zero blocks as in real images. */
    private static byte[] basis(long seed) {
        byte[] b = random(BASIS, seed);
        Arrays.fill(b, 128 * 1000, 128 * 1100, (byte) 0);
        return b;
    }
}
