package io.github.puavomirror.cli;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * bin/puavo-update-repository as users run it: a shell script that execs bin/puavo-mirror, which
 * runs the shaded jar. Bound to the integration-test phase, after package has made the jar.
 */
class PuavoUpdateRepositoryLauncherIT {
    private static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path LAUNCHER = MODULE.resolveSibling("bin").resolve("puavo-update-repository");
    private static final Path JAR = MODULE.resolve("target").resolve("puavo-mirror.jar");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        // The JDK running the tests, whatever java is first on PATH.
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        Assertions.assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
        return new Run(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void helpShowsTheOldUsage() throws Exception {
        Run r = run("-h");
        Assertions.assertEquals(0, r.exit(), r.err());
        Assertions.assertTrue(r.out().startsWith(
                "Usage: puavo-update-repository [-r URL] [-p PUAVO_OS] [-n] IMAGE_DIR [MIRROR_DIR]\n"), r.out());
        Assertions.assertTrue(r.out().contains("/puavo-os"), r.out());

        Run bad = run("-x", dir.toString());
        Assertions.assertEquals(2, bad.exit());
        Assertions.assertTrue(bad.err().startsWith("puavo-update-repository: unknown option: -x\n"), bad.err());
        Assertions.assertEquals(2, run().exit());
    }

    @Test
    void publishesThroughPuavoMirror() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(JAR + " is missing, and CI=true needs the run through the launcher");
            }
            Assumptions.abort(JAR + " is missing: run the package phase first");
        }
        Path images = dir.resolve("images");
        TinySeries.write(images, 3);
        Path puavoOs = dir.resolve("puavo-os");
        Path mirror = dir.resolve("-mirror");
        Run r = run("-r", "cdn.example.org", "-p", puavoOs.toString(), images.toString(), mirror.toString());
        Assertions.assertEquals(0, r.exit(), r.err());
        Assertions.assertTrue(r.out().contains("rdiffs:  6 built / 6 total"), r.out());
        Assertions.assertTrue(Files.isRegularFile(puavoOs.resolve("config/images/bookworm.json")));
        String meta = Files.readString(mirror.resolve("meta").resolve(TinySeries.SERIES + ".json"));
        Assertions.assertTrue(meta.contains("\"https://cdn.example.org/" + TinySeries.name(0) + "\""), meta);

        Run again = run("--repository=cdn.example.org", "--puavo-os", puavoOs.toString(), "--no-files",
                images.toString(), mirror.toString());
        Assertions.assertEquals(0, again.exit(), again.err());
        Assertions.assertTrue(again.out().endsWith("mirror is up to date\n"), again.out());
    }
}
