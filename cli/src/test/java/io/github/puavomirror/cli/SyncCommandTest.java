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

import io.github.puavomirror.mirror.job.MirrorLock;
import io.github.puavomirror.rdiff.RdiffBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync and verify-URL front ends: their exit codes and one-line errors (the jobs are tested in the core, against nginx). */
class SyncCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMissingRepositoryIsAUsageErrorNamingTheParameter() {
        RdiffBinary.Result r = Cli.run("sync", "--progress=none", "http://127.0.0.1:9/", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("puavo-mirror: --repository: required unless --keep-urls is set").endsWith(")\n")
                .hasLineCount(1);
    }

    @Test
    void aMirrorHeldByAnotherRunExitsWithItsOwnCode() throws Exception {
        Path lock = Files.createDirectories(dir.resolve(".puavo-mirror")).resolve("lock");
        try (MirrorLock held = MirrorLock.acquire(lock)) {
            RdiffBinary.Result r = Cli.run("sync", "--progress=none", "-r", "https://mirror.example.net",
                    "http://127.0.0.1:9/", dir.toString());
            assertThat(r.exit()).isEqualTo(SyncCommand.BUSY);
            assertThat(r.err()).startsWith("puavo-mirror: " + dir + ": another run is publishing this mirror")
                    .hasLineCount(1);
        }
    }

    @Test
    void verifyTakesAUrlWhereItTakesAFolder() {
        RdiffBinary.Result r = Cli.run("verify", "--progress=none", "--sample", "2", "http://127.0.0.1:9/");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("puavo-mirror: sample: only with deep\n");
        RdiffBinary.Result local = Cli.run("verify", "--progress=none", "--sample", "2", dir.toString());
        assertThat(local.exit()).isEqualTo(2);
        assertThat(local.err()).contains("--sample and --ca-certificate apply to a URL only");
    }
}
