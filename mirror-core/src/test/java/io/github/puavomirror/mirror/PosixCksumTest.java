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
package io.github.puavomirror.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PosixCksumTest {

    /** Bit-at-a-time definition, independent of the table code. */
    private static long reference(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc = bitwise(crc, b);
        }
        for (long n = data.length; n != 0; n >>>= 8) {
            crc = bitwise(crc, (byte) n);
        }
        return ~crc & 0xffffffffL;
    }

    private static int bitwise(int crc, byte b) {
        crc ^= (b & 0xff) << 24;
        for (int i = 0; i < 8; i++) {
            crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
        }
        return crc;
    }

    @Test
    void knownValues() {
        assertThat(PosixCksum.of(new byte[0])).isEqualTo(4294967295L);
        assertThat(PosixCksum.of("a".getBytes(StandardCharsets.US_ASCII))).isEqualTo(1220704766L);
        assertThat(PosixCksum.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(930766865L);
    }

    @Test
    void isNotZlibCrc32() {
        byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
        CRC32 zlib = new CRC32();
        zlib.update(data);
        assertThat(zlib.getValue()).isEqualTo(0xCBF43926L).isNotEqualTo(PosixCksum.of(data));
    }

    @Test
    void matchesTheBitwiseDefinitionForEveryLengthAndSplit() {
        Random random = new Random(42);
        for (int length = 0; length < 300; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            long expected = reference(data);
            assertThat(PosixCksum.of(data)).as("length %d", length).isEqualTo(expected);
            int split = length == 0 ? 0 : random.nextInt(length + 1);
            PosixCksum incremental = new PosixCksum();
            incremental.update(data, 0, split);
            long midway = incremental.getValue();
            assertThat(midway).isEqualTo(reference(java.util.Arrays.copyOf(data, split)));
            if (split < length) {
                incremental.update(data[split]);
                incremental.update(ByteBuffer.wrap(data, split + 1, length - split - 1));
            }
            assertThat(incremental.getValue()).isEqualTo(expected);
            assertThat(incremental.length()).isEqualTo(length);
            incremental.reset();
            assertThat(incremental.getValue()).isEqualTo(4294967295L);
        }
    }

    @Test
    void directBuffersWork() {
        byte[] data = new byte[1000];
        new Random(7).nextBytes(data);
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length).put(data).flip();
        PosixCksum cksum = new PosixCksum();
        cksum.update(direct);
        assertThat(cksum.getValue()).isEqualTo(reference(data));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 255, 256, 65_537, 1 << 20})
    void matchesTheCksumBinary(int size, @TempDir Path dir) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        if (size == 1) {
            data[0] = 'a';
        }
        Path file = dir.resolve("data.bin");
        Files.write(file, data);
        String out = ExternalTools.run("cksum", file);
        assertThat(out).isEqualTo(PosixCksum.of(data) + " " + size + " data.bin\n");
    }
}
