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
import io.github.puavomirror.rdiff.SignatureOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Running out of heap is one line saying what ran out, the heap and how to give more, with the
 * command's exit code: rdiff's RS_MEM_ERROR (102), 1 for the others. The commands run in a
 * child JVM with a 64 MiB heap on a 400 MiB pair, whose index alone is larger than that heap.
 * The pair is sparse: the test writes a few bytes for it.
 */
class OutOfMemoryTest {
    private static final long SIZE = 400L << 20;
    private static final String LINE = "puavo-mirror: out of memory \\(Java heap space\\) with a heap of \\d+ MiB;"
            + " give it more with PUAVO_MIRROR_JAVA_OPTS=-Xmx\\d+m\n";

    @TempDir
    Path dir;

    @Test
    void rdiffDeltaExitsWithMemError() throws Exception {
        Path sig = zeroSignature();
        Path out = dir.resolve("out.rdiff");

        Run r = cli("rdiff", "--engine=java", "delta", sig.toString(), sparse("new").toString(), out.toString());

        assertThat(r.err).matches(LINE);
        assertThat(r.exit).isEqualTo(102);
        assertThat(r.out).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void diffExitsWithOne() throws Exception {
        Path out = dir.resolve("out.rdiff");

        Run r = cli("diff", "--engine=java", "-b", "128", sparse("old").toString(), sparse("new").toString(),
                out.toString());

        assertThat(r.err).matches(LINE);
        assertThat(r.exit).isEqualTo(1);
        assertThat(out).doesNotExist();
    }

    /**
     * The signature of the sparse basis at -b 128 with 8-byte sums (39 MiB; its index alone needs
     * more than 64 MiB): the signature of one zero block, its entry repeated for every block.
     */
    private Path zeroSignature() throws IOException {
        Path block = Files.write(dir.resolve("zero-block"), new byte[128]);
        Path one = dir.resolve("zero-block.sig");
        new JavaRdiffEngine().signature(block, one, new SignatureOptions(null, 128, 8));
        byte[] header = Files.readAllBytes(one);
        Path sig = dir.resolve("basis.sig");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(sig), 1 << 16)) {
            out.write(header, 0, 12);
            for (long i = 0; i < SIZE / 128; i++) {
                out.write(header, 12, header.length - 12);
            }
        }
        return sig;
    }

    private Path sparse(String name) throws IOException {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(SIZE);
        }
        return p;
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("PUAVO_MIRROR_ENGINE");
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> text(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(p.getErrorStream()));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
        return new Run(p.exitValue(), out.join(), err.join());
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
