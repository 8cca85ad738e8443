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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureParams;
import io.github.puavomirror.rdiff.SignatureType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

class EnginesTest {
    private static final Supplier<NativeLibraryLoader.Result> MISSING =
            () -> NativeLibraryLoader.load("librsync-puavo-missing.so.9");

    private final List<String> reports = new ArrayList<>();

    @Test
    void missingLibraryGivesReasonNotError() {
        NativeLibraryLoader.Result r = MISSING.get();
        assertThat(r.available()).isFalse();
        assertThat(r.reason()).startsWith("librsync-puavo-missing.so.9 not found: ")
                .doesNotContain("\n");
        assertThatThrownBy(r::engine).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void javaNeverLoadsNative() {
        RdiffEngine e = Engines.select("java", reports::add, "native", () -> {
            throw new AssertionError("the loader must not run for 'java'");
        });
        assertThat(e.name()).isEqualTo("java");
        assertThat(reports).containsExactly(e.description());
    }

    @Test
    void autoDiffsThatRunInJavaAnywayLoadNoLibrary() throws Exception {
        Supplier<NativeLibraryLoader.Result> refuse = () -> {
            throw new AssertionError("the loader must not run for a diff that auto runs in Java");
        };
        SignatureParams blake2 = SignatureOptions.PUAVO_BOOKWORM.resolve(1L << 30);
        RdiffEngine e = Engines.selectForDiff(null, reports::add, blake2, null, refuse);
        assertThat(e.name()).isEqualTo("java");
        assertThat(reports).containsExactly(e.description()
                + " (auto: one-step diffs with BLAKE2 sums of 16 bytes or more run in Java)");
        assertThat(Engines.selectForDiff(" AUTO ", reports::add, blake2, "native", refuse).name()).isEqualTo("java");

        // MD4 diffs go through librsync under auto, and an explicit choice is the engine chosen.
        SignatureParams md4 = SignatureOptions.PUAVO_BOOKWORM.withType(SignatureType.MD4_RABINKARP).resolve(1L << 30);
        assertThat(Engines.selectForDiff("auto", reports::add, md4, null, MISSING).name()).isEqualTo("java");
        assertThat(reports.get(reports.size() - 1)).startsWith("java: librsync not found");
        assertThatThrownBy(() -> Engines.selectForDiff("native", reports::add, blake2, null, MISSING))
                .hasMessageContaining("engine 'native' needs librsync");
        assertThatThrownBy(() -> Engines.selectForDiff(null, reports::add, blake2, "rust", MISSING))
                .hasMessageContaining(Engines.ENV).hasMessageContaining("'rust'");
    }

    @Test
    void autoFallsBackToJavaAndSaysWhy() {
        RdiffEngine e = Engines.select("auto", reports::add, null, MISSING);
        assertThat(e.name()).isEqualTo("java");
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0)).startsWith("java: librsync not found (librsync-puavo-missing.so.9 not found: ");
    }

    @Test
    void nativeWhenMissingIsAClearError() {
        assertThatThrownBy(() -> Engines.select("native", reports::add, null, MISSING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("engine 'native' needs librsync")
                .hasMessageContaining("librsync-puavo-missing.so.9 not found");
        assertThat(reports).isEmpty();
    }

    @Test
    void unknownNamesAreRejected() {
        assertThatThrownBy(() -> Engines.select("rust", reports::add, null, MISSING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown engine 'rust'");
        assertThatThrownBy(() -> Engines.select(null, reports::add, "jni", MISSING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Engines.ENV).hasMessageContaining("'jni'");
    }

    @Test
    void environmentIsUsedOnlyWithoutAChoice() {
        assertThat(Engines.select(null, reports::add, "java", MISSING).name()).isEqualTo("java");
        assertThat(Engines.select("", reports::add, " JAVA ", MISSING).name()).isEqualTo("java");
        assertThat(Engines.select("auto", reports::add, "native", MISSING).name()).isEqualTo("java");
        assertThatThrownBy(() -> Engines.select(null, reports::add, "native", MISSING))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Engines.select(null, reports::add, null, MISSING).name()).isEqualTo("java");
    }

    @Test
    void nativePicksLibrsyncAndAutoPicksItWithJavaDiffs() {
        RdiffEngine expected = NativeAvailability.engine();
        for (String choice : new String[] {"native", null}) {
            reports.clear();
            RdiffEngine e = Engines.select(choice, reports::add, choice == null ? "native" : null,
                    NativeLibraryLoader::load);
            assertThat(e).isSameAs(expected);
            assertThat(reports).containsExactly(e.description());
        }
        assertThat(expected.name()).isEqualTo("native");
        assertThat(expected.description()).matches("native: librsync 2\\.\\d+\\.\\d+ at /.*librsync\\.so\\.2.*");

        reports.clear();
        RdiffEngine auto = Engines.select("auto", reports::add, null, NativeLibraryLoader::load);
        assertThat(auto.name()).isEqualTo("auto");
        assertThat(reports).containsExactly(auto.description());
        assertThat(auto.description()).startsWith(expected.description()).contains("one-step diffs").contains("streams");
    }

    @Test
    void autoDiffsEqualLibrsyncSignaturePlusDeltaForEverySetting(@TempDir Path dir) throws IOException {
        RdiffEngine librsync = NativeAvailability.engine();
        RdiffEngine auto = Engines.select("auto", reports::add, null, NativeLibraryLoader::load);
        Random r = new Random(42);
        byte[] old = new byte[50_000];
        r.nextBytes(old);
        byte[] next = old.clone();
        System.arraycopy(new byte[3000], 0, next, 20_000, 3000);
        Path oldFile = Files.write(dir.resolve("old"), old);
        Path newFile = Files.write(dir.resolve("new"), next);
        // BLAKE2 with full and 16-byte sums takes the Java path; 8-byte sums and MD4 stay with librsync.
        for (SignatureOptions o : new SignatureOptions[] {SignatureOptions.PUAVO_BOOKWORM, SignatureOptions.DEFAULTS,
                new SignatureOptions(null, 128, 16), new SignatureOptions(null, 128, 8),
                new SignatureOptions(SignatureType.MD4_ROLLSUM, 64, 0)}) {
            Path sig = dir.resolve("sig");
            Path expected = dir.resolve("expected");
            librsync.signature(oldFile, sig, o);
            librsync.delta(sig, newFile, expected);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            auto.diff(oldFile, newFile, got, o);
            assertThat(got.toByteArray()).as("%s", o).isEqualTo(Files.readAllBytes(expected));
        }
    }

    @Test
    void publicSelectUsesTheRealLoader() {
        RdiffEngine e = Engines.select("java", reports::add);
        assertThat(e.name()).isEqualTo("java");
    }
}
