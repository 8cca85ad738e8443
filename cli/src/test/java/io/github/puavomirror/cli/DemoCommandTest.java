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
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo, in a temporary folder. */
class DemoCommandTest {
    @TempDir
    Path dir;

    private static String out(RdiffBinary.Result r) {
        return new String(r.out(), StandardCharsets.UTF_8);
    }

    @Test
    void plainDemoPublishesVerifiesAndShowsTheMirror() throws IOException {
        Path demo = dir.resolve("demo");
        RdiffBinary.Result r = Cli.run("demo", "--plain", "--engine=java", demo.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String out = out(r);
        assertThat(out).startsWith("demo folder: " + demo + "\nmaking 4 plain files standing in for images (--plain)")
                .contains("rdiffs:  9 built / 9 total", "mirror OK: 13 files checked", "9 rdiffs applied",
                        "published in " + demo.resolve("mirror") + ":", "  rdiffs/\n", "first lines of CKSUMS",
                        "meta: " + demo.resolve("mirror/meta/puavo-os-demo-bookworm-amd64.json"),
                        "https://images.amxa.ch/meta/puavo-os-demo-bookworm-amd64.json");
        for (int i = 0; i < 4; i++) {
            Path image = demo.resolve(DemoImages.imageName(i));
            assertThat(Files.size(image)).isBetween(1L << 20, 4L << 20);
        }
        assertThat(r.err()).contains("puavo-mirror: warning: ");

        // Same seed, same bytes: the second run finds nothing to do.
        RdiffBinary.Result again = Cli.run("demo", "--plain", "--engine=java", "--progress=none", demo.toString());
        assertThat(again.exit()).isZero();
        assertThat(out(again)).contains("rdiffs:  0 built / 9 total", "mirror is up to date");
    }

    @Test
    void squashfsDemoHasPuavoConf() throws IOException {
        Path mksquashfs = DemoImages.findMksquashfs();
        if (mksquashfs == null) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("mksquashfs is not installed, and CI=true needs the squashfs demo");
            }
            Assumptions.abort("mksquashfs is not installed");
        }
        Path demo = dir.resolve("sq");
        RdiffBinary.Result r = Cli.run("demo", "--engine=java", "--progress=none", demo.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out(r)).contains("making 4 squashfs images with " + mksquashfs, "mirror OK");
        assertThat(r.err()).doesNotContain("warning");
        String meta = Files.readString(demo.resolve("mirror/meta/puavo-os-demo-bookworm-amd64.json"));
        assertThat(meta).contains("\"puavo.demo.greeting\":{\"default\":\"hello from demo image 4\"",
                "puavo.image.demo.new_setting");

        // The images do not depend on the machine: another folder, the same bytes.
        Path other = dir.resolve("sq2");
        assertThat(Cli.run("demo", "--engine=java", "--progress=none", other.toString()).exit()).isZero();
        for (int i = 0; i < 4; i++) {
            String name = DemoImages.imageName(i);
            assertThat(Files.mismatch(demo.resolve(name), other.resolve(name))).isEqualTo(-1);
        }
    }

    @Test
    void refusesAFolderWithOtherFiles() throws IOException {
        Files.writeString(dir.resolve("precious.txt"), "keep me");
        RdiffBinary.Result r = Cli.run("demo", "--plain", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("puavo-mirror: " + dir + ": not empty and not made by an earlier demo;"
                + " give a new or empty folder\n");
        try (var files = Files.list(dir)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }
}
