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

import io.github.puavomirror.rdiff.JavaRdiffEngine;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffStats;
import io.github.puavomirror.rdiff.SignatureOptions;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Java engine's cost per literal byte, in-process: the basis (an image) is indexed once at
 * {@code -b 128}, then a seeded random file that shares nothing with it is diffed against it
 * round after round, on one thread (it is smaller than the size a diff is split at). Every byte
 * of it is a literal, so the time over its length is what each byte of changed data costs the
 * one-step diff, index lookups included. Prints each round's ns per byte, in elapsed time and in
 * the diff thread's CPU time (less sensitive to a busy machine), with the load average, then the
 * medians and ranges over the rounds after two warm-up rounds.
 *
 * <p>Usage: {@code LiteralCost --basis=FILE [--work=DIR] [--size=48M] [--rounds=7] [--seed=1]}
 */
public final class LiteralCost {
    private LiteralCost() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> o = SquashfsPair.options(args, "basis",
                "LiteralCost --basis=FILE [--work=DIR] [--size=48M] [--rounds=7] [--seed=1]");
        Path basis = Path.of(o.get("basis"));
        Path work = Path.of(o.getOrDefault("work", "/tmp/puavo-bench-literal"));
        long size = SideBySide.parseSize(o.getOrDefault("size", "48M"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "7"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));

        Files.createDirectories(work);
        Path fresh = work.resolve("literal-" + size + "-" + seed);
        writeRandom(fresh, size, seed);
        RdiffEngine engine = new JavaRdiffEngine();
        long t0 = System.nanoTime();
        RdiffEngine.PreparedBasis prepared = engine.prepare(basis, SignatureOptions.DEFAULTS.withBlockLength(128));
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "basis %s (%d B) indexed in %.3f s; %s: %d random bytes%n", basis,
                Files.size(basis), indexSeconds, fresh, size);
        double[] perByte = new double[rounds];
        double[] cpuPerByte = new double[rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = -2; round < rounds; round++) {
            String load = SideBySide.loadAverage();
            CountingSink sink = new CountingSink();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            RdiffStats stats = prepared.diff(fresh, sink);
            long nanos = System.nanoTime() - start;
            long cpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
            double ns = (double) nanos / stats.literalBytes();
            double cpuNs = (double) cpuNanos / stats.literalBytes();
            System.out.printf(Locale.ROOT, "%s %d: %.3f s, %d literal bytes, %.1f ns per literal byte"
                            + " (CPU time: %.1f ns), load %s%n", round < 0 ? "warm-up" : "round",
                    round < 0 ? round + 3 : round + 1, nanos / 1e9, stats.literalBytes(), ns, cpuNs, load);
            if (round >= 0) {
                perByte[round] = ns;
                cpuPerByte[round] = cpuNs;
            }
        }
        System.out.println("ns per literal byte: " + summary(perByte) + "; in CPU time of the diff's thread: "
                + summary(cpuPerByte));
    }

    private static String summary(double[] values) {
        double[] t = values.clone();
        Arrays.sort(t);
        double median = t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
        return String.format(Locale.ROOT, "median %.1f, range %.1f-%.1f over %d rounds", median, t[0],
                t[t.length - 1], t.length);
    }

    private static void writeRandom(Path file, long size, long seed) throws IOException {
        if (Files.exists(file) && Files.size(file) == size) {
            return;
        }
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 12345);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (long left = size; left > 0; left -= chunk.length) {
                r.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }
}
