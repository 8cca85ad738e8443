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
package io.github.puavomirror.mirror.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Bytes of a file read through any descriptor, as the rdiff step reports them while an engine reads. */
class ReadProgressTest {
    @TempDir
    Path tmp;

    @Test
    void countsWhatEveryDescriptorOnTheFileHasRead() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fdinfo")), "needs Linux /proc");
        Path file = Files.write(tmp.resolve("target.img"), new byte[10_000]);
        Path other = Files.write(tmp.resolve("other.img"), new byte[10_000]);
        ReadProgress progress = new ReadProgress(file);
        try (InputStream first = Files.newInputStream(file);
             FileChannel second = FileChannel.open(file, StandardOpenOption.READ);
             InputStream unrelated = Files.newInputStream(other)) {
            second.position(5000);
            assertThat(progress.bytesRead()).isZero();

            first.readNBytes(3000);
            unrelated.readNBytes(4000);
            assertThat(progress.bytesRead()).isEqualTo(3000);

            second.read(ByteBuffer.allocate(1000));
            assertThat(progress.bytesRead()).isEqualTo(4000);
        }
        assertThat(progress.bytesRead()).as("closed descriptors keep what they read").isEqualTo(4000);
    }
}
