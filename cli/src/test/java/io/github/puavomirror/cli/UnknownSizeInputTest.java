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
package io.github.puavomirror.cli;

import io.github.puavomirror.rdiff.JavaRdiffEngine;
import io.github.puavomirror.rdiff.RdiffBinary;
import io.github.puavomirror.rdiff.SignatureOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A patch basis of unknown or endless size is read only as far as the delta's COPY commands
 * reach, as rdiff reads it: {@code /dev/zero} by name, or an endless standard input, ends at
 * once with either engine instead of being copied to a temporary file first.
 */
class UnknownSizeInputTest {
    /** A hang guard, not a speed limit: copying the basis first would never end. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void devZeroAsTheBasisEnds(String engine) throws Exception {
        EngineRouteTest.requireEngine(engine);
        byte[] next = expected();
        Path delta = deltaFromZeros(next);
        Path out = dir.resolve("out");

        RdiffBinary.Result r = assertTimeoutPreemptively(HANG_GUARD, () -> Cli.run("rdiff", "--engine=" + engine,
                "patch", "/dev/zero", delta.toString(), out.toString()));

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void anEndlessStandardInputAsTheBasisEnds(String engine) throws Exception {
        EngineRouteTest.requireEngine(engine);
        byte[] next = expected();
        Path delta = deltaFromZeros(next);
        InputStream endlessZeros = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = assertTimeoutPreemptively(HANG_GUARD, () -> {
            try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                return Main.run(new String[] {"rdiff", "--engine=" + engine, "patch", "-", delta.toString()},
                        new CliIo(endlessZeros, out, errStream, () -> -1));
            }
        });

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toByteArray()).isEqualTo(next);
    }

    /** 1 MiB of zeros, then 5000 sevens: most of it a COPY from a basis of zeros. */
    private static byte[] expected() {
        byte[] next = new byte[(1 << 20) + 5000];
        Arrays.fill(next, 1 << 20, next.length, (byte) 7);
        return next;
    }

    private Path deltaFromZeros(byte[] next) throws Exception {
        Path zeros = Files.write(dir.resolve("zeros"), new byte[1 << 20]);
        Path nextFile = Files.write(dir.resolve("next"), next);
        Path delta = dir.resolve("delta");
        new JavaRdiffEngine().diff(zeros, nextFile, delta, SignatureOptions.DEFAULTS);
        return delta;
    }
}
