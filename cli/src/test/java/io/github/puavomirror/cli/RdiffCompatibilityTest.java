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
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** puavo-mirror rdiff and diff against the real rdiff 2.3.2: same bytes, same exit codes. */
class RdiffCompatibilityTest {
    @TempDir
    Path dir;

    private Path oldFile;
    private Path newFile;

    @BeforeEach
    void files() throws IOException {
        RdiffBinary.assumeAvailable();
        Random random = new Random(20260101);
        byte[] old = new byte[20_000];
        random.nextBytes(old);
        ByteArrayOutputStream next = new ByteArrayOutputStream();
        next.write(old, 0, 7_000);
        byte[] insert = new byte[900];
        random.nextBytes(insert);
        next.write(insert);
        next.write(old, 9_000, 8_000);
        next.write(old, 1_000, 3_000);
        oldFile = write("old", old);
        newFile = write("new", next.toByteArray());
    }

    static Stream<List<String>> signatureOptions() {
        return Stream.of(
                List.of(),
                List.of("-b", "128"),
                List.of("--block-size=64", "-S", "8", "-H", "md4"),
                List.of("-R", "rollsum"),
                List.of("-S", "-1"),
                List.of("-b", "1000", "--hash=md4", "--rollsum=rollsum"),
                List.of("-b", "0x40", "-S", "010"));
    }

    /** Each option set under the Java engine and under auto (librsync when it loads). */
    static Stream<Arguments> optionsAndEngines() {
        return signatureOptions().flatMap(o -> Stream.of(Arguments.of(o, "java"), Arguments.of(o, "auto")));
    }

    @ParameterizedTest
    @MethodSource("optionsAndEngines")
    void signatureDeltaAndPatchAreByteIdentical(List<String> rdiffOptions, String engine) throws IOException {
        List<String> options = withEngine(rdiffOptions, engine);
        Path sig = dir.resolve("sig.rdiff");
        Path sigOurs = dir.resolve("sig.ours");
        assertThat(RdiffBinary.run(null, args(rdiffOptions, "signature", oldFile.toString(), sig.toString())).exit()).isZero();
        assertOk(Cli.run(args(options, "rdiff", "signature", oldFile.toString(), sigOurs.toString())));
        assertSameFile(sigOurs, sig);

        Path delta = dir.resolve("delta.rdiff");
        Path deltaOurs = dir.resolve("delta.ours");
        assertThat(RdiffBinary.run(null, "delta", sig.toString(), newFile.toString(), delta.toString()).exit()).isZero();
        assertOk(Cli.run("rdiff", "--engine", engine, "delta", sig.toString(), newFile.toString(), deltaOurs.toString()));
        assertSameFile(deltaOurs, delta);

        Path patched = dir.resolve("patched");
        assertOk(Cli.run("rdiff", "patch", "--engine=" + engine, oldFile.toString(), delta.toString(), patched.toString()));
        assertSameFile(patched, newFile);
    }

    @ParameterizedTest
    @MethodSource("optionsAndEngines")
    void diffEqualsSignatureThenDelta(List<String> rdiffOptions, String engine) throws IOException {
        Path sig = dir.resolve("sig");
        Path delta = dir.resolve("delta.rdiff");
        assertThat(RdiffBinary.run(null, args(rdiffOptions, "signature", oldFile.toString(), sig.toString())).exit()).isZero();
        List<String> options = withEngine(rdiffOptions, engine);
        assertThat(RdiffBinary.run(null, "delta", sig.toString(), newFile.toString(), delta.toString()).exit()).isZero();

        Path ours = dir.resolve("delta.ours");
        assertOk(Cli.run(args(options, "diff", oldFile.toString(), newFile.toString(), ours.toString())));
        assertSameFile(ours, delta);
        RdiffBinary.Result toStdout = Cli.run(args(options, "diff", oldFile.toString(), newFile.toString()));
        assertOk(toStdout);
        assertThat(toStdout.out()).isEqualTo(Files.readAllBytes(delta));
    }

    @Test
    void diffWithOldFromStdinSizesTheSignatureLikeAPipe() throws IOException {
        byte[] old = Files.readAllBytes(oldFile);
        RdiffBinary.Result sig = RdiffBinary.run(old, "signature", "-", "-");
        Path sigFile = write("piped.sig", sig.out());
        RdiffBinary.Result delta = RdiffBinary.run(null, "delta", sigFile.toString(), newFile.toString(), "-");

        RdiffBinary.Result ours = Cli.run(old, -1, "diff", "-", newFile.toString(), "-");
        assertOk(ours);
        assertThat(ours.out()).isEqualTo(delta.out());
    }

    @Test
    void standardStreamsAndDashes() throws IOException {
        byte[] old = Files.readAllBytes(oldFile);
        byte[] next = Files.readAllBytes(newFile);

        // A pipe: size unknown, so rdiff uses 2048-byte blocks.
        RdiffBinary.Result sigPiped = RdiffBinary.run(old, "signature");
        RdiffBinary.Result oursPiped = Cli.run(old, -1, "rdiff", "signature");
        assertOk(oursPiped);
        assertThat(oursPiped.out()).isEqualTo(sigPiped.out());
        assertThat(Cli.run(old, -1, "rdiff", "signature", "-", "-").out()).isEqualTo(sigPiped.out());

        // A regular file as stdin: rdiff takes its size from fstat.
        RdiffBinary.Result sigRedirected = RdiffBinary.runFromFile(oldFile, "signature");
        assertThat(sigRedirected.out()).isNotEqualTo(sigPiped.out());
        assertThat(Cli.run(old, old.length, "rdiff", "signature").out()).isEqualTo(sigRedirected.out());

        Path sig = write("sig", sigRedirected.out());
        RdiffBinary.Result delta = RdiffBinary.run(next, "delta", sig.toString());
        RdiffBinary.Result oursDelta = Cli.run(next, -1, "rdiff", "delta", sig.toString(), "-", "-");
        assertOk(oursDelta);
        assertThat(oursDelta.out()).isEqualTo(delta.out());

        RdiffBinary.Result patched = Cli.run(delta.out(), -1, "rdiff", "patch", oldFile.toString());
        assertOk(patched);
        assertThat(patched.out()).isEqualTo(next);
        RdiffBinary.Result basisFromStdin = Cli.run(old, -1, "rdiff", "patch", "-", write("delta", delta.out()).toString());
        assertOk(basisFromStdin);
        assertThat(basisFromStdin.out()).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "sig", "signatur", "signature"})
    void signaturePrefixes(String action) {
        assertThat(Cli.run("rdiff", action, oldFile.toString()).out())
                .isEqualTo(RdiffBinary.run(null, action, oldFile.toString()).out());
    }

    @Test
    void deltaAndPatchPrefixesAndOptionsAfterTheAction() throws IOException {
        byte[] sig = RdiffBinary.run(null, "signature", oldFile.toString()).out();
        Path sigFile = write("sig", sig);
        byte[] delta = RdiffBinary.run(null, "delta", sigFile.toString(), newFile.toString()).out();
        for (String d : List.of("d", "del", "delta")) {
            assertThat(Cli.run("rdiff", d, sigFile.toString(), newFile.toString()).out()).isEqualTo(delta);
        }
        Path deltaFile = write("delta", delta);
        for (String p : List.of("p", "pat", "patch")) {
            assertThat(Cli.run("rdiff", p, oldFile.toString(), deltaFile.toString()).out())
                    .isEqualTo(Files.readAllBytes(newFile));
        }
        byte[] before = RdiffBinary.run(null, "-b", "128", "signature", oldFile.toString()).out();
        assertThat(RdiffBinary.run(null, "signature", "-b", "128", oldFile.toString()).out()).isEqualTo(before);
        assertThat(Cli.run("rdiff", "signature", "-b", "128", oldFile.toString()).out()).isEqualTo(before);
        assertThat(Cli.run("rdiff", "signature", oldFile.toString(), "-b128").out()).isEqualTo(before);
        assertThat(Cli.run("rdiff", "-b=128", "sig", oldFile.toString()).out()).isEqualTo(before);
        assertThat(Cli.run("rdiff", "-I", "7", "-O", "3", "-b", "128", "sig", oldFile.toString()).out())
                .isEqualTo(before);
    }

    static Stream<List<String>> usageAndFailureCases() {
        return Stream.of(
                List.of(),
                List.of("-x"),
                List.of("--bogus", "signature"),
                List.of("-z", "signature"),
                List.of("frobnicate"),
                List.of("delta"),
                List.of("patch"),
                List.of("-b"),
                List.of("--hash"),
                List.of("-b", "x", "signature", "OLD"),
                List.of("-b", "12abc", "signature", "OLD"),
                List.of("-b", "99999999999", "signature", "OLD"),
                List.of("-H", "sha", "signature", "OLD"),
                List.of("-R", "xx", "signature", "OLD"),
                List.of("--force=1", "signature", "OLD"),
                List.of("--version=2"),
                List.of("signature", "OLD", "-", "extra"),
                List.of("signature", "MISSING"),
                List.of("signature", "@OLD"),
                List.of("delta", "MISSING", "NEW"),
                List.of("-S", "40", "signature", "OLD"),
                List.of("-S", "20", "-H", "md4", "signature", "OLD"),
                List.of("-S", "-2", "signature", "OLD"),
                List.of("delta", "OLD", "NEW"),
                List.of("patch", "OLD", "NEW"));
    }

    @ParameterizedTest
    @MethodSource("usageAndFailureCases")
    void exitCodesMatchRdiff(List<String> template) {
        String[] args = template.stream().map(this::substitute).toArray(String[]::new);
        RdiffBinary.Result expected = RdiffBinary.run(new byte[0], args);
        RdiffBinary.Result actual = Cli.run(args(Arrays.asList(args), "rdiff"));
        assertThat(actual.exit()).as("exit code of %s (rdiff said %s)", template, expected.err())
                .isEqualTo(expected.exit()).isNotZero();
        assertThat(actual.out()).isEmpty();
        assertThat(actual.err()).startsWith("puavo-mirror: ").doesNotContain("\tat ");
        assertThat(actual.err().lines()).hasSize(1);
    }

    @Test
    void refusesToOverwriteWithoutForce() throws IOException {
        Path existing = write("existing", new byte[] {1, 2, 3});
        RdiffBinary.Result expected = RdiffBinary.run(null, "signature", oldFile.toString(), existing.toString());
        assertThat(expected.exit()).isEqualTo(100);

        RdiffBinary.Result refused = Cli.run("rdiff", "signature", oldFile.toString(), existing.toString());
        assertThat(refused.exit()).isEqualTo(expected.exit());
        assertThat(refused.err()).isEqualTo("puavo-mirror: File exists \"" + existing + "\", aborting! (use -f to overwrite)\n");
        assertThat(Files.readAllBytes(existing)).containsExactly(1, 2, 3);
        assertThat(Cli.run("diff", oldFile.toString(), newFile.toString(), existing.toString()).exit()).isEqualTo(1);
        assertThat(Files.readAllBytes(existing)).containsExactly(1, 2, 3);

        assertOk(Cli.run("rdiff", "-f", "signature", oldFile.toString(), existing.toString()));
        assertThat(Files.readAllBytes(existing)).isEqualTo(RdiffBinary.run(null, "signature", oldFile.toString()).out());
        assertOk(Cli.run("diff", "--force", oldFile.toString(), newFile.toString(), existing.toString()));
        assertThat(onlyFiles()).containsExactlyInAnyOrder("old", "new", "existing");
    }

    @Test
    void statisticsLinesMatchRdiffExceptTheMatchLine() throws IOException {
        Path sig = dir.resolve("sig");
        Path sigOurs = dir.resolve("sig.ours");
        RdiffBinary.Result expected = RdiffBinary.run(null, "-s", "signature", oldFile.toString(), sig.toString());
        RdiffBinary.Result actual = Cli.run("rdiff", "-s", "signature", oldFile.toString(), sigOurs.toString());
        assertThat(actual.err()).isEqualTo(expected.err());

        expected = RdiffBinary.run(null, "-s", "delta", sig.toString(), newFile.toString(), dir.resolve("d1").toString());
        actual = Cli.run("rdiff", "-s", "delta", sig.toString(), newFile.toString(), dir.resolve("d2").toString());
        assertThat(actual.err().lines()).containsExactlyElementsOf(
                expected.err().lines().filter(l -> !l.contains("match statistics")).toList());

        expected = RdiffBinary.run(null, "-s", "patch", oldFile.toString(), dir.resolve("d1").toString(), "-");
        actual = Cli.run("rdiff", "-s", "patch", oldFile.toString(), dir.resolve("d1").toString(), "-");
        assertThat(actual.err()).isEqualTo(expected.err());

        expected = RdiffBinary.run(new byte[0], "-s", "signature");
        actual = Cli.run("rdiff", "-s", "signature");
        assertThat(actual.err()).isEqualTo(expected.err());
    }

    /** A header's strong sum length 0 means the hash's longest, also for the blocks loadsig counts. */
    @ParameterizedTest
    @ValueSource(strings = {"java", "auto"})
    void loadsigLineCountsBlocksOfAHeaderWithStrongLengthZero(String engine) throws IOException {
        Path sig = dir.resolve("sig");
        assertThat(RdiffBinary.run(null, "-b", "1024", "signature", oldFile.toString(), sig.toString()).exit()).isZero();
        byte[] bytes = Files.readAllBytes(sig);
        Arrays.fill(bytes, 8, 12, (byte) 0);
        Files.write(sig, bytes);

        RdiffBinary.Result expected = RdiffBinary.run(null, "-s", "delta", sig.toString(), newFile.toString(),
                dir.resolve("d1").toString());
        RdiffBinary.Result actual = Cli.run("rdiff", "--engine", engine, "-s", "delta", sig.toString(),
                newFile.toString(), dir.resolve("d2").toString());
        assertThat(actual.err().lines()).containsExactlyElementsOf(
                expected.err().lines().filter(l -> !l.contains("match statistics")).toList());
        RdiffBinary.Result piped = Cli.run(bytes, -1, "rdiff", "--engine", engine, "-s", "delta", "-",
                newFile.toString(), dir.resolve("d3").toString());
        assertThat(piped.err()).isEqualTo(actual.err());
    }

    private static List<String> withEngine(List<String> options, String engine) {
        List<String> all = new ArrayList<>(options);
        all.add("--engine=" + engine);
        return all;
    }

    private String substitute(String word) {
        return switch (word) {
            case "OLD" -> oldFile.toString();
            case "NEW" -> newFile.toString();
            case "MISSING" -> dir.resolve("missing").toString();
            case "@OLD" -> "@" + oldFile;
            default -> word;
        };
    }

    private List<String> onlyFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String[] args(List<String> options, String... words) {
        List<String> all = new ArrayList<>();
        int split = words.length > 0 && (words[0].equals("rdiff") || words[0].equals("diff")) ? 1 : 0;
        all.addAll(Arrays.asList(words).subList(0, split));
        all.addAll(options);
        all.addAll(Arrays.asList(words).subList(split, words.length));
        return all.toArray(String[]::new);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertOk(RdiffBinary.Result r) {
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
    }

    private static void assertSameFile(Path actual, Path expected) throws IOException {
        assertThat(Files.readAllBytes(actual)).isEqualTo(Files.readAllBytes(expected));
    }
}
