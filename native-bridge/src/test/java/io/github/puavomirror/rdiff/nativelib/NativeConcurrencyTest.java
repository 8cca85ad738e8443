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

import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.RdiffResult;
import io.github.puavomirror.rdiff.SignatureOptions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** One engine shared by several threads gives each the bytes it gives alone, errors included. */
class NativeConcurrencyTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 6;

    @TempDir
    Path dir;

    private record Case(byte[] oldData, byte[] newData, byte[] signature, byte[] delta) {
    }

    @Test
    void threadsShareOneEngine() throws Exception {
        RdiffEngine engine = NativeAvailability.engine();
        Random rnd = new Random(99L);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < THREADS * 2; i++) {
            byte[] old = TestData.random(rnd, 20_000 + rnd.nextInt(60_000));
            byte[] neu = TestData.edit(rnd, old, 1 + rnd.nextInt(10));
            SignatureOptions o = SignatureOptions.DEFAULTS.withBlockLength(64 << rnd.nextInt(4));
            ByteArrayOutputStream sig = new ByteArrayOutputStream();
            engine.signature(new ByteArrayInputStream(old), old.length, sig, o);
            ByteArrayOutputStream delta = new ByteArrayOutputStream();
            engine.delta(new ByteArrayInputStream(sig.toByteArray()), new ByteArrayInputStream(neu), delta);
            cases.add(new Case(old, neu, sig.toByteArray(), delta.toByteArray()));
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(work(engine, cases, thread)));
            }
            for (Future<Void> f : results) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Callable<Void> work(RdiffEngine engine, List<Case> cases, int thread) {
        return () -> {
            Path own = Files.createDirectory(dir.resolve("t" + thread));
            for (int r = 0; r < ROUNDS; r++) {
                Case c = cases.get((thread + r) % cases.size());
                Path old = Files.write(own.resolve("old"), c.oldData());
                Path neu = Files.write(own.resolve("new"), c.newData());
                Path sig = Files.write(own.resolve("sig"), c.signature());
                Path delta = own.resolve("delta");
                engine.delta(sig, neu, delta);
                assertThat(Files.readAllBytes(delta)).isEqualTo(c.delta());
                ByteArrayOutputStream patched = new ByteArrayOutputStream();
                try (FileChannel b = FileChannel.open(old)) {
                    engine.patch(b, new ByteArrayInputStream(c.delta()), patched);
                }
                assertThat(patched.toByteArray()).isEqualTo(c.newData());
                // Errors from concurrent jobs keep their own code and message.
                byte[] bad = c.signature().clone();
                bad[11] = 40;
                try {
                    engine.delta(new ByteArrayInputStream(bad), new ByteArrayInputStream(c.newData()),
                            new ByteArrayOutputStream());
                    throw new AssertionError("a strong length of 40 must be refused");
                } catch (RdiffException e) {
                    assertThat(e.result()).isEqualTo(RdiffResult.CORRUPT);
                }
                try {
                    engine.patch(old, Files.write(own.resolve("bad"), new byte[] {0x72, 0x73, 2, 0x36, 0x55}),
                            own.resolve("out"));
                    throw new AssertionError("opcode 0x55 must be refused");
                } catch (RdiffException e) {
                    assertThat(e.result()).isEqualTo(RdiffResult.CORRUPT);
                    assertThat(e.getMessage()).contains("0x55").doesNotContain("strong");
                }
            }
            return null;
        };
    }
}
