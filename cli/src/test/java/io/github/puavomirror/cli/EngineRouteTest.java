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
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffStats;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.nativelib.Engines;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With named regular files in and a file out, the commands hand the engine paths (so librsync
 * opens them itself rather than the CLI streaming them through temporary files); anything else
 * keeps the stream methods. Both routes give the same bytes, statistics and failures.
 */
class EngineRouteTest {
    @TempDir
    Path dir;

    private final List<String> calls = new ArrayList<>();
    private Path oldFile;
    private Path newFile;

    @BeforeEach
    void setUp() throws IOException {
        Random random = new Random(7);
        byte[] old = new byte[50_000];
        random.nextBytes(old);
        ByteArrayOutputStream next = new ByteArrayOutputStream();
        next.write(old, 0, 20_000);
        byte[] insert = new byte[1_500];
        random.nextBytes(insert);
        next.write(insert);
        next.write(old, 25_000, 25_000);
        oldFile = Files.write(dir.resolve("old"), old);
        newFile = Files.write(dir.resolve("new"), next.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void filesGoByPathAndGiveTheStreamedBytes(String engine) throws IOException {
        requireEngine(engine);
        String e = "--engine=" + engine;
        Path sig = dir.resolve("sig");
        Path delta = dir.resolve("delta");
        Path patched = dir.resolve("patched");
        Path diffed = dir.resolve("diffed");

        assertOk(run("rdiff", e, "-b", "256", "signature", oldFile.toString(), sig.toString()));
        assertOk(run("rdiff", e, "delta", sig.toString(), newFile.toString(), delta.toString()));
        assertOk(run("rdiff", e, "patch", oldFile.toString(), delta.toString(), patched.toString()));
        assertOk(run("diff", e, "-b", "256", oldFile.toString(), newFile.toString(), diffed.toString()));
        assertThat(calls).containsExactly("signature(Path)", "delta(Path)", "patch(Path)", "diff(Path)");
        assertThat(Files.readAllBytes(patched)).isEqualTo(Files.readAllBytes(newFile));
        assertThat(onlyFiles()).containsExactlyInAnyOrder("old", "new", "sig", "delta", "patched", "diffed");

        calls.clear();
        RdiffBinary.Result sigStreamed = run("rdiff", e, "-b", "256", "signature", oldFile.toString(), "-");
        RdiffBinary.Result deltaStreamed = run(Files.readAllBytes(newFile), -1,
                "rdiff", e, "delta", sig.toString(), "-", "-");
        RdiffBinary.Result patchStreamed = run("rdiff", e, "patch", oldFile.toString(), delta.toString());
        RdiffBinary.Result diffStreamed = run("diff", e, "-b", "256", oldFile.toString(), newFile.toString());
        assertThat(calls).containsExactly("signature(stream)", "delta(stream)", "patch(stream)", "diff(stream)");
        assertThat(sigStreamed.out()).isEqualTo(Files.readAllBytes(sig));
        assertThat(deltaStreamed.out()).isEqualTo(Files.readAllBytes(delta));
        assertThat(patchStreamed.out()).isEqualTo(Files.readAllBytes(patched));
        assertThat(diffStreamed.out()).isEqualTo(Files.readAllBytes(delta)).isEqualTo(Files.readAllBytes(diffed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void statisticsAreThoseOfTheStreamRoute(String engine) throws IOException {
        requireEngine(engine);
        String e = "--engine=" + engine;
        Path sig = dir.resolve("sig");
        Path delta = dir.resolve("delta");
        String sigByPath = run("rdiff", e, "-s", "signature", oldFile.toString(), sig.toString()).err();
        String deltaByPath = run("rdiff", e, "-s", "delta", sig.toString(), newFile.toString(),
                delta.toString()).err();
        String patchByPath = run("rdiff", e, "-s", "patch", oldFile.toString(), delta.toString(),
                dir.resolve("patched").toString()).err();
        String diffByPath = run("diff", e, "-s", oldFile.toString(), newFile.toString(),
                dir.resolve("diffed").toString()).err();
        assertThat(calls).containsExactly("signature(Path)", "delta(Path)", "patch(Path)", "diff(Path)");

        // A standard output keeps every command on the stream route, with counting streams.
        assertThat(sigByPath).startsWith("librsync: signature statistics: signature[")
                .isEqualTo(run("rdiff", e, "-s", "signature", oldFile.toString()).err());
        assertThat(deltaByPath).contains("librsync: loadsig statistics: ", "librsync: delta statistics: ")
                .isEqualTo(run("rdiff", e, "-s", "delta", sig.toString(), newFile.toString()).err());
        assertThat(patchByPath).startsWith("librsync: patch statistics: ")
                .isEqualTo(run("rdiff", e, "-s", "patch", oldFile.toString(), delta.toString()).err());
        assertThat(diffByPath).startsWith("librsync: delta statistics: ")
                .isEqualTo(run("diff", e, "-s", oldFile.toString(), newFile.toString()).err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void failedRunByPathLeavesNoOutput(String engine) throws IOException {
        requireEngine(engine);
        // A literal command announcing 16 bytes that carries 4: the patch writes, then fails.
        Path delta = Files.write(dir.resolve("delta"), new byte[] {0x72, 0x73, 0x02, 0x36, 0x10, 'a', 'b', 'c', 'd'});
        Path out = dir.resolve("out");
        RdiffBinary.Result r = run("rdiff", "--engine=" + engine, "-s", "patch", oldFile.toString(),
                delta.toString(), out.toString());
        assertThat(calls).containsExactly("patch(Path)");
        assertThat(r.exit()).isEqualTo(103);
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err()).startsWith("librsync: patch statistics: ").contains("\npuavo-mirror: " + delta + ": ");
        assertThat(onlyFiles()).containsExactlyInAnyOrder("old", "new", "delta");

        Path notASignature = Files.write(dir.resolve("junk"), new byte[] {1, 2, 3, 4, 0, 0, 0, 8, 0, 0, 0, 8});
        r = run("rdiff", "--engine=" + engine, "delta", notASignature.toString(), newFile.toString(),
                out.toString());
        assertThat(r.exit()).isEqualTo(104);
        assertThat(r.err()).startsWith("puavo-mirror: " + notASignature + ": ");
        assertThat(onlyFiles()).containsExactlyInAnyOrder("old", "new", "delta", "junk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void overwritingByPathKeepsTheRefusalAndTheMode(String engine) throws IOException {
        requireEngine(engine);
        String e = "--engine=" + engine;
        Path existing = Files.write(dir.resolve("existing"), new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));
        RdiffBinary.Result refused = run("rdiff", e, "signature", oldFile.toString(), existing.toString());
        assertThat(refused.exit()).isEqualTo(100);
        assertThat(Files.readAllBytes(existing)).containsExactly(1, 2, 3);

        assertOk(run("rdiff", e, "-f", "signature", oldFile.toString(), existing.toString()));
        assertThat(calls).containsExactly("signature(Path)");
        assertThat(Files.readAllBytes(existing))
                .isEqualTo(run("rdiff", e, "signature", oldFile.toString()).out());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-r-----");
        assertThat(onlyFiles()).containsExactlyInAnyOrder("old", "new", "existing");
    }

    /** Like the rdiff comparisons: skipped without librsync on a laptop, a failure in CI. */
    static void requireEngine(String engine) {
        try {
            Engines.select(engine, report -> { });
        } catch (IllegalArgumentException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true needs engine " + engine + ": " + e.getMessage());
            }
            Assumptions.abort(e.getMessage());
        }
    }

    private List<String> onlyFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** puavo-mirror in-process, every engine it selects wrapped in a {@link Recording}. */
    private RdiffBinary.Result run(String... args) {
        return run(new byte[0], -1, args);
    }

    private RdiffBinary.Result run(byte[] stdin, long stdinLength, String... args) {
        EngineSelector recording = (choice, report) -> new Recording(EngineSelector.SYSTEM.select(choice, report));
        return Cli.run(recording, stdin, stdinLength, args);
    }

    private static void assertOk(RdiffBinary.Result r) {
        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
    }

    /** Passes every call on, noting whether it took paths or streams. */
    private final class Recording implements RdiffEngine {
        private final RdiffEngine engine;

        Recording(RdiffEngine engine) {
            this.engine = engine;
        }

        @Override
        public String name() {
            return engine.name();
        }

        @Override
        public String description() {
            return engine.description();
        }

        @Override
        public RdiffStats signature(InputStream basis, long basisLength, OutputStream signature,
                                    SignatureOptions options) throws IOException {
            calls.add("signature(stream)");
            return engine.signature(basis, basisLength, signature, options);
        }

        @Override
        public RdiffStats signature(Path basis, Path signature, SignatureOptions options) throws IOException {
            calls.add("signature(Path)");
            return engine.signature(basis, signature, options);
        }

        @Override
        public RdiffStats delta(InputStream signature, InputStream newFile, OutputStream delta) throws IOException {
            calls.add("delta(stream)");
            return engine.delta(signature, newFile, delta);
        }

        @Override
        public RdiffStats delta(Path signature, Path newFile, Path delta) throws IOException {
            calls.add("delta(Path)");
            return engine.delta(signature, newFile, delta);
        }

        @Override
        public RdiffStats patch(SeekableByteChannel basis, InputStream delta, OutputStream newFile)
                throws IOException {
            calls.add("patch(stream)");
            return engine.patch(basis, delta, newFile);
        }

        @Override
        public RdiffStats patch(Path basis, Path delta, Path newFile) throws IOException {
            calls.add("patch(Path)");
            return engine.patch(basis, delta, newFile);
        }

        @Override
        public RdiffStats diff(Path basis, Path newFile, OutputStream delta, SignatureOptions options)
                throws IOException {
            calls.add("diff(stream)");
            return engine.diff(basis, newFile, delta, options);
        }

        @Override
        public RdiffStats diff(Path basis, Path newFile, Path delta, SignatureOptions options) throws IOException {
            calls.add("diff(Path)");
            return engine.diff(basis, newFile, delta, options);
        }
    }
}
