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
package io.github.puavomirror.rdiff;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the reference {@code rdiff} from librsync 2.3.2, for the tests of every module (through
 * this module's test-jar). It is found through the system property {@code puavo.rdiff}, the
 * environment variable {@code RDIFF}, or {@code PATH}.
 */
public final class RdiffBinary {

    /** What one run gave back (of rdiff, or of puavo-mirror in a test that compares the two). */
    public record Result(int exit, byte[] out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + ", " + out.length + " bytes on stdout, stderr: " + err.strip();
        }
    }

    private static final String REQUIRED_VERSION = "librsync 2.3.2";
    private static final long TIMEOUT_SECONDS = 60;

    /** Looked up once: the outcome cannot change while the JVM runs. */
    private static volatile Optional<Path> located;
    private static volatile String unavailableReason;

    private RdiffBinary() {
    }

    /** The rdiff 2.3.2 binary, or empty when there is none (or it is another version). */
    public static synchronized Optional<Path> locate() {
        if (located == null) {
            located = find();
        }
        return located;
    }

    public static boolean isAvailable() {
        return locate().isPresent();
    }

    /**
     * Skips the calling test when rdiff 2.3.2 is missing, except in CI ({@code CI=true}), where a
     * missing reference binary would silently turn the compatibility suite off, so it fails.
     */
    public static Path assumeAvailable() {
        Optional<Path> rdiff = locate();
        if (rdiff.isEmpty()) {
            String why = "rdiff 2.3.2 not available: " + unavailableReason;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " (CI=true, so this is an error; install Debian's rdiff 2.3.2)");
            }
            Assumptions.abort(why);
        }
        return rdiff.get();
    }

    /** Runs rdiff with {@code args}, feeding {@code stdin} (may be null for none). */
    public static Result run(byte[] stdin, String... args) {
        return run(stdin, Arrays.asList(args));
    }

    public static Result run(byte[] stdin, List<String> args) {
        return exec(command(args), stdin, null);
    }

    /** Runs rdiff with a regular file as standard input, as a shell's {@code < file} does. */
    public static Result runFromFile(Path stdinFile, String... args) {
        return exec(command(Arrays.asList(args)), null, stdinFile);
    }

    private static List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(assumeAvailable().toString());
        command.addAll(args);
        return command;
    }

    /** Like {@link #run(byte[], List)}, but a non-zero exit fails the test with rdiff's stderr. */
    public static Result runOk(byte[] stdin, List<String> args) {
        Result r = run(stdin, args);
        if (r.exit() != 0) {
            fail("rdiff " + String.join(" ", args) + " failed: " + r);
        }
        return r;
    }

    public static Result runOk(byte[] stdin, String... args) {
        return runOk(stdin, Arrays.asList(args));
    }

    private static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("puavo.rdiff");
        String env = System.getenv("RDIFF");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop));
        } else if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        } else {
            String path = System.getenv("PATH");
            for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "rdiff"));
                }
            }
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                Result version = exec(List.of(p.toString(), "--version"), null, null);
                String text = new String(version.out(), StandardCharsets.UTF_8) + version.err();
                if (text.contains(REQUIRED_VERSION)) {
                    return Optional.of(p);
                }
                unavailableReason = p + " is not " + REQUIRED_VERSION + ": " + text.lines().findFirst().orElse("");
                return Optional.empty();
            }
        }
        unavailableReason = "no executable among " + candidates
                + " (set -Dpuavo.rdiff or RDIFF to the rdiff binary)";
        return Optional.empty();
    }

    private static Result exec(List<String> command, byte[] stdin, Path stdinFile) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            if (stdinFile != null) {
                builder.redirectInput(stdinFile.toFile());
            }
            Process process = builder.start();
            // stdin, stdout and stderr are pumped concurrently: any one of them can fill its pipe.
            CompletableFuture<Void> feeder = CompletableFuture.runAsync(() -> feed(process.getOutputStream(), stdin));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            byte[] out = drain(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("rdiff timed out: " + command);
            }
            feeder.get();
            return new Result(process.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("rdiff I/O failed for " + command, e.getCause());
        }
    }

    private static void feed(OutputStream in, byte[] data) {
        try (in) {
            if (data != null) {
                in.write(data);
            }
        } catch (IOException e) {
            // rdiff may exit (e.g. on bad input) before reading all of stdin; its exit code tells.
        }
    }

    private static byte[] drain(InputStream s) {
        try (s) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            s.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
