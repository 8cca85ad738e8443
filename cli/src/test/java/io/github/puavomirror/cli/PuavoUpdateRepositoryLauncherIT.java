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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * bin/puavo-update-repository as users run it: a shell script that execs bin/puavo-mirror, which
 * runs the shaded jar. Bound to the integration-test phase, after package has made the jar.
 */
class PuavoUpdateRepositoryLauncherIT {
    private static final Path LAUNCHER = LauncherRun.BIN.resolve("puavo-update-repository");
    private static final Path JAR = LauncherRun.JAR;

    @TempDir
    Path dir;

    private static LauncherRun run(String... args) throws IOException, InterruptedException {
        return LauncherRun.of(LAUNCHER, Map.of(), args);
    }

    @Test
    void helpShowsTheOldUsage() throws Exception {
        LauncherRun r = run("-h");
        Assertions.assertEquals(0, r.exit(), r.err());
        Assertions.assertTrue(r.out().startsWith(
                "Usage: puavo-update-repository [-r URL] [-p PUAVO_OS] [-n] IMAGE_DIR [MIRROR_DIR]\n"), r.out());
        Assertions.assertTrue(r.out().contains("/puavo-os"), r.out());

        LauncherRun bad = run("-x", dir.toString());
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
        LauncherRun r = run("-r", "cdn.example.org", "-p", puavoOs.toString(), images.toString(), mirror.toString());
        Assertions.assertEquals(0, r.exit(), r.err());
        Assertions.assertTrue(r.out().contains("rdiffs:  6 built / 6 total"), r.out());
        Assertions.assertTrue(Files.isRegularFile(puavoOs.resolve("config/images/bookworm.json")));
        String meta = Files.readString(mirror.resolve("meta").resolve(TinySeries.SERIES + ".json"));
        Assertions.assertTrue(meta.contains("\"https://cdn.example.org/" + TinySeries.name(0) + "\""), meta);

        LauncherRun again = run("--repository=cdn.example.org", "--puavo-os", puavoOs.toString(), "--no-files",
                images.toString(), mirror.toString());
        Assertions.assertEquals(0, again.exit(), again.err());
        Assertions.assertTrue(again.out().endsWith("mirror is up to date\n"), again.out());
    }
}
