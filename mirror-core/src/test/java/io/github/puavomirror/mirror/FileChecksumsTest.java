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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileChecksumsTest {

    private static String firstToken(String toolOutput) {
        return toolOutput.split("\\s+", 2)[0];
    }

    @ParameterizedTest
    // Up to several times the buffers that the reading and the SHA-512 thread pass between them.
    @ValueSource(ints = {0, 1, (1 << 20) + 13, 3 << 20, (7 << 20) + 5})
    void matchesCoreutils(int size, @TempDir Path dir) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        Path file = dir.resolve("image.img");
        Files.write(file, data);
        List<Long> progress = new ArrayList<>();
        Checksums sums = FileChecksums.compute(file, progress::add);
        assertThat(sums.size()).isEqualTo(size);
        assertThat(sums.sha256()).isEqualTo(firstToken(ExternalTools.run("sha256sum", file)));
        assertThat(sums.sha512()).isEqualTo(firstToken(ExternalTools.run("sha512sum", file)));
        assertThat(sums.cksumString()).isEqualTo(firstToken(ExternalTools.run("cksum", file)));
        assertThat(progress).isSorted();
        if (size > 0) {
            assertThat(progress).last().isEqualTo((long) size);
        }
        assertThat(FileChecksums.compute(file)).isEqualTo(sums);
    }

    @Test
    void knownEmptyValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty");
        Files.write(file, new byte[0]);
        Checksums sums = FileChecksums.compute(file);
        assertThat(sums).isEqualTo(new Checksums(0, 4294967295L,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
                        + "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"));
    }

    @Test
    void sinkChecksumsWhatIsWrittenThroughIt(@TempDir Path dir) throws Exception {
        byte[] data = new byte[100_000];
        new Random(3).nextBytes(data);
        ChecksumSink sink = new ChecksumSink();
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        try (OutputStream out = sink.wrap(target)) {
            out.write(data, 0, 10);
            out.write(data[10]);
            out.write(data, 11, data.length - 11);
        }
        assertThat(target.toByteArray()).isEqualTo(data);
        Path file = dir.resolve("f");
        Files.write(file, data);
        assertThat(sink.size()).isEqualTo(data.length);
        assertThat(sink.finish()).isEqualTo(FileChecksums.compute(file)).isSameAs(sink.finish());
        assertThatThrownBy(() -> sink.update(new byte[1], 0, 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sinkAcceptsDirectBuffers() {
        byte[] data = new byte[5000];
        new Random(5).nextBytes(data);
        ChecksumSink heap = new ChecksumSink();
        heap.update(ByteBuffer.wrap(data, 100, 4900).slice());
        ChecksumSink direct = new ChecksumSink();
        ByteBuffer buffer = ByteBuffer.allocateDirect(4900).put(data, 100, 4900).flip();
        direct.update(buffer);
        assertThat(buffer.hasRemaining()).isFalse();
        assertThat(direct.finish()).isEqualTo(heap.finish());
    }

    @Test
    void checksumsValidateTheirValues() {
        String sha256 = "0".repeat(64);
        String sha512 = "0".repeat(128);
        assertThatThrownBy(() -> new Checksums(-1, 0, sha256, sha512)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checksums(0, 1L << 32, sha256, sha512)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checksums(0, 0, sha256.toUpperCase().replace('0', 'A'), sha512))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checksums(0, 0, sha256, sha256)).isInstanceOf(IllegalArgumentException.class);
    }
}
