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

import io.github.puavomirror.mirror.Sizes;
import io.github.puavomirror.rdiff.RdiffBinary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** update-repository run in-process on a tiny series of plain files. */
class UpdateRepositoryCommandTest {
    @TempDir
    Path dir;

    Path images;

    @BeforeEach
    void series() throws IOException {
        images = dir.resolve("images");
        TinySeries.write(images, 4);
    }

    private static RdiffBinary.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "update-repository";
        all[1] = "--engine=java";
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(all);
    }

    /** The published files' sha256 by path, state folder left out. */
    private static Map<String, String> published(Path mirror) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(mirror)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String rel = mirror.relativize(p).toString();
                if (!rel.startsWith(".puavo-mirror")) {
                    try {
                        out.put(rel, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(Files.readAllBytes(p))));
                    } catch (NoSuchAlgorithmException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return out;
    }

    private static String out(RdiffBinary.Result r) {
        return new String(r.out(), StandardCharsets.UTF_8);
    }

    @Test
    void publishesThenFindsTheMirrorUpToDate() throws IOException {
        RdiffBinary.Result first = run(images.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        Path mirror = images.resolve("mirror");
        assertThat(mirror.resolve("CKSUMS")).isRegularFile();
        assertThat(mirror.resolve("meta").resolve(TinySeries.SERIES + ".json")).isRegularFile();
        try (var rdiffs = Files.list(mirror.resolve("rdiffs"))) {
            assertThat(rdiffs.count()).isEqualTo(9);
        }

        // Not a terminal: one line per finished step, warnings as puavo-mirror: warning: lines.
        List<String> err = first.err().lines().toList();
        assertThat(err).anyMatch(l -> l.startsWith("plan: 1 series, 4 images; 9 rdiffs to build"));
        assertThat(err).filteredOn(l -> l.startsWith("checksum  ")).hasSize(4);
        assertThat(err).filteredOn(l -> l.startsWith("link      ")).hasSize(4);
        assertThat(err).filteredOn(l -> l.startsWith("rdiff     ")).hasSize(9)
                .allMatch(l -> l.matches("rdiff     \\S+\\.rdiff  [0-9.]+ (B|KiB)  \\([0-9.]+ KiB read, [0-9.]+ \\S+/s\\)"));
        assertThat(err).contains("meta      meta/" + TinySeries.SERIES + ".json  " + Sizes.bytes(
                Files.size(mirror.resolve("meta").resolve(TinySeries.SERIES + ".json"))));
        assertThat(err).anyMatch(l -> l.startsWith("CKSUMS    CKSUMS  "));
        assertThat(err).anyMatch(l -> l.startsWith("puavo-mirror: warning: ") && l.contains(TinySeries.name(0)));
        assertThat(first.err()).doesNotContain("\r");

        List<String> summary = out(first).lines().toList();
        assertThat(summary).hasSize(4);
        assertThat(summary.get(0)).startsWith("images:  4 in 1 series, ");
        assertThat(summary.get(1)).startsWith("rdiffs:  9 built / 9 total, ");
        assertThat(summary.get(2)).startsWith("saved:   ").endsWith(" against fetching full images");
        assertThat(summary.get(3)).matches("time:    [0-9.]+ s");

        RdiffBinary.Result second = run(images.toString());
        assertThat(second.exit()).isZero();
        assertThat(out(second)).contains("rdiffs:  0 built / 9 total").endsWith("mirror is up to date\n");
        assertThat(second.err()).contains("0 rdiffs to build").doesNotContain("rdiff     ");
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() {
        Path mirror = dir.resolve("mirror");
        RdiffBinary.Result r = run("--dry-run", images.toString(), mirror.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> out = out(r).lines().toList();
        assertThat(out).contains("plan: 1 series, 4 images; 9 rdiffs to build (" + Sizes.bytes(9 * 2 * (48 << 10))
                + " to read), 0 up to date");
        assertThat(out).filteredOn(l -> l.startsWith("would build rdiffs/puavo-os-test-bookworm-")).hasSize(9);
        assertThat(out).endsWith("dry run: nothing was changed");
        assertThat(mirror).doesNotExist();
    }

    @Test
    void puavoOsConfigIsWrittenThenUsedAsItIs() throws IOException {
        Path puavoOs = dir.resolve("puavo-os");
        RdiffBinary.Result write = run("-p", puavoOs.toString(), "--write-config", "--progress=none",
                images.toString());
        assertThat(write.exit()).as(write.err()).isZero();
        Path config = puavoOs.resolve("config/images/bookworm.json");
        assertThat(Files.readString(config)).contains(TinySeries.SERIES, TinySeries.name(3));

        // Two images only, taken as written: the mirror shrinks to them, whose rdiffs are there already.
        Files.writeString(config, "{\"" + TinySeries.SERIES + "\": [\"" + TinySeries.name(1) + "\", \""
                + TinySeries.name(2) + "\"]}");
        RdiffBinary.Result asIs = run("-p", puavoOs.toString(), "--progress=none", images.toString());
        assertThat(asIs.exit()).as(asIs.err()).isZero();
        assertThat(out(asIs)).contains("images:  2 in 1 series", "rdiffs:  0 built / 2 total");
        assertThat(asIs.err()).isEmpty();
    }

    @Test
    void malformedConfigFailsWithOneLineNamingIt() throws IOException {
        Path config = Files.createDirectories(dir.resolve("puavo-os/config/images")).resolve("bookworm.json");
        Files.writeString(config, "{\"" + TinySeries.SERIES + "\": [");
        RdiffBinary.Result r = run("-p", dir.resolve("puavo-os").toString(), images.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("puavo-mirror: " + config + ": invalid JSON").doesNotContain("\tat ");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(images.resolve("mirror/meta")).doesNotExist();
    }

    @Test
    void missingImageFolderIsAUsageError() {
        Path missing = dir.resolve("no-such-images");
        RdiffBinary.Result r = run(missing.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("puavo-mirror: " + missing + ": no such folder\n");

        RdiffBinary.Result debug = run("--debug", missing.toString());
        assertThat(debug.exit()).isEqualTo(2);
        assertThat(debug.err()).startsWith("puavo-mirror: " + missing + ": no such folder\n").contains("\tat ");
    }

    @Test
    void badRequestsAreUsageErrors() {
        RdiffBinary.Result url = run("-r", "https://bad host", images.toString());
        assertThat(url.exit()).isEqualTo(2);
        assertThat(url.err()).isEqualTo("puavo-mirror: --repository: invalid repository URL \"https://bad host\":"
                + " contains whitespace (try 'puavo-mirror update-repository --help')\n");

        for (String[] args : new String[][] {
            {"--bogus", images.toString()}, {}, {images.toString(), "b", "c"},
            {"--write-config", images.toString()}, {"-j", "0", images.toString()},
            {"--keep", "-1", images.toString()}, {"--rdiff-targets", "0", images.toString()},
            {"--progress=sometimes", images.toString()}, {"--signature-type", "sha1-rabinkarp", images.toString()},
            {"--block-size", "-1", images.toString()}, {"--sum-size", "33", images.toString()},
            {"--engine=fast", images.toString()},
        }) {
            RdiffBinary.Result r = run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args))
                    .startsWith("puavo-mirror: ").endsWith("(try 'puavo-mirror update-repository --help')\n");
            assertThat(r.err().lines()).hasSize(1);
        }
        assertThat(run("--bogus", images.toString()).err()).startsWith("puavo-mirror: unknown option: --bogus");
        assertThat(run("-j", "0", images.toString()).err()).startsWith("puavo-mirror: --jobs: must be at least 1, got 0");
        assertThat(run("--write-config", images.toString()).err())
                .startsWith("puavo-mirror: --write-config needs --puavo-os: ");
        assertThat(run("--signature-type", "md5-x", images.toString()).err())
                .startsWith("puavo-mirror: --signature-type: unknown signature type 'md5-x' (expected blake2-rabinkarp,");
        assertThat(images.resolve("mirror")).doesNotExist();
    }

    @Test
    void helpShowsTheOldToolsOptions() {
        RdiffBinary.Result r = Cli.run("update-repository", "--help");
        assertThat(r.exit()).isZero();
        assertThat(out(r)).contains("-r, --repository=URL", "-p, --puavo-os=DIR", "--write-config",
                "-n, --dry-run", "--signature-type=TYPE", "--rdiff-targets=N",
                "IMAGE_DIR", "MIRROR_DIR", "--progress=WHEN", "/puavo-os");
    }

    @Test
    void dashNIsADryRun() {
        RdiffBinary.Result r = run("-n", images.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out(r)).endsWith("dry run: nothing was changed\n");
        assertThat(images.resolve("mirror")).doesNotExist();
    }

    @Test
    void oldSpellingsStillWorkWithAWarning() throws IOException {
        Path puavoOs = dir.resolve("puavo-os");
        assertThat(run("-p", puavoOs.toString(), "--write-config", "--progress=none", images.toString()).exit()).isZero();
        Path mirror = images.resolve("mirror");
        Map<String, String> before = published(mirror);

        RdiffBinary.Result noFiles = run("-p", puavoOs.toString(), "--no-files", "--progress=none", images.toString());
        assertThat(noFiles.exit()).as(noFiles.err()).isZero();
        assertThat(noFiles.err()).isEqualTo("puavo-mirror: warning: --no-config is deprecated: reading the series of"
                + " -p DIR is the default; --write-config writes them\n");
        assertThat(out(noFiles)).contains("rdiffs:  0 built / 9 total");

        // -H/-R and --targets mean what --signature-type and --rdiff-targets mean: the same mirror, nothing rebuilt.
        RdiffBinary.Result old = run("-H", "blake2", "-R", "rabinkarp", "--targets", "3", "--progress=none",
                images.toString());
        assertThat(old.exit()).as(old.err()).isZero();
        assertThat(old.err().lines()).containsExactly(
                "puavo-mirror: warning: -H/--hash and -R/--rollsum is deprecated: use --signature-type <hash>-<rollsum>",
                "puavo-mirror: warning: --targets is deprecated: use --rdiff-targets");
        assertThat(out(old)).contains("rdiffs:  0 built / 9 total");
        assertThat(published(mirror)).isEqualTo(before);

        // A different hash through the old option rebuilds every rdiff with it.
        RdiffBinary.Result md4 = run("-H", "md4", "--progress=none", images.toString());
        assertThat(md4.exit()).as(md4.err()).isZero();
        assertThat(out(md4)).contains("rdiffs:  9 built / 9 total");
        RdiffBinary.Result same = run("--signature-type", "md4-rabinkarp", "--progress=none", images.toString());
        assertThat(out(same)).contains("rdiffs:  0 built / 9 total");
    }
}
