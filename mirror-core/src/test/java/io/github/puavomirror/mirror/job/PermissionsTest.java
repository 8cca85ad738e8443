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
package io.github.puavomirror.mirror.job;

import io.github.puavomirror.mirror.ImageName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mirror is for serving: what the job makes is readable by all and writable by its owner only,
 * whatever the umask of the run, while images keep the image folder's mode (they are the same
 * files) and one that others cannot read is named in a warning.
 */
class PermissionsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "umask {0}")
    @ValueSource(strings = {"077", "000"})
    void publishedFilesAre0644AndFolders0755WhateverTheUmaskAndImagesKeepTheirMode(String umask) throws Exception {
        Path images = tmp.resolve("images");
        Files.createDirectories(images);
        List<Path> files = SampleSeries.write(images, 3, 20_000, 5);
        Files.setPosixFilePermissions(files.get(0), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(files.get(1), PosixFilePermissions.fromString("rw-r-----"));
        Path mirror = images.resolve("mirror");

        int status;
        List<String> lines;
        try (ChildJob.Handle child = ChildJob.start(Map.of("images", images.toString(), "umask", umask), 0)) {
            status = child.finish();
            lines = child.lines;
        }

        assertThat(status).as(String.join("\n", lines)).isZero();
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> all = Files.walk(mirror)) {
            for (Path p : all.filter(p -> !mirror.relativize(p).startsWith(MirrorJob.STATE_DIR)).toList()) {
                modes.put(mirror.relativize(p).toString(),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
            }
        }
        assertThat(modes).hasSize(1 + 3 + 1 + 1 + 1 + 6 + 1);
        modes.forEach((name, mode) -> {
            String file = Path.of(name).getFileName() == null ? "" : Path.of(name).getFileName().toString();
            String expected;
            if (name.isEmpty() || name.equals("meta") || name.equals("rdiffs")) {
                expected = "rwxr-xr-x";
            } else if (ImageName.tryParse(file).isPresent()) {
                expected = file.equals(files.get(0).getFileName().toString()) ? "rwxr-xr-x"
                        : file.equals(files.get(1).getFileName().toString()) ? "rw-r-----" : "rw-r--r--";
            } else {
                expected = "rw-r--r--";
            }
            assertThat(mode).as(name).isEqualTo(expected);
        });
        assertThat(lines).filteredOn(l -> l.startsWith("E Warning") && l.contains("cannot read")).singleElement().asString()
                .contains(files.get(1).toString() + ": others cannot read it (rw-r-----)")
                .contains("chmod a+r");
    }
}
