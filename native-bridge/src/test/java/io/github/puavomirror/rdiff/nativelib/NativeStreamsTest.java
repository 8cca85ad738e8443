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

import io.github.puavomirror.rdiff.JavaRdiffEngine;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.SignatureOptions;
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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The native engine reads streams and channels as librsync asks for their bytes, never copying
 * them first: a basis of unknown size such as {@code /dev/zero} is read only where COPY commands
 * point, and the stream methods give the Java engine's bytes.
 */
class NativeStreamsTest {
    /** A hang guard, not a speed limit: copying /dev/zero first would never end. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private RdiffEngine engine;
    private final RdiffEngine java = new JavaRdiffEngine();

    @BeforeEach
    void load() {
        engine = NativeAvailability.engine();
    }

    @Test
    void devZeroAsABasisIsReadOnlyWhereTheDeltaCopies() throws IOException {
        Path zeros = Files.write(dir.resolve("zeros"), new byte[1 << 20]);
        byte[] next = Arrays.copyOf(new byte[1 << 20], (1 << 20) + 5000);
        Arrays.fill(next, 1 << 20, next.length, (byte) 7);
        Path nextFile = Files.write(dir.resolve("next"), next);
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        java.diff(zeros, nextFile, delta, SignatureOptions.DEFAULTS);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (FileChannel basis = FileChannel.open(Path.of("/dev/zero"), StandardOpenOption.READ)) {
                engine.patch(basis, new ByteArrayInputStream(delta.toByteArray()), out);
            }
        });

        assertThat(out.toByteArray()).isEqualTo(next);
    }

    @Test
    void streamMethodsWriteTheJavaEnginesBytes() throws IOException {
        Random rnd = new Random(41);
        byte[] old = TestData.random(rnd, 300_000);
        byte[] next = TestData.edit(rnd, old, 20);
        SignatureOptions options = SignatureOptions.DEFAULTS;

        ByteArrayOutputStream sig = new ByteArrayOutputStream();
        engine.signature(new ByteArrayInputStream(old), old.length, sig, options);
        ByteArrayOutputStream javaSig = new ByteArrayOutputStream();
        java.signature(new ByteArrayInputStream(old), old.length, javaSig, options);
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        engine.delta(new ByteArrayInputStream(sig.toByteArray()), new ByteArrayInputStream(next), delta);
        ByteArrayOutputStream javaDelta = new ByteArrayOutputStream();
        java.delta(new ByteArrayInputStream(sig.toByteArray()), new ByteArrayInputStream(next), javaDelta);
        Path oldFile = Files.write(dir.resolve("old"), old);
        ByteArrayOutputStream patched = new ByteArrayOutputStream();
        try (FileChannel basis = FileChannel.open(oldFile, StandardOpenOption.READ)) {
            engine.patch(basis, new ByteArrayInputStream(delta.toByteArray()), patched);
        }

        assertThat(sig.toByteArray()).isEqualTo(javaSig.toByteArray());
        assertThat(delta.toByteArray()).isEqualTo(javaDelta.toByteArray());
        assertThat(patched.toByteArray()).isEqualTo(next);
    }

    @Test
    void aFailingInputStreamIsTheErrorReported() throws IOException {
        byte[] old = TestData.random(new Random(43), 100_000);
        ByteArrayOutputStream sig = new ByteArrayOutputStream();
        java.signature(new ByteArrayInputStream(old), old.length, sig, SignatureOptions.DEFAULTS);
        InputStream failing = new InputStream() {
            private int left = 50_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("the new file's disk went away");
                }
                return 1;
            }
        };

        IOException e = catchThrowableOfType(IOException.class, () -> engine.delta(
                new ByteArrayInputStream(sig.toByteArray()), failing, new ByteArrayOutputStream()));

        assertThat(e).hasMessage("the new file's disk went away");
    }
}
