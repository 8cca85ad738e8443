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
package io.github.puavomirror.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.puavomirror.mirror.squashfs.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PuavoConfReaderTest {

    /**
     * The merged definitions of the fixture tree: files in byte order (10-base, 20-unicode,
     * 30-nested, 35-linked via symlink, Zeta, alpha, ä-umlaut), skipping .hidden.json,
     * README and 40-old.json.bak; keys in file order.
     */
    static final String EXPECTED = "{"
            + "\"puavo.image.automatic_updates\":{\"typehint\":\"bool\",\"default\":\"true\",\"description\":\"Update images automatically\"},"
            + "\"puavo.image.series.urls\":{\"typehint\":\"json\",\"default\":\"[]\",\"description\":\"URLs of the image series meta files\"},"
            + "\"puavo.l10n.greeting\":{\"typehint\":\"string\",\"default\":\"Hyvää päivää — grüß dich, 日本語, ✓ 🚀\","
            + "\"description\":\"Tab\\tquote\\\" backslash\\\\ slash/ control\\u0001\"},"
            + "\"puavo.nested\":{\"typehint\":\"string\",\"choices\":[\"a\",\"b\",{\"deep\":{\"deeper\":[1,2.5,-300.0,true,false,null]}}],"
            + "\"default\":\"a\",\"limits\":{\"min\":0,\"max\":12345678901234567890}},"
            + "\"puavo.linked\":{\"default\":\"via symlink\"},"
            + "\"puavo.zeta\":{\"default\":\"Z\"},"
            + "\"puavo.alpha\":{\"default\":\"a\"},"
            + "\"puavo.umlaut\":{\"default\":\"ä\"}"
            + "}";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Stream<String> images() {
        return Stream.concat(Fixtures.MAIN_IMAGES.stream(), Fixtures.SMALL_IMAGES.stream());
    }

    @ParameterizedTest
    @MethodSource("images")
    void mergesDefinitionsOfEveryCompressor(String name) throws IOException {
        PuavoConfResult result = PuavoConfReader.read(Fixtures.image(name));
        assertThat(result.outcome()).isEqualTo(PuavoConfResult.Outcome.READ);
        assertThat(result.warning()).isEmpty();
        assertThat(JSON.writeValueAsString(result.conf())).isEqualTo(EXPECTED);
    }

    @Test
    void keyDefinedTwiceNamesBothFilesAndTheKey() {
        Path image = Fixtures.image("duplicate-key.sqsh");
        assertThatThrownBy(() -> PuavoConfReader.read(image))
                .isInstanceOf(ImageReadException.class)
                .hasMessage(image + ": puavo-conf key \"puavo.twice\" is defined in both"
                        + " /usr/share/puavo-conf/definitions/10-first.json and /usr/share/puavo-conf/definitions/20-second.json");
    }

    @Test
    void brokenJsonNamesTheFile() {
        Path image = Fixtures.image("broken-json.sqsh");
        assertThatThrownBy(() -> PuavoConfReader.read(image))
                .isInstanceOf(ImageReadException.class)
                .hasMessageStartingWith(image + ": invalid JSON in puavo-conf definition /usr/share/puavo-conf/definitions/20-broken.json at line 1 column ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @ValueSource(ints = {50, 200, 6000, 12000})
    void truncatedImageIsAOneLineErrorNamingIt(int length) throws IOException {
        Path copy = copyOf("gzip.sqsh", "truncated.img");
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            ch.truncate(length);
        }
        assertThatThrownBy(() -> PuavoConfReader.read(copy))
                .isInstanceOf(ImageReadException.class)
                .hasMessageStartingWith(copy + ": truncated squashfs image")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .satisfies(e -> assertThat(((ImageReadException) e).image()).isEqualTo(copy));
    }

    @Test
    void corruptBlockIsAnImageReadException() throws IOException {
        Path copy = copyOf("xz.sqsh", "corrupt.img");
        byte[] bytes = Files.readAllBytes(copy);
        // Damage the metadata block holding the root inode; xz's integrity check catches it.
        ByteBuffer sb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long rootBlock = sb.getLong(64) + (sb.getLong(32) >>> 16);
        bytes[(int) rootBlock + 40] ^= 0x55;
        Files.write(copy, bytes);
        assertThatThrownBy(() -> PuavoConfReader.read(copy))
                .isInstanceOf(ImageReadException.class)
                .hasMessageStartingWith(copy + ": xz metadata block at offset " + rootBlock + ": corrupt xz block")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unsupportedCompressionIsAnImageReadException() throws IOException {
        Path copy = copyOf("gzip.sqsh", "lzma.img");
        try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {2, 0}), 20);
        }
        assertThatThrownBy(() -> PuavoConfReader.read(copy))
                .isInstanceOf(ImageReadException.class)
                .hasMessageStartingWith(copy + ": unsupported squashfs compression lzma");
    }

    @Test
    void nonSquashfsFileIsAnEmptyResultWithAWarning() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.img"), "this is not an image\n".repeat(20));
        PuavoConfResult result = PuavoConfReader.read(text);
        assertThat(result.outcome()).isEqualTo(PuavoConfResult.Outcome.NOT_SQUASHFS);
        assertThat(result.conf().isEmpty()).isTrue();
        assertThat(result.warning()).hasValueSatisfying(w -> assertThat(w)
                .isEqualTo(text + ": not a squashfs image (no \"hsqs\" magic at offset 0); puavo-conf left empty"));
    }

    @Test
    void emptyFileIsNotSquashfs() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.img"));
        PuavoConfResult result = PuavoConfReader.read(empty);
        assertThat(result.outcome()).isEqualTo(PuavoConfResult.Outcome.NOT_SQUASHFS);
        assertThat(result.conf().isEmpty()).isTrue();
        assertThat(result.warning()).hasValueSatisfying(w -> assertThat(w).startsWith(empty + ": empty file"));
    }

    @Test
    void imageWithoutDefinitionsIsEmptyWithAWarning() throws IOException {
        Path image = Fixtures.image("no-definitions.sqsh");
        PuavoConfResult result = PuavoConfReader.read(image);
        assertThat(result.outcome()).isEqualTo(PuavoConfResult.Outcome.NO_DEFINITIONS);
        assertThat(JSON.writeValueAsString(result.conf())).isEqualTo("{}");
        assertThat(result.warning()).hasValue(image + ": no /usr/share/puavo-conf/definitions directory in the image; puavo-conf left empty");
    }

    @Test
    void missingFileIsAnImageReadException() {
        Path missing = tmp.resolve("missing.img");
        assertThatThrownBy(() -> PuavoConfReader.read(missing))
                .isInstanceOf(ImageReadException.class)
                .hasMessage(missing + ": cannot read image: no such file");
    }

    /** Builds a fresh image with the installed mksquashfs, so fixture drift cannot hide a bug. */
    @Test
    void freshMksquashfsImage() throws Exception {
        ExternalTools.require("mksquashfs");
        Path defs = Files.createDirectories(tmp.resolve("tree/usr/share/puavo-conf/definitions"));
        Files.writeString(defs.resolve("b.json"), "{\"puavo.b\":{\"default\":\"β\"},\"puavo.a\":{\"default\":\"α\"}}");
        Files.writeString(defs.resolve("a.json"), "{\"puavo.c\":{\"default\":[1,{\"x\":null}]}}");
        Files.writeString(defs.resolve("c.txt"), "{\"puavo.ignored\":1}");
        Path image = mksquashfs(tmp.resolve("tree"), tmp.resolve("fresh.img"));
        PuavoConfResult result = PuavoConfReader.read(image);
        assertThat(JSON.writeValueAsString(result.conf()))
                .isEqualTo("{\"puavo.c\":{\"default\":[1,{\"x\":null}]},\"puavo.b\":{\"default\":\"β\"},\"puavo.a\":{\"default\":\"α\"}}");
    }

    /**
     * A path may cross a directory of any size (it is scanned, not held), but the definitions
     * directory is listed whole, so its listing is bounded: 4,100 names of 250 bytes are over
     * 1 MiB. The same folder of names is crossed in one image and is the definitions (through a
     * symlink to it) in the other.
     */
    @Test
    void aListingTooLargeToHoldIsRefusedWhileAPathMayCrossOne() throws Exception {
        ExternalTools.require("mksquashfs");
        Path share = Files.createDirectories(tmp.resolve("tree/usr/share"));
        for (int i = 0; i < 4100; i++) {
            Files.createFile(share.resolve(String.format("%05d", i) + "x".repeat(240) + ".json"));
        }
        Path defs = Files.createDirectories(share.resolve("puavo-conf/definitions"));
        Files.writeString(defs.resolve("a.json"), "{\"puavo.a\":{\"default\":\"1\"}}");
        Path crossed = mksquashfs(tmp.resolve("tree"), tmp.resolve("crossed.img"));
        Files.delete(defs.resolve("a.json"));
        Files.delete(defs);
        Files.createSymbolicLink(defs, Path.of(".."));
        Path listed = mksquashfs(tmp.resolve("tree"), tmp.resolve("listed.img"));

        assertThat(JSON.writeValueAsString(PuavoConfReader.read(crossed).conf()))
                .isEqualTo("{\"puavo.a\":{\"default\":\"1\"}}");
        assertThatThrownBy(() -> PuavoConfReader.read(listed))
                .isInstanceOf(ImageReadException.class)
                .hasMessageStartingWith(listed + ": directory inode ")
                .hasMessageEndingWith("-byte listing, more than the 1048576 bytes a listing read whole may have");
    }

    /** Numbers that a meta writes four times longer: under 4 MiB read, over it as the meta would hold it. */
    @Test
    void puavoConfOverFourMibAsAMetaWritesItIsRefused() throws Exception {
        ExternalTools.require("mksquashfs");
        Path defs = Files.createDirectories(tmp.resolve("tree/usr/share/puavo-conf/definitions"));
        String numbers = String.join(",", Collections.nCopies(250_000, "1e15"));
        Files.writeString(defs.resolve("a.json"), "{\"puavo.a\":{\"default\":[" + numbers + "]}}");
        Path image = mksquashfs(tmp.resolve("tree"), tmp.resolve("wide.img"));

        assertThat(Files.size(defs.resolve("a.json"))).isLessThan(PuavoConfReader.MAX_TOTAL_BYTES);
        assertThatThrownBy(() -> PuavoConfReader.read(image))
                .isInstanceOf(ImageReadException.class)
                .hasMessage(image + ": puavo-conf is over the 4 MiB an image may carry (merged, as a meta writes it,"
                        + " it is 4750025 bytes)");
    }

    private Path mksquashfs(Path tree, Path image) throws IOException, InterruptedException {
        Path log = tmp.resolve("mksquashfs.log");
        Process mksquashfs = new ProcessBuilder(List.of("mksquashfs", tree.toString(), image.toString(),
                        "-comp", "zstd", "-noappend", "-all-root", "-no-progress", "-quiet", "-processors", "1"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(mksquashfs.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mksquashfs.exitValue()).as(Files.readString(log)).isZero();
        return image;
    }

    private Path copyOf(String fixture, String name) throws IOException {
        return Files.copy(Fixtures.image(fixture), tmp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
