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
package io.github.puavomirror.benchmarks;

import io.github.puavomirror.rdiff.BytesChannel;
import io.github.puavomirror.rdiff.JavaRdiffEngine;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.SignatureOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The Java engine's signature, delta and patch on an in-memory {@link SimilarPair}, at Puavo's
 * {@code -b 128} and at the default block length (0 = librsync's sqrt rule).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {
    @Param({"8"})
    int mebibytes;

    @Param({"128", "0"})
    int blockLength;

    private final RdiffEngine engine = new JavaRdiffEngine();
    private SignatureOptions options;
    private byte[] oldFile;
    private byte[] newFile;
    private byte[] signature;
    private byte[] delta;

    @Setup
    public void setUp() throws IOException {
        byte[][] pair = new SimilarPair((long) mebibytes << 20, 1).inMemory();
        oldFile = pair[0];
        newFile = pair[1];
        options = SignatureOptions.DEFAULTS.withBlockLength(blockLength);
        ByteArrayOutputStream sig = new ByteArrayOutputStream();
        engine.signature(new ByteArrayInputStream(oldFile), oldFile.length, sig, options);
        signature = sig.toByteArray();
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        engine.delta(new ByteArrayInputStream(signature), new ByteArrayInputStream(newFile), d);
        delta = d.toByteArray();
        ByteArrayOutputStream patched = new ByteArrayOutputStream();
        engine.patch(new BytesChannel(oldFile), new ByteArrayInputStream(delta), patched);
        if (!Arrays.equals(patched.toByteArray(), newFile)) {
            throw new IllegalStateException("patch did not rebuild the new file");
        }
    }

    @Benchmark
    public long signature() throws IOException {
        CountingSink out = new CountingSink();
        engine.signature(new ByteArrayInputStream(oldFile), oldFile.length, out, options);
        return out.count();
    }

    @Benchmark
    public long delta() throws IOException {
        CountingSink out = new CountingSink();
        engine.delta(new ByteArrayInputStream(signature), new ByteArrayInputStream(newFile), out);
        return out.count();
    }

    @Benchmark
    public long patch() throws IOException {
        CountingSink out = new CountingSink();
        engine.patch(new BytesChannel(oldFile), new ByteArrayInputStream(delta), out);
        return out.count();
    }
}
