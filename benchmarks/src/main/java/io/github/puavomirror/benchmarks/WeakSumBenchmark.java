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

import io.github.puavomirror.rdiff.WeakSums;
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

/** The whole-block weak sums a signature computes per block (the delta's rolling updates are in EngineBenchmark). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WeakSumBenchmark {
    @Param({"128", "2048", "16384"})
    int size;

    private byte[] data;

    @Setup
    public void setUp() {
        data = new byte[size];
        new SplittableRandom(size).nextBytes(data);
    }

    @Benchmark
    public int rabinKarp() {
        return WeakSums.rabinKarp(data, 0, data.length);
    }

    @Benchmark
    public int rollsum() {
        return WeakSums.rollsum(data, 0, data.length);
    }

    @Benchmark
    public int rollsumMixed() {
        return WeakSums.mix32(WeakSums.rollsum(data, 0, data.length));
    }
}
