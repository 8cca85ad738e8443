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
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** upload to a folder, through the command line. */
class UploadCommandTest {
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
    void dryRunListsThenUploadSendsThenNothingIsLeftToSend() {
        Path www = dir.resolve("www");
        RdiffBinary.Result dry = Cli.run("upload", "--dry-run", "--progress=none", mirror.toString(), www.toString());
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(out(dry).lines().toList()).first().asString().startsWith("send ");
        assertThat(out(dry)).contains("\nmeta      meta/").contains("\nCKSUMS    CKSUMS  ").contains("dry run");
        assertThat(www).doesNotExist();

        RdiffBinary.Result r = Cli.run("upload", "--progress=none", mirror.toString(), www.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out(r)).startsWith(www + ": sent 9 files (");
        assertThat(www.resolve("CKSUMS")).exists();

        RdiffBinary.Result again = Cli.run("upload", "--progress=none", mirror.toString(), www.toString());
        assertThat(out(again)).isEqualTo(www + ": up to date, nothing sent (9 files, " + sizeOfListed(r) + ")\n");
    }

    private static String sizeOfListed(RdiffBinary.Result first) {
        String line = out(first);
        return line.substring(line.indexOf('(') + 1, line.indexOf(')')) + " already there";
    }

    @Test
    void aBadGraceIsAUsageErrorNamingTheOption() {
        RdiffBinary.Result r = Cli.run("upload", "--delete", "--grace", "soon", mirror.toString(),
                dir.resolve("www").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("puavo-mirror: --grace: \"soon\" is not a duration such as 0, 30m, 24h or 2d\n");
    }
}
