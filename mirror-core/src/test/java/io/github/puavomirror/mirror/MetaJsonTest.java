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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetaJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ImageName A = ImageName.parse("puavo-os-amxa-buster-2022-01-17-120001-amd64.img");
    private static final ImageName B = ImageName.parse("puavo-os-amxa-buster-2022-01-20-173248-amd64.img");
    private static final String RDIFF_BA = "puavo-os-amxa-buster-2022-01-20-173248--2022-01-17-120001-amd64.rdiff";
    private static final String RDIFF_AB = "puavo-os-amxa-buster-2022-01-17-120001--2022-01-20-173248-amd64.rdiff";

    private static Checksums sums(long size, long cksum, char sha256, char sha512) {
        return new Checksums(size, cksum, String.valueOf(sha256).repeat(64), String.valueOf(sha512).repeat(128));
    }

    private static MetaJson.Series example() throws Exception {
        ObjectNode confA = MAPPER.createObjectNode();
        confA.putObject("puavo.image.automatic_updates").put("default", "true");
        confA.putObject("x.text").put("default",
                "ä/😀 \"q\" back\\slash\u0001\u001f\n\t\b\f\r\u007f\u2028");
        confA.set("x.nums", MAPPER.readTree("[1,-0,1.5,100.0,1e20,1e-5,12345678901234567890,true,false,null]"));
        Map<String, Checksums> checksums = Map.of(
                A.fileName(), sums(200000, 3735122407L, 'a', 'b'),
                B.fileName(), sums(200007, 3101177326L, '1', '2'),
                RDIFF_BA, sums(2408, 1305040718L, 'c', 'd'),
                RDIFF_AB, sums(2416, 3903239626L, 'e', 'f'));
        RdiffPlan plan = RdiffPlan.of(new ImageSeries("puavo-os-amxa-buster-amd64", List.of(A, B)));
        return MetaJson.build(plan, RepositoryUrl.parse("https://cdn.amxa.ch/"),
                image -> image.equals(A) ? confA : MAPPER.createObjectNode(), checksums::get);
    }

    @Test
    void writesExactlyWhatRubyToJsonWould() throws Exception {
        String expected = "{\"puavo-os-amxa-buster-amd64\":{\"images\":["
                + "{\"diffs\":[{\"filename\":\"" + RDIFF_BA + "\","
                + "\"urls\":[\"https://cdn.amxa.ch/rdiffs/" + RDIFF_BA + "\"],"
                + "\"version\":\"20220120173248\",\"size\":2408,\"cksum\":\"1305040718\","
                + "\"sha256\":\"" + "c".repeat(64) + "\",\"sha512\":\"" + "d".repeat(128) + "\"}],"
                + "\"filename\":\"puavo-os-amxa-buster-2022-01-17-120001-amd64.img\","
                + "\"id\":\"puavo-os-amxa-buster-2022-01-17-120001-amd64\","
                + "\"puavo-conf\":{\"puavo.image.automatic_updates\":{\"default\":\"true\"},"
                + "\"x.text\":{\"default\":\"ä/😀 \\\"q\\\" back\\\\slash\\u0001\\u001f\\n\\t\\b\\f\\r\u007f\u2028\"},"
                + "\"x.nums\":[1,0,1.5,100.0,1.0e+20,1.0e-05,12345678901234567890,true,false,null]},"
                + "\"size\":200000,"
                + "\"urls\":[\"https://cdn.amxa.ch/puavo-os-amxa-buster-2022-01-17-120001-amd64.img\"],"
                + "\"version\":\"20220117120001\",\"cksum\":\"3735122407\","
                + "\"sha256\":\"" + "a".repeat(64) + "\",\"sha512\":\"" + "b".repeat(128) + "\"},"
                + "{\"diffs\":[{\"filename\":\"" + RDIFF_AB + "\","
                + "\"urls\":[\"https://cdn.amxa.ch/rdiffs/" + RDIFF_AB + "\"],"
                + "\"version\":\"20220117120001\",\"size\":2416,\"cksum\":\"3903239626\","
                + "\"sha256\":\"" + "e".repeat(64) + "\",\"sha512\":\"" + "f".repeat(128) + "\"}],"
                + "\"filename\":\"puavo-os-amxa-buster-2022-01-20-173248-amd64.img\","
                + "\"id\":\"puavo-os-amxa-buster-2022-01-20-173248-amd64\","
                + "\"puavo-conf\":{},\"size\":200007,"
                + "\"urls\":[\"https://cdn.amxa.ch/puavo-os-amxa-buster-2022-01-20-173248-amd64.img\"],"
                + "\"version\":\"20220120173248\",\"cksum\":\"3101177326\","
                + "\"sha256\":\"" + "1".repeat(64) + "\",\"sha512\":\"" + "2".repeat(128) + "\"}]}}";
        byte[] bytes = MetaJson.toBytes(example());
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(bytes[bytes.length - 1]).isEqualTo((byte) '}');
        // U+2028 and the emoji are raw UTF-8, not \\u escapes.
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("\u00e2\u0080\u00a8", "\u00f0\u009f\u0098\u0080");
    }

    @Test
    void aMetaOverSixtyFourMibIsRefusedUnread(@TempDir Path dir) throws Exception {
        Path meta = dir.resolve("puavo-os-huge-amd64.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(meta.toFile(), "rw")) {
            f.setLength(MetaJson.MAX_BYTES + 1L);
        }

        assertThatThrownBy(() -> MetaJson.read(meta))
                .isInstanceOf(MirrorFormatException.class)
                .hasMessage(meta + ": 67108865 bytes, more than the 64 MiB a meta may have");
    }

    @Test
    void parsesWhatItWrites(@TempDir Path dir) throws Exception {
        MetaJson.Series series = example();
        Path file = dir.resolve(MetaJson.fileName(series.name()));
        AtomicFiles.write(file, MetaJson.toBytes(series));
        MetaJson.Series read = MetaJson.read(file);
        assertThat(read).isEqualTo(series);
        assertThat(read.images().get(1).diffs().get(0).version()).isEqualTo("20220117120001");
        assertThat(file.getFileName()).hasToString("puavo-os-amxa-buster-amd64.json");
        assertThat(Files.size(file)).isEqualTo(MetaJson.toBytes(series).length);
    }

    @Test
    void parsesPrettyPrintedUpstreamStyleFilesToo() throws Exception {
        String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(MetaJson.toJson(example())));
        assertThat(MetaJson.parse(json.getBytes(StandardCharsets.UTF_8), "meta/x.json")).isEqualTo(example());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]|meta/s.json: expected an object with exactly one series",
        "{\"a\":{\"images\":[]},\"b\":{\"images\":[]}}|meta/s.json: expected an object with exactly one series",
        "{\"s\":[]}|meta/s.json: series \"s\": expected {\"images\": [...]}",
        "{\"s\":{\"images\":[1]}}|meta/s.json: series \"s\": images[0]: expected an object",
        "{\"s\":{\"images\":[{}]}}|meta/s.json: series \"s\": images[0]: missing \"diffs\"",
    })
    void rejectsMalformedMeta(String json, String message) {
        assertThatThrownBy(() -> MetaJson.parse(json.getBytes(StandardCharsets.UTF_8), "meta/s.json"))
                .isInstanceOf(MirrorFormatException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsWrongFieldTypes() throws Exception {
        String good = MetaJson.toJson(example());
        Map<String, String> broken = Map.of(
                "\"size\":2408", "meta/s.json: series \"puavo-os-amxa-buster-amd64\": images[0]: diffs[0]: \"size\" must be a non-negative integer",
                "\"size\":200000", "meta/s.json: series \"puavo-os-amxa-buster-amd64\": images[0]: \"size\" must be a non-negative integer");
        for (Map.Entry<String, String> e : broken.entrySet()) {
            String json = good.replace(e.getKey(), e.getKey().replace(":", ":\"") + "\"");
            assertThatThrownBy(() -> MetaJson.parse(json.getBytes(StandardCharsets.UTF_8), "meta/s.json"))
                    .isInstanceOf(MirrorFormatException.class).hasMessage(e.getValue());
        }
        String noSha = good.replaceFirst(",\"sha512\":\"b+\"", "");
        assertThatThrownBy(() -> MetaJson.parse(noSha.getBytes(StandardCharsets.UTF_8), "meta/s.json"))
                .hasMessage("meta/s.json: series \"puavo-os-amxa-buster-amd64\": images[0]: missing \"sha512\"");
        String noUrls = good.replaceFirst("\"urls\":\\[\"https://cdn.amxa.ch/puavo[^\"]*\"\\]", "\"urls\":[]");
        assertThatThrownBy(() -> MetaJson.parse(noUrls.getBytes(StandardCharsets.UTF_8), "meta/s.json"))
                .hasMessage("meta/s.json: series \"puavo-os-amxa-buster-amd64\": images[0]: \"urls\" must be a non-empty list");
    }

    @Test
    void puavoConfMustBeAnObjectWithoutLoneSurrogates() throws Exception {
        JsonNode array = MAPPER.readTree("[]");
        Checksums s = sums(1, 1, 'a', 'b');
        RepositoryUrl base = RepositoryUrl.DEFAULT;
        assertThatThrownBy(() -> MetaJson.Image.of(A, array, s, base, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        ObjectNode lone = MAPPER.createObjectNode().put("k", "\ud800");
        MetaJson.Series series = new MetaJson.Series("s", List.of(MetaJson.Image.of(A, lone, s, base, List.of())));
        assertThatThrownBy(() -> MetaJson.toJson(series)).isInstanceOf(IllegalArgumentException.class);
    }
}
