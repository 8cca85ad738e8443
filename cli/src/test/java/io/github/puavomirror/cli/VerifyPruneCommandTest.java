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

import io.github.puavomirror.rdiff.RdiffBinary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** verify and prune over a mirror update-repository made. */
class VerifyPruneCommandTest {
    /** An rdiff name as the mirror publishes them, which no meta lists. */
    private static final String STRAY = "puavo-os-old-bookworm-2023-01-01-120000--2023-01-02-120000-amd64.rdiff";

    @TempDir
    Path dir;

    Path mirror;

    @BeforeEach
    void publish() throws IOException {
        Path images = dir.resolve("images");
        TinySeries.write(images, 3);
        mirror = dir.resolve("mirror");
        RdiffBinary.Result r = Cli.run("update-repository", "--engine=java", "--progress=none", images.toString(),
                mirror.toString());
        assertThat(r.exit()).as(r.err()).isZero();
    }

    private static String out(RdiffBinary.Result r) {
        return new String(r.out(), StandardCharsets.UTF_8);
    }

    @Test
    void intactMirrorVerifies() {
        RdiffBinary.Result r = Cli.run("verify", "--deep", "--engine=java", "-j", "2", "--progress=none",
                mirror.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out(r)).matches("mirror OK: 9 files checked \\(\\d+ bytes\\), 6 rdiffs applied\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void damagedRdiffIsAProblemNamingIt() throws IOException {
        Path rdiff;
        try (var files = Files.list(mirror.resolve("rdiffs"))) {
            rdiff = files.sorted().findFirst().orElseThrow();
        }
        Files.write(rdiff, new byte[] {0}, StandardOpenOption.APPEND);
        Files.writeString(mirror.resolve("rdiffs/" + STRAY), "x");
        RdiffBinary.Result r = Cli.run("verify", "--progress=none", mirror.toString());
        assertThat(r.exit()).isEqualTo(1);
        List<String> lines = out(r).lines().toList();
        assertThat(lines).filteredOn(l -> l.startsWith(rdiff + ": size is ")).hasSizeGreaterThanOrEqualTo(1);
        assertThat(lines.get(lines.size() - 1)).matches("\\d+ problems?: .*, 1 warning");
        assertThat(r.err()).isEqualTo("puavo-mirror: warning: " + mirror.resolve("rdiffs/" + STRAY)
                + ": published, but no meta lists it (prune removes it)\n");
    }

    @Test
    void missingMirrorIsAUsageError() {
        Path missing = dir.resolve("nothing");
        RdiffBinary.Result r = Cli.run("verify", missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("puavo-mirror: " + missing + ": no such folder\n");
        assertThat(Cli.run("prune", missing.toString()).exit()).isEqualTo(2);
    }

    @Test
    void pruneListsThenRemovesUnlistedFiles() throws IOException {
        Path stray = Files.writeString(mirror.resolve("rdiffs/" + STRAY), "x".repeat(2048));
        RdiffBinary.Result dry = Cli.run("prune", "--dry-run", mirror.toString());
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(out(dry)).isEqualTo("would remove rdiffs/" + STRAY + "  2.0 KiB  (rdiff listed in no meta)\n"
                + "would remove 1 file, 2.0 KiB in all\n");
        assertThat(stray).exists();

        RdiffBinary.Result real = Cli.run("prune", mirror.toString());
        assertThat(real.exit()).isZero();
        assertThat(out(real)).endsWith("removed 1 file, 2.0 KiB in all\n");
        assertThat(stray).doesNotExist();
        assertThat(out(Cli.run("prune", mirror.toString()))).isEqualTo("nothing to remove\n");
    }

    @Test
    void pruneRefusesAFolderWithoutMetas() throws IOException {
        Path images = dir.resolve("images");
        RdiffBinary.Result r = Cli.run("prune", images.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("puavo-mirror: " + images
                + ": no meta/*.json, so this does not look like a published mirror; nothing was removed\n");
        try (var files = Files.list(images)) {
            assertThat(files.filter(p -> p.toString().endsWith(".img")).count()).isEqualTo(3);
        }
    }
}
