package io.github.puavomirror.cli;

import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One run of a bin/ launcher script, as users run it, with the JDK that runs the tests. */
record LauncherRun(int exit, String out, String err) {
    static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    static final Path BIN = MODULE.resolveSibling("bin");
    static final Path JAR = MODULE.resolve("target").resolve("puavo-mirror.jar");

    static LauncherRun of(Path launcher, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // The JDK running the tests, whatever java is first on PATH.
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        Assertions.assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
        return new LauncherRun(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
