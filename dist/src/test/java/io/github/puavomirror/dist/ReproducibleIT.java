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
package io.github.puavomirror.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cheap half of dist/reproducible.sh, run in every build: what would differ between two builds
 * is the time, the builder's user and the order or wording of generated files. So every entry of
 * the jar's own classes, the archive and the .deb carries project.build.outputTimestamp and root as
 * owner, no gzip header carries a time, and the man pages, completions and changelog made again come
 * out byte-identical. The full comparison of two clean builds stays in the script (1.5 CPU-minutes).
 */
class ReproducibleIT {
    private static final Instant STAMP = Instant.parse(System.getProperty("dist.outputTimestamp"));
    /** GNU tar's --full-time listing, in UTC: mode, uid/gid, size, date, time, name. */
    private static final String TAR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .format(STAMP.atOffset(ZoneOffset.UTC));

    @Test
    void ownClassesInTheJarCarryTheBuildTimestamp() throws IOException {
        LocalDateTime expected = LocalDateTime.ofInstant(STAMP, ZoneOffset.UTC);
        int own = 0;
        try (ZipFile jar = new ZipFile(System.getProperty("dist.cliJar"))) {
            for (ZipEntry entry : jar.stream().toList()) {
                // Bundled libraries keep their own jars' times, the same in every build.
                if (entry.getName().startsWith("io/github/puavomirror/") || entry.getName().equals("META-INF/MANIFEST.MF")) {
                    assertThat(entry.getTimeLocal()).as(entry.getName()).isEqualTo(expected);
                    own++;
                }
            }
        }
        assertThat(own).isGreaterThan(100);
    }

    @Test
    void archiveEntriesCarryTheBuildTimestampAndRoot() throws Exception {
        Path tarball = Path.of(System.getProperty("dist.tarball"));
        assertThat(gzipTime(Files.readAllBytes(tarball))).as("%s gzip header time", tarball).isZero();
        assertTarStamps(tarball);
    }

    @Test
    void debMembersAndEntriesCarryTheBuildTimestampAndRoot(@TempDir Path work) throws Exception {
        Path deb;
        try (Stream<Path> files = Files.list(Run.TARGET)) {
            deb = files.filter(f -> f.getFileName().toString().matches("puavo-mirror_.*_all\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no puavo-mirror_*_all.deb in " + Run.TARGET));
        }
        Map<String, byte[]> members = arMembers(deb);
        assertThat(members).containsOnlyKeys("debian-binary", "control.tar.gz", "data.tar.gz");
        for (String tar : List.of("control.tar.gz", "data.tar.gz")) {
            byte[] bytes = members.get(tar);
            assertThat(gzipTime(bytes)).as("%s gzip header time", tar).isZero();
            Path file = Files.write(work.resolve(tar), bytes);
            assertTarStamps(file);
        }
    }

    /** PackageDocs run again on the same jar and launchers writes the same bytes as the build did. */
    @Test
    void docsMadeAgainAreByteIdentical(@TempDir Path again) throws Exception {
        Path built = Path.of(System.getProperty("dist.docs"));
        PackageDocs.main(new String[] {again.toString(), System.getProperty("dist.version"),
            System.getProperty("dist.outputTimestamp"), System.getProperty("dist.maintainer"),
            System.getProperty("dist.updateRepository")});
        List<Path> files = regularFiles(built);
        assertThat(regularFiles(again)).containsExactlyElementsOf(files);
        assertThat(files).contains(Path.of("completion/puavo-update-repository"), Path.of("deb/changelog.gz"));
        for (Path file : files) {
            assertThat(Files.readAllBytes(again.resolve(file))).as(file.toString())
                    .isEqualTo(Files.readAllBytes(built.resolve(file)));
        }
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    /** Every entry of the (compressed) tar {@code file}, as GNU tar lists it, has the build timestamp and owner 0/0. */
    private static void assertTarStamps(Path file) throws Exception {
        List<String> entries = Run.of(Map.of("TZ", "UTC"), "tar", "--numeric-owner", "--full-time", "-tvzf",
                file.toString()).ok("tar -tv " + file).out().lines().toList();
        assertThat(entries).as(file.toString()).isNotEmpty();
        for (String entry : entries) {
            String[] fields = entry.split(" +", 6);
            assertThat(fields[1]).as("%s: owner of %s", file.getFileName(), fields[5]).isEqualTo("0/0");
            assertThat(fields[3] + " " + fields[4]).as("%s: time of %s", file.getFileName(), fields[5]).isEqualTo(TAR_TIME);
        }
    }

    /** The MTIME field of a gzip member's header (RFC 1952): 0 means none. */
    private static long gzipTime(byte[] gzip) {
        assertThat(gzip[0] & 0xff).isEqualTo(0x1f);
        assertThat(gzip[1] & 0xff).isEqualTo(0x8b);
        return (gzip[4] & 0xffL) | (gzip[5] & 0xffL) << 8 | (gzip[6] & 0xffL) << 16 | (gzip[7] & 0xffL) << 24;
    }

    /**
     * The members of the ar archive {@code deb} by name, each header's time asserted to be the build
     * timestamp and its owner root. Format: "!<arch>\n", then per member a 60-byte header (name 16,
     * mtime 12, uid 6, gid 6, mode 8, size 10, "`\n"), the data, and a pad byte after odd sizes.
     */
    private static Map<String, byte[]> arMembers(Path deb) throws IOException {
        Map<String, byte[]> members = new LinkedHashMap<>();
        try (InputStream file = Files.newInputStream(deb); DataInputStream in = new DataInputStream(file)) {
            byte[] magic = new byte[8];
            in.readFully(magic);
            assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("!<arch>\n");
            byte[] header = new byte[60];
            while (in.read(header, 0, 1) == 1) {
                in.readFully(header, 1, 59);
                String text = new String(header, StandardCharsets.US_ASCII);
                String name = text.substring(0, 16).strip().replaceFirst("/$", "");
                assertThat(Long.parseLong(text.substring(16, 28).strip())).as("%s: ar time of %s", deb, name)
                        .isEqualTo(STAMP.getEpochSecond());
                assertThat(List.of(text.substring(28, 34).strip(), text.substring(34, 40).strip()))
                        .as("%s: ar owner of %s", deb, name).containsExactly("0", "0");
                long size = Long.parseLong(text.substring(48, 58).strip());
                byte[] data = in.readNBytes((int) size);
                assertThat((long) data.length).as("%s: %s truncated", deb, name).isEqualTo(size);
                members.put(name, data);
                if (size % 2 == 1) {
                    in.skipBytes(1);
                }
            }
        }
        return members;
    }
}
