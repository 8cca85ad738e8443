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

import io.github.puavomirror.rdiff.RdiffBinary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure a user can reach with {@code rdiff} once the command line is right, run through
 * the real binary and ours: the same exit code, and our one line contains librsync's key phrase
 * (scripts grep rdiff's stderr, as librsync's own tests grep {@code File exists ".*", aborting!}),
 * naming the file at fault.
 */
class RdiffErrorPhrasesTest {
    @TempDir
    Path dir;

    private final Map<String, String> files = new LinkedHashMap<>();

    @BeforeEach
    void files() throws IOException {
        RdiffBinary.assumeAvailable();
        byte[] old = new byte[40_000];
        new Random(7).nextBytes(old);
        Path oldFile = Files.write(dir.resolve("old"), old);
        // One changed byte: the delta copies the rest from the basis, so a bad basis is read.
        old[20_000] ^= 1;
        Path newFile = Files.write(dir.resolve("new"), old);
        Path sig = dir.resolve("sig");
        Path delta = dir.resolve("delta");
        assertThat(RdiffBinary.run(null, "signature", oldFile.toString(), sig.toString()).exit()).isZero();
        assertThat(RdiffBinary.run(null, "delta", sig.toString(), newFile.toString(), delta.toString()).exit()).isZero();
        files.put("{old}", oldFile.toString());
        files.put("{new}", newFile.toString());
        files.put("{sig}", sig.toString());
        files.put("{delta}", delta.toString());
        files.put("{dir}", Files.createDirectory(dir.resolve("folder")).toString());
        files.put("{existing}", Files.writeString(dir.resolve("existing"), "keep me").toString());
        files.put("{missing}", dir.resolve("missing").toString());
        files.put("{nofolder}", dir.resolve("no-such-folder").resolve("out").toString());
        files.put("{truncated-delta}", Files.write(dir.resolve("delta.part"),
                Arrays.copyOf(Files.readAllBytes(delta), 100)).toString());
        files.put("{truncated-sig}", Files.write(dir.resolve("sig.part"),
                Arrays.copyOf(Files.readAllBytes(sig), 30)).toString());
    }

    /** The arguments, librsync's key phrase, and the file our line names first (null: the phrase names it). */
    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("signature {old} {existing}", "File exists \"{existing}\", aborting!", null),
                Arguments.of("delta {sig} {new} {dir}", "File exists \"{dir}\", aborting!", null),
                Arguments.of("signature {missing}", "Error opening \"{missing}\" for read: No such file or directory", null),
                Arguments.of("patch {old} {missing}", "Error opening \"{missing}\" for read: No such file or directory", null),
                Arguments.of("signature {old} {nofolder}",
                        "Error opening \"{nofolder}\" for write: No such file or directory", null),
                Arguments.of("-f signature {old} {dir}", "Error opening \"{dir}\" for write: Is a directory", null),
                Arguments.of("signature {dir} {out}", "Is a directory", "{dir}"),
                Arguments.of("delta {sig} {dir} {out}", "Is a directory", "{dir}"),
                Arguments.of("delta {dir} {new} {out}", "Is a directory", "{dir}"),
                Arguments.of("patch {dir} {delta} {out}", "read error: Is a directory", "{dir}"),
                Arguments.of("patch /dev/null {delta} {out}", "unexpected end of input", null),
                Arguments.of("patch {old} {truncated-delta} {out}", "unexpected end of input", "{truncated-delta}"),
                Arguments.of("delta {truncated-sig} {new} {out}", "unexpected end of input", "{truncated-sig}"),
                Arguments.of("patch {old} {new} {out}", "bad magic number at start of stream", "{new}"),
                Arguments.of("delta {old} {new} {out}", "stream corrupt", "{old}"),
                Arguments.of("-S 40 signature {old} {out}", "unexplained problem", "{old}"));
    }

    @ParameterizedTest(name = "rdiff {0}")
    @MethodSource("failures")
    void sameExitCodeAndLibrsyncsKeyPhrase(String args, String phrase, String subject) {
        RdiffBinary.Result theirs = RdiffBinary.run(new byte[0], words(args, "out.rdiff"));
        RdiffBinary.Result ours = Cli.run(prepend("rdiff", words(args, "out.ours")));

        assertThat(theirs.err()).as("librsync says it so").contains(expand(phrase));
        assertThat(ours.exit()).as(ours.err()).isEqualTo(theirs.exit()).isNotZero();
        assertThat(ours.err().lines()).singleElement().asString().startsWith("puavo-mirror: " + expand(
                subject == null ? "" : subject + ": ")).contains(expand(phrase));
        assertThat(Path.of(files.get("{existing}"))).hasContent("keep me");
    }

    @Test
    void aFifoAsTheBasisSaysWhatIsWrongWithIt() throws Exception {
        Path fifo = dir.resolve("fifo");
        GoodProcess.run("mkfifo", fifo.toString());
        files.put("{fifo}", fifo.toString());
        RdiffBinary.Result theirs = feeding(fifo, () -> RdiffBinary.run(new byte[0], words("patch {fifo} {delta} {out}",
                "out.rdiff")));
        RdiffBinary.Result ours = feeding(fifo, () -> Cli.run(prepend("rdiff", words("patch {fifo} {delta} {out}",
                "out.ours"))));

        assertThat(theirs.err()).contains("seek failed: Illegal seek");
        assertThat(ours.exit()).isEqualTo(theirs.exit()).isEqualTo(100);
        assertThat(ours.err().lines()).singleElement().asString()
                .startsWith("puavo-mirror: " + fifo + ": seek failed: Illegal seek")
                .contains("the basis must be a regular file, not a pipe or FIFO");
    }

    /**
     * Runs {@code command} with the FIFO held open for reading and writing by this test, so that
     * opening it never blocks, and the start of the basis waiting in it.
     */
    private RdiffBinary.Result feeding(Path fifo, Supplier<RdiffBinary.Result> command) throws IOException {
        try (RandomAccessFile held = new RandomAccessFile(fifo.toFile(), "rw")) {
            held.write(Files.readAllBytes(Path.of(files.get("{old}"))), 0, 4096);
            return command.get();
        }
    }

    private String expand(String text) {
        String out = text;
        for (Map.Entry<String, String> e : files.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    private String[] words(String args, String outName) {
        files.put("{out}", dir.resolve(outName).toString());
        return Arrays.stream(args.split(" ")).map(this::expand).toArray(String[]::new);
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** A helper command that must succeed. */
    private static final class GoodProcess {
        static void run(String... command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).inheritIO().start();
            assertThat(p.waitFor()).as(List.of(command).toString()).isZero();
        }
    }
}
