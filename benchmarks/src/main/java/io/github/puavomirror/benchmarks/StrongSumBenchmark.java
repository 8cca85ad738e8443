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

import io.github.puavomirror.rdiff.BenchmarkAccess;
import io.github.puavomirror.rdiff.SignatureType;
import org.bouncycastle.crypto.digests.Blake2bDigest;
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

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * BLAKE2b-256 of one block, as signature and delta compute it: BouncyCastle's streaming digest
 * (what StrongSum used before) against the specialised {@code Blake2b256}, plus StrongSum as
 * wired now. 128 bytes is Puavo's {@code -b 128}; 2 KiB the stream default; 16 KiB about the
 * default block of a 256 MiB file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StrongSumBenchmark {
    @Param({"128", "2048", "16384"})
    int size;

    private byte[] data;
    private final byte[] out = new byte[32];
    private final Blake2bDigest bc = new Blake2bDigest(256);
    private final byte[] bcFull = new byte[32];
    private final BenchmarkAccess.Blake2b specialised = new BenchmarkAccess.Blake2b();
    private final BenchmarkAccess.Strong strongSum = new BenchmarkAccess.Strong(SignatureType.DEFAULT);

    @Setup
    public void setUp() {
        data = new byte[size];
        new SplittableRandom(size).nextBytes(data);
    }

    @Benchmark
    public byte[] bouncyCastle() {
        bc.update(data, 0, data.length);
        bc.doFinal(bcFull, 0);
        System.arraycopy(bcFull, 0, out, 0, 32);
        return out;
    }

    @Benchmark
    public byte[] specialised() {
        specialised.hash(data, 0, data.length, out, 32);
        return out;
    }

    @Benchmark
    public byte[] strongSum() {
        strongSum.sum(data, 0, data.length, out, 32);
        return out;
    }
}
