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

import io.github.puavomirror.rdiff.JavaRdiffEngine;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureType;
import io.github.puavomirror.rdiff.SimilarData;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Each engine applies the other's deltas, on seeded random similar pairs; and since both follow
 * librsync 2.3.2 byte for byte, their signatures and deltas are also identical.
 */
class CrossEngineApplicationTest {
    private static final int PAIRS = 40;

    private final RdiffEngine java = new JavaRdiffEngine();

    @Test
    void javaAppliesNativeDeltasAndNativeAppliesJavaDeltas() throws IOException {
        RdiffEngine nat = NativeAvailability.engine();
        Random choices = new Random(0xC0FFEEL);
        for (int i = 0; i < PAIRS; i++) {
            SimilarData.Pair pair = new SimilarData(1000L + i).pair(choices.nextInt(60_000), 80_000);
            SignatureOptions o = new SignatureOptions(SignatureType.values()[choices.nextInt(4)],
                    new int[] {0, 16, 64, 256, 1000}[choices.nextInt(5)], choices.nextBoolean() ? 0 : -1);
            String ctx = "pair " + i + " (" + pair.recipe() + ") " + o;

            byte[] nativeSig = signature(nat, pair.oldFile(), o);
            byte[] javaSig = signature(java, pair.oldFile(), o);
            assertThat(javaSig).as(ctx + ": signatures").isEqualTo(nativeSig);

            byte[] nativeDelta = delta(nat, nativeSig, pair.newFile());
            byte[] javaDelta = delta(java, javaSig, pair.newFile());
            assertThat(javaDelta).as(ctx + ": deltas").isEqualTo(nativeDelta);

            assertThat(patch(java, pair.oldFile(), nativeDelta)).as(ctx + ": java patches native delta")
                    .isEqualTo(pair.newFile());
            assertThat(patch(nat, pair.oldFile(), javaDelta)).as(ctx + ": native patches java delta")
                    .isEqualTo(pair.newFile());
        }
    }

    private static byte[] signature(RdiffEngine e, byte[] basis, SignatureOptions o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.signature(new ByteArrayInputStream(basis), basis.length, out, o);
        return out.toByteArray();
    }

    private static byte[] delta(RdiffEngine e, byte[] sig, byte[] newFile) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.delta(new ByteArrayInputStream(sig), new ByteArrayInputStream(newFile), out);
        return out.toByteArray();
    }

    private static byte[] patch(RdiffEngine e, byte[] basis, byte[] delta) throws IOException {
        Path b = Files.createTempFile("puavo-cross-", ".basis");
        try (SeekableByteChannel ch = Files.newByteChannel(Files.write(b, basis))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            e.patch(ch, new ByteArrayInputStream(delta), out);
            return out.toByteArray();
        } finally {
            Files.deleteIfExists(b);
        }
    }
}
