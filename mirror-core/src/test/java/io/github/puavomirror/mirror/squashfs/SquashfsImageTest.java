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
package io.github.puavomirror.mirror.squashfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SquashfsImageTest {

    @TempDir
    Path tmp;

    static Stream<String> allImages() {
        return Stream.concat(Fixtures.MAIN_IMAGES.stream(), Fixtures.SMALL_IMAGES.stream());
    }

    @ParameterizedTest
    @MethodSource("allImages")
    void everyFileReadsBackAsTheSourceTree(String name) throws Exception {
        Map<String, String> manifest = Fixtures.manifestFor(name);
        assertThat(manifest).containsKey("usr/share/big.txt");
        try (SquashfsImage image = SquashfsImage.open(Fixtures.image(name))) {
            for (Map.Entry<String, String> file : manifest.entrySet()) {
                byte[] content = image.readFile(file.getKey(), SquashfsImage.DEFAULT_MAX_FILE_BYTES);
                assertThat(sha256(content)).as(file.getKey()).isEqualTo(file.getValue());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("allImages")
    void superblockNamesTheCompressor(String name) throws IOException {
        try (SquashfsImage image = SquashfsImage.open(Fixtures.image(name))) {
            Superblock sb = image.superblock();
            String expected = name.startsWith("uncompressed") ? "gzip" : name.substring(0, name.indexOf(name.contains("-") ? '-' : '.'));
            assertThat(sb.compression().label()).isEqualTo(expected);
            assertThat(sb.blockSize()).isEqualTo(name.contains("b4096") ? 4096 : 131072);
            assertThat(sb.hasFlag(Superblock.FLAG_UNCOMPRESSED_DATA)).isEqualTo(name.startsWith("uncompressed"));
            assertThat(sb.hasFlag(Superblock.FLAG_UNCOMPRESSED_INODES)).isEqualTo(name.startsWith("uncompressed"));
            assertThat(sb.fragmentCount()).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("allImages")
    void listsDirectoriesInStoredByteOrder(String name) throws IOException {
        try (SquashfsImage image = SquashfsImage.open(Fixtures.image(name))) {
            assertThat(names(image, image.root())).containsExactly("dev", "etc", "puavo-conf-abs", "run", "usr", "usr-rel", "var");
            assertThat(names(image, image.lookup("usr/share/puavo-conf/definitions").orElseThrow())).containsExactly(
                    ".hidden.json", "10-base.json", "20-unicode.json", "30-nested.json", "35-linked.json",
                    "40-old.json.bak", "README", "Zeta.json", "alpha.json", "ä-umlaut.json");
            assertThat(names(image, image.lookup("/var/empty/").orElseThrow())).isEmpty();
            assertThat(image.list("usr-rel/lib")).extracting(DirectoryEntry::name).containsExactly("os-release");
            assertThatThrownBy(() -> image.list("etc/hostname")).isInstanceOf(SquashfsException.class);
            assertThatThrownBy(() -> image.list("nope")).isInstanceOf(NoSuchFileException.class);

            // 300 entries need several directory headers and an extended, indexed directory inode.
            SquashfsInode many = image.lookup("usr/share/many").orElseThrow();
            assertThat(many.extended()).isTrue();
            List<String> expected = IntStream.rangeClosed(1, 300).mapToObj(i -> String.format("empty-file-number-%03d", i)).toList();
            assertThat(names(image, many)).isEqualTo(expected);
            SquashfsInode last = image.lookup("usr/share/many/empty-file-number-300").orElseThrow();
            assertThat(last.isRegularFile()).isTrue();
            assertThat(image.readFile(last, 10)).isEmpty();
        }
    }

    @Test
    void entryTypesMatchInodes() throws IOException {
        try (SquashfsImage image = SquashfsImage.open(Fixtures.image("gzip.sqsh"))) {
            List<DirectoryEntry> etc = image.list(image.lookup("etc").orElseThrow());
            assertThat(etc).extracting(DirectoryEntry::name).containsExactly("hostname", "hostname.hardlink", "os-release");
            assertThat(etc).extracting(DirectoryEntry::type).containsExactly(NodeType.FILE, NodeType.FILE, NodeType.SYMLINK);
            for (DirectoryEntry entry : etc) {
                SquashfsInode inode = image.inode(entry);
                assertThat(inode.type()).isEqualTo(entry.type());
                assertThat(inode.inodeNumber()).isEqualTo(entry.inodeNumber());
            }
            // Hard links share one inode, which then needs the extended layout for its link count.
            SquashfsInode hostname = image.inode(etc.get(0));
            assertThat(hostname.extended()).isTrue();
            assertThat(hostname.linkCount()).isEqualTo(2);
            assertThat(etc.get(1).inodeNumber()).isEqualTo(etc.get(0).inodeNumber());
            assertThat(hostname.mode()).isEqualTo(0644);
            assertThat(hostname.mtime()).isZero();

            assertThat(image.lookup("dev/null").orElseThrow().type()).isEqualTo(NodeType.CHAR_DEVICE);
            assertThat(image.lookup("run/fifo").orElseThrow().type()).isEqualTo(NodeType.FIFO);
            assertThat(image.lookup("usr/share/big.txt").orElseThrow().size()).isEqualTo(3 * 131072 + 131072 / 4 + 7);
        }
    }

    @Test
    void followsSymlinksInsideTheImage() throws IOException {
        try (SquashfsImage image = SquashfsImage.open(Fixtures.image("zstd.sqsh"))) {
            SquashfsInode link = image.lookup("etc/os-release").orElseThrow();
            assertThat(link.isSymlink()).isTrue();
            assertThat(link.symlinkTarget()).hasValue("../usr/lib/os-release");
            assertThat(new String(image.readFile("etc/os-release", 1000), StandardCharsets.UTF_8))
                    .isEqualTo("NAME=\"Puavo OS\"\nVERSION_ID=\"test\"\n");
            // Absolute and relative symlinks to directories in the middle of a path.
            assertThat(new String(image.readFile("puavo-conf-abs/definitions/alpha.json", 1000), StandardCharsets.UTF_8))
                    .isEqualTo("{\"puavo.alpha\":{\"default\":\"a\"}}");
            assertThat(new String(image.readFile("/usr-rel/share/puavo-conf/definitions/35-linked.json", 1000), StandardCharsets.UTF_8))
                    .isEqualTo("{\"puavo.linked\":{\"default\":\"via symlink\"}}\n");
            assertThat(image.resolve("usr-rel").orElseThrow().isDirectory()).isTrue();
            assertThat(image.resolve("usr/share/puavo-conf/definitions/../../../lib/./os-release")).isPresent();
        }
    }

    @Test
    void missingPathsAreEmpty() throws IOException {
        try (SquashfsImage image = SquashfsImage.open(Fixtures.image("lz4.sqsh"))) {
            assertThat(image.lookup("usr/nope")).isEmpty();
            assertThat(image.lookup("etc/hostname/below-a-file")).isEmpty();
            assertThat(image.lookup("").orElseThrow().isDirectory()).isTrue();
            assertThatThrownBy(() -> image.readFile("usr/nope", 10)).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> image.readFile("usr", 10)).isInstanceOf(SquashfsException.class)
                    .hasMessageContaining("not a regular file");
        }
    }

    @Test
    void readsAreBounded() throws IOException {
        try (SquashfsImage image = SquashfsImage.open(Fixtures.image("xz.sqsh"))) {
            assertThatThrownBy(() -> image.readFile("usr/share/big.txt", 1000))
                    .isInstanceOf(SquashfsException.class)
                    .hasMessageContaining("xz.sqsh")
                    .hasMessageContaining("more than the 1000-byte limit");
        }
    }

    @Test
    void streamsLargeFilesBlockByBlock() throws Exception {
        try (SquashfsImage image = SquashfsImage.open(Fixtures.image("gzip-b4096.sqsh"));
                InputStream in = image.openFile(image.lookup("usr/share/big.txt").orElseThrow())) {
            byte[] all = in.readAllBytes();
            assertThat(all).hasSize(3 * 4096 + 4096 / 4 + 7);
            // The second block is all zeros and stored as a sparse block.
            assertThat(java.util.Arrays.copyOfRange(all, 4096, 8192)).containsOnly(0);
            assertThat(sha256(all)).isEqualTo(Fixtures.manifestFor("gzip-b4096.sqsh").get("usr/share/big.txt"));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void emptyAndForeignFilesAreNotSquashfs() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.img"));
        assertThatThrownBy(() -> SquashfsImage.open(empty)).isInstanceOf(NotSquashfsException.class).hasMessageContaining("empty file");
        Path tiny = Files.write(tmp.resolve("tiny.img"), new byte[] {'h', 's'});
        assertThatThrownBy(() -> SquashfsImage.open(tiny)).isInstanceOf(NotSquashfsException.class);
        Path text = Files.writeString(tmp.resolve("text.img"), "just some text, long enough to hold a superblock".repeat(3));
        assertThatThrownBy(() -> SquashfsImage.open(text)).isInstanceOf(NotSquashfsException.class)
                .hasMessage(text + ": not a squashfs image (no \"hsqs\" magic at offset 0)");
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 96, 4000, 9000})
    void truncatedImagesAreReported(int length) throws IOException {
        Path copy = copyOf("gzip.sqsh");
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            ch.truncate(length);
        }
        assertThatThrownBy(() -> SquashfsImage.open(copy)).isInstanceOf(SquashfsException.class)
                .isNotInstanceOf(NotSquashfsException.class)
                .hasMessageStartingWith(copy + ": truncated squashfs image");
    }

    @Test
    void unsupportedCompressionAndVersionAreRejected() throws IOException {
        Path lzma = patchShort(copyOf("gzip.sqsh"), 20, 2);
        assertThatThrownBy(() -> SquashfsImage.open(lzma)).isInstanceOf(SquashfsException.class)
                .hasMessageContaining("unsupported squashfs compression lzma");
        Path unknown = patchShort(copyOf("gzip.sqsh"), 20, 9);
        assertThatThrownBy(() -> SquashfsImage.open(unknown)).hasMessageContaining("unknown squashfs compression id 9");
        Path v3 = patchShort(copyOf("gzip.sqsh"), 28, 3);
        assertThatThrownBy(() -> SquashfsImage.open(v3)).hasMessageContaining("unsupported squashfs version 3.0");
        Path bigEndian = copyOf("gzip.sqsh");
        try (FileChannel ch = FileChannel.open(bigEndian, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap("sqsh".getBytes(StandardCharsets.US_ASCII)), 0);
        }
        assertThatThrownBy(() -> SquashfsImage.open(bigEndian)).isNotInstanceOf(NotSquashfsException.class)
                .hasMessageContaining("big-endian");
    }

    /**
     * Flipping bytes anywhere past the superblock must end in a SquashfsException (or, where
     * the damage is harmless, correct reads) and never in an unchecked exception or a hang.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gzip.sqsh", "lzo.sqsh", "lz4.sqsh", "xz.sqsh", "zstd.sqsh", "uncompressed-b4096.sqsh"})
    void corruptionIsAnIOException(String name) throws Exception {
        byte[] original = Files.readAllBytes(Fixtures.image(name));
        long used;
        try (SquashfsImage image = SquashfsImage.open(Fixtures.image(name))) {
            used = image.superblock().bytesUsed();
        }
        Map<String, String> manifest = Fixtures.manifestFor(name);
        Random random = new Random(name.hashCode());
        Path copy = tmp.resolve(name);
        for (int round = 0; round < 60; round++) {
            byte[] damaged = original.clone();
            for (int i = 0; i < 4; i++) {
                int at = Superblock.SIZE + random.nextInt((int) used - Superblock.SIZE);
                damaged[at] = (byte) random.nextInt(256);
            }
            Files.write(copy, damaged);
            try (SquashfsImage image = SquashfsImage.open(copy)) {
                for (Map.Entry<String, String> file : manifest.entrySet()) {
                    image.readFile(file.getKey(), SquashfsImage.DEFAULT_MAX_FILE_BYTES);
                }
                image.list(image.lookup("usr/share/many").orElseThrow());
            } catch (SquashfsException | NoSuchFileException | java.util.NoSuchElementException expected) {
                // detected damage, or damage that made a path vanish
            }
        }
    }

    private Path copyOf(String name) throws IOException {
        return Files.copy(Fixtures.image(name), Files.createTempFile(tmp, "copy-", "-" + name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path patchShort(Path file, int offset, int value) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) value), offset);
        }
        return file;
    }

    private static List<String> names(SquashfsImage image, SquashfsInode dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (DirectoryEntry entry : image.list(dir)) {
            names.add(entry.name());
        }
        return names;
    }

    static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
