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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.puavomirror.rdiff.JavaRdiffEngine;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.RdiffResult;
import io.github.puavomirror.rdiff.RdiffStats;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureType;
import io.github.puavomirror.rdiff.SimilarData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code diff} into a file: librsync writes it directly, with the bytes of the stream diff. */
class DiffIntoFileTest {
    @TempDir
    Path dir;

    @Test
    void writesTheBytesOfTheStreamDiffAndOfTheJavaEngine() throws IOException {
        RdiffEngine nat = NativeAvailability.engine();
        RdiffEngine java = new JavaRdiffEngine();
        SimilarData.Pair pair = new SimilarData(42).pair(70_000, 90_000);
        Path old = Files.write(dir.resolve("old"), pair.oldFile());
        Path next = Files.write(dir.resolve("new"), pair.newFile());
        for (SignatureOptions o : List.of(SignatureOptions.DEFAULTS,
                new SignatureOptions(SignatureType.MD4_ROLLSUM, 64, 8),
                new SignatureOptions(SignatureType.BLAKE2_RABINKARP, 1000, -1))) {
            Path delta = dir.resolve("delta");
            RdiffStats stats = nat.diff(old, next, delta, o);
            ByteArrayOutputStream streamed = new ByteArrayOutputStream();
            RdiffStats streamedStats = nat.diff(old, next, streamed, o);
            ByteArrayOutputStream javas = new ByteArrayOutputStream();
            java.diff(old, next, javas, o);

            assertThat(Files.readAllBytes(delta)).as(o.toString()).isEqualTo(streamed.toByteArray())
                    .isEqualTo(javas.toByteArray());
            assertThat(stats.toString()).isEqualTo(streamedStats.toString());
            assertThat(stats.outBytes()).isEqualTo(Files.size(delta));
        }
    }

    @Test
    void checksTheSignatureSizesInJavaFirst() throws IOException {
        RdiffEngine nat = NativeAvailability.engine();
        Path old = Files.write(dir.resolve("old"), new byte[] {1, 2, 3});
        SignatureOptions tooLong = SignatureOptions.DEFAULTS.withBlockLength(NativeRdiffEngine.MAX_BLOCK_LENGTH + 1);
        assertThatThrownBy(() -> nat.diff(old, old, dir.resolve("delta"), tooLong))
                .isInstanceOfSatisfying(RdiffException.class,
                        e -> assertThat(e.result()).isEqualTo(RdiffResult.MEM_ERROR));
    }
}
