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

import io.github.puavomirror.rdiff.JavaRdiffEngine;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.SignatureParams;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Picks the engine for a job: {@code auto} (librsync 2.3.2 when it loads, with one-step diffs
 * in Java where that is faster for the same bytes; else Java), {@code java} or {@code native}. The choice may also come from the {@code PUAVO_MIRROR_ENGINE} environment variable.
 */
public final class Engines {
    /** Environment variable consulted when no engine is given explicitly. */
    public static final String ENV = "PUAVO_MIRROR_ENGINE";
    /** The librsync whose bytes both engines write; {@code auto} uses no other. */
    public static final String REFERENCE_VERSION = "librsync 2.3.2";

    private Engines() {
    }

    /**
     * Returns the engine for {@code choice} ({@code auto}, {@code java}, {@code native}; null or
     * empty means the environment variable, then {@code auto}) and reports once, through
     * {@code report}, which engine was picked and why.
     *
     * @throws IllegalArgumentException for an unknown choice, or {@code native} when librsync
     *                                  cannot be loaded (the message says why)
     */
    public static RdiffEngine select(String choice, Consumer<String> report) {
        return select(choice, report, System.getenv(ENV), NativeLibraryLoader::load);
    }

    /**
     * {@link #select(String, Consumer)} with librsync's temporary files (signatures of one-step
     * diffs) in {@code spoolFolder} instead of {@code java.io.tmpdir}.
     */
    public static RdiffEngine select(String choice, Consumer<String> report, Path spoolFolder) {
        return select(choice, report, System.getenv(ENV), () -> NativeLibraryLoader.load().spoolingIn(spoolFolder));
    }

    /**
     * {@link #select(String, Consumer)} for a one-step diff of a regular file basis with these
     * settings ({@code params}, resolved for the basis's length). Where {@code auto} would run the
     * diff in Java anyway (BLAKE2 sums of 16 bytes or more: the basis matched by its bytes), it
     * gives the Java engine without loading librsync, which took 70-80 ms of the command's start.
     */
    public static RdiffEngine selectForDiff(String choice, Consumer<String> report, SignatureParams params) {
        return selectForDiff(choice, report, params, System.getenv(ENV), NativeLibraryLoader::load);
    }

    /** {@link #selectForDiff(String, Consumer, SignatureParams)} with the environment value and the loader given, for tests. */
    static RdiffEngine selectForDiff(String choice, Consumer<String> report, SignatureParams params, String envValue,
                                     Supplier<NativeLibraryLoader.Result> loader) {
        if (chosen(choice, envValue).equalsIgnoreCase("auto") && JavaRdiffEngine.diffMatchesBasisBytes(params)) {
            RdiffEngine e = new JavaRdiffEngine();
            report.accept(e.description() + " (auto: one-step diffs with BLAKE2 sums of 16 bytes or more run in Java)");
            return e;
        }
        return select(choice, report, envValue, loader);
    }

    /** The choice given, else the environment's, else {@code auto}. */
    private static String chosen(String choice, String envValue) {
        String c = choice == null ? "" : choice.strip();
        if (c.isEmpty()) {
            c = envValue == null ? "" : envValue.strip();
        }
        return c.isEmpty() ? "auto" : c;
    }

    /** {@link #select(String, Consumer)} with the environment value and the loader given, for tests. */
    static RdiffEngine select(String choice, Consumer<String> report, String envValue,
                              Supplier<NativeLibraryLoader.Result> loader) {
        String source = choice == null || choice.isBlank() ? ENV : "engine";
        String c = chosen(choice, envValue);
        switch (c.toLowerCase(Locale.ROOT)) {
            case "java": {
                RdiffEngine e = new JavaRdiffEngine();
                report.accept(e.description());
                return e;
            }
            case "native": {
                NativeLibraryLoader.Result r = loader.get();
                if (!r.available()) {
                    throw new IllegalArgumentException("engine 'native' needs librsync, which cannot be loaded: "
                            + r.reason());
                }
                report.accept(r.engine().description());
                return r.engine();
            }
            case "auto": {
                NativeLibraryLoader.Result r = loader.get();
                if (!r.available()) {
                    report.accept("java: librsync not found (" + r.reason() + ")");
                    return new JavaRdiffEngine();
                }
                if (!REFERENCE_VERSION.equals(r.version())) {
                    // Later versions write other slack deltas (docs/matching.md §6): a mirror must not depend on the host.
                    report.accept("java: " + r.version() + " is not " + REFERENCE_VERSION
                            + ", whose bytes this project reproduces");
                    return new JavaRdiffEngine();
                }
                RdiffEngine e = new AutoRdiffEngine(r.engine());
                report.accept(e.description());
                return e;
            }
            default:
                throw new IllegalArgumentException("unknown " + source + " '" + c
                        + "' (expected auto, java or native)");
        }
    }
}
