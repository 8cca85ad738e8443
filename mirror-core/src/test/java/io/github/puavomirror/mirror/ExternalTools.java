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
package io.github.puavomirror.mirror;

import io.github.puavomirror.rdiff.nativelib.NativeLibraryLoader;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * External programs the tests compare against (coreutils, jq, mksquashfs, bash; rdiff is the
 * shared {@code RdiffBinary}'s) and
 * librsync: a test skips when one is missing on a developer machine, but fails in CI
 * ({@code CI=true}), where a silent skip would hide a broken setup.
 */
public final class ExternalTools {
    private ExternalTools() {
    }

    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static void require(String... tools) {
        for (String tool : tools) {
            if (!onPath(tool)) {
                unavailable(tool + " not found on PATH");
            }
        }
    }

    /** librsync through the native bridge, for the {@code native} engine. */
    public static void requireNative() {
        NativeLibraryLoader.Result r = NativeLibraryLoader.load();
        if (!r.available()) {
            unavailable("librsync not loadable: " + r.reason());
        }
    }

    private static void unavailable(String why) {
        if (ci()) {
            fail(why + " (CI=true: .ci/run installs squashfs-tools, jq, rdiff and librsync2)");
        }
        Assumptions.abort(why);
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code tool file} in the file's folder, asserts exit status 0 and returns its standard output. */
    public static String run(String tool, Path file) throws IOException, InterruptedException {
        require(tool);
        Path absolute = file.toAbsolutePath();
        return run(absolute.getParent(), tool, absolute.getFileName().toString());
    }

    /** Runs a command in {@code dir}, asserts exit status 0 and returns its standard output. */
    public static String run(Path dir, String... command) throws IOException, InterruptedException {
        return run(dir, List.of(command));
    }

    public static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        p.getOutputStream().close();
        // Drain stderr concurrently so a chatty tool cannot block on a full pipe.
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        assertThat(status).as("exit status of %s (stderr: %s)", command,
                new String(err.join(), StandardCharsets.UTF_8)).isZero();
        return out;
    }

    /** Runs {@code tool} over all {@code files} of one folder at once (cksum, sha256sum, sha512sum). */
    public static String runOver(Path dir, String tool, List<String> files) throws IOException, InterruptedException {
        require(tool);
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(files);
        return run(dir, cmd);
    }
}
