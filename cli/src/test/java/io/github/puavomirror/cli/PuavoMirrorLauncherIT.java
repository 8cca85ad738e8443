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

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * bin/puavo-mirror and the start-up archive the build makes beside the jar: the JDK that made it
 * maps it, any other run goes on without it and without a word on stdout or stderr.
 */
class PuavoMirrorLauncherIT {
    private static final Path ARCHIVE = LauncherRun.JAR.resolveSibling("puavo-mirror.jsa");
    private static final Path ARCHIVE_JDK = LauncherRun.JAR.resolveSibling("puavo-mirror.jsa.java-home");

    @TempDir
    Path dir;

    @BeforeEach
    void needsTheBuild() {
        if (!Files.isRegularFile(LauncherRun.JAR) || !Files.isRegularFile(ARCHIVE)) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(LauncherRun.JAR + " or " + ARCHIVE + " is missing, and CI=true needs both");
            }
            Assumptions.abort("run the package phase first");
        }
    }

    /** The launcher's --version, with the classes it loaded and where from in {@code classes}. */
    private LauncherRun version(Path launcher, Path classes) throws IOException, InterruptedException {
        return version(launcher, classes, System.getProperty("java.home"));
    }

    private LauncherRun version(Path launcher, Path classes, String javaHome) throws IOException, InterruptedException {
        return LauncherRun.of(launcher, Map.of("JAVA_HOME", javaHome,
                "PUAVO_MIRROR_JAVA_OPTS", "-Xlog:class+load:file=" + classes), "--version");
    }

    /** Copies the launcher and the build into a new checkout, the archive said to be made by {@code madeBy}. */
    private Path checkoutCopy(String madeBy) throws IOException {
        Path copy = Files.createTempDirectory(dir, "checkout");
        Path bin = Files.createDirectories(copy.resolve("bin"));
        Path target = Files.createDirectories(copy.resolve("cli").resolve("target"));
        Path launcher = Files.copy(LauncherRun.BIN.resolve("puavo-mirror"), bin.resolve("puavo-mirror"));
        Path jar = Files.copy(LauncherRun.JAR, target.resolve("puavo-mirror.jar"));
        Path archive = Files.copy(ARCHIVE, target.resolve("puavo-mirror.jsa"));
        Files.writeString(target.resolve("puavo-mirror.jsa.java-home"), madeBy + "\n");
        // As the build leaves them: the archive newer than the jar.
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        return launcher;
    }

    private static String mainClassSource(Path classes) throws IOException {
        return Files.readAllLines(classes).stream().filter(l -> l.contains(" io.github.puavomirror.cli.Main "))
                .findFirst().orElseThrow(() -> new AssertionError("Main was not loaded: " + classes));
    }

    @Test
    void theJdkThatMadeTheArchiveMapsIt() throws Exception {
        Assumptions.assumeTrue(Files.readString(ARCHIVE_JDK).trim().equals(Path.of(System.getProperty("java.home"))
                .toRealPath().toString()), "the build ran on another JDK than the tests");
        Path classes = dir.resolve("classes.log");
        LauncherRun r = version(LauncherRun.BIN.resolve("puavo-mirror"), classes);
        Assertions.assertEquals(0, r.exit(), r.err());
        Assertions.assertTrue(r.out().matches("puavo-mirror \\S+\n"), r.out());
        Assertions.assertEquals("", r.err());
        Assertions.assertTrue(mainClassSource(classes).contains("source: shared objects file"), mainClassSource(classes));
    }

    @Test
    void anotherJdkOrAMovedJarRunsQuietlyWithoutIt() throws Exception {
        String reference = version(LauncherRun.BIN.resolve("puavo-mirror"), dir.resolve("reference.log")).out();
        // The checkout copied elsewhere, its archive in turn made by another JDK and by this one (but for the old place).
        for (String madeBy : new String[] {"/usr/lib/jvm/some-other-jdk", Files.readString(ARCHIVE_JDK).trim()}) {
            Path classes = Files.createTempFile(dir, "classes", ".log");
            LauncherRun r = version(checkoutCopy(madeBy), classes);
            Assertions.assertEquals(0, r.exit(), r.err());
            Assertions.assertEquals(reference, r.out(), madeBy);
            Assertions.assertEquals("", r.err(), madeBy);
            Assertions.assertTrue(mainClassSource(classes).contains("source: file:"), mainClassSource(classes));
        }
    }

    /**
     * A JDK updated in place keeps its path but cannot read the archive, and the JVM would say so
     * on stdout, in the middle of an rdiff written there: stood in for by another JDK on this machine.
     */
    @Test
    void aJdkThatCannotReadTheArchiveSaysNothing() throws Exception {
        Path thisJdk = Path.of(System.getProperty("java.home")).toRealPath();
        Path other;
        try (var jdks = Files.list(thisJdk.getParent())) {
            other = jdks.filter(j -> Files.isExecutable(j.resolve("bin").resolve("java")))
                    .map(j -> {
                        try {
                            return j.toRealPath();
                        } catch (IOException e) {
                            return thisJdk;
                        }
                    })
                    .filter(j -> !j.equals(thisJdk)).findFirst().orElse(null);
        }
        Assumptions.assumeTrue(other != null, "no second JDK beside " + thisJdk);
        Path classes = dir.resolve("classes.log");
        LauncherRun r = version(checkoutCopy(other.toString()), classes, other.toString());
        Assertions.assertEquals(0, r.exit(), r.err());
        Assertions.assertTrue(r.out().matches("puavo-mirror \\S+\n"), r.out());
        Assertions.assertEquals("", r.err());
    }
}
