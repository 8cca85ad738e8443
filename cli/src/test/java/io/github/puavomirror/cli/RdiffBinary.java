package io.github.puavomirror.cli;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

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
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The real rdiff 2.3.2, the reference the CLI is compared with. Tests skip without it on a
 * developer's machine, but fail in CI (CI=true), where a skipped comparison would hide a break.
 */
final class RdiffBinary {
    private final Path executable;

    private RdiffBinary(Path executable) {
        this.executable = executable;
    }

    /** The rdiff on PATH; aborts the test when there is none, or fails it under CI=true. */
    static RdiffBinary require() {
        Path found = find();
        if (found == null) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("rdiff is not on PATH, and CI=true needs the comparison with it");
            }
            Assumptions.abort("rdiff is not on PATH: skipping the comparison with it");
        }
        return new RdiffBinary(found);
    }

    private static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "rdiff");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** Runs rdiff with {@code stdin} piped in (null for none). */
    Result run(byte[] stdin, String... args) {
        return run(stdin, null, args);
    }

    /** Runs rdiff with a regular file as standard input, as a shell's {@code < file} does. */
    Result runFromFile(Path stdinFile, String... args) {
        return run(null, stdinFile, args);
    }

    private Result run(byte[] stdin, Path stdinFile, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (stdinFile != null) {
            pb.redirectInput(stdinFile.toFile());
        }
        try {
            Process p = pb.start();
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            if (stdinFile == null) {
                try (OutputStream in = p.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin);
                    }
                }
            }
            int code = p.waitFor();
            return new Result(code, out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                return b.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What a run gave: exit code, standard output bytes, standard error text. */
    record Result(int exit, byte[] out, String err) {
    }
}
