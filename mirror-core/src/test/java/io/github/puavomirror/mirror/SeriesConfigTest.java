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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesConfigTest {

    private static final String A = "puavo-os-amxa-buster-2022-01-17-120001-amd64.img";
    private static final String B = "puavo-os-amxa-buster-2022-01-20-173248-amd64.img";
    private static final String C = "puavo-os-amxa-buster-2022-02-01-000000-amd64.img";
    private static final String X = "puavo-os-amxa-buster-2021-12-01-000000-amd64.img";

    private static SeriesConfig parse(String json) throws ConfigException {
        return SeriesConfig.parse(json.getBytes(StandardCharsets.UTF_8), "config/images/buster.json");
    }

    private static List<ImageName> names(String... names) {
        return Stream.of(names).map(ImageName::parse).toList();
    }

    @Test
    void readsTheBusterFormatKeepingFileOrder() throws Exception {
        SeriesConfig config = parse("""
                {
                  "zz-series": ["%s", "%s"],
                  "aa-series": ["%s"]
                }""".formatted(B, A, C));
        assertThat(config.series()).extracting(ImageSeries::name).containsExactly("zz-series", "aa-series");
        assertThat(config.series().get(0).images()).isEqualTo(names(B, A));
        assertThat(config.series().get(0).extraRdiffs()).isEmpty();
        assertThat(config.series("aa-series")).map(ImageSeries::images).contains(names(C));
        assertThat(config.series("nope")).isEmpty();
    }

    @Test
    void readsTheBookwormFormatWithExtraRdiffs() throws Exception {
        SeriesConfig config = parse("""
                {"s": {"images": ["%s", "%s"],
                       "extra_rdiffs": {"%s": ["%s", "%s", "%s"], "%s": []}}}
                """.formatted(A, B, B, X, A, X, A));
        ImageSeries series = config.series().get(0);
        assertThat(series.images()).isEqualTo(names(A, B));
        assertThat(series.extraRdiffs()).containsExactly(
                Map.entry(ImageName.parse(B), names(X, A, X)),
                Map.entry(ImageName.parse(A), List.of()));
        assertThat(series.extraSourcesFor(ImageName.parse(B))).isEqualTo(names(X, A, X));
    }

    @Test
    void acceptsAnEmptyConfigAndEmptySeries() throws Exception {
        assertThat(parse("{}").series()).isEmpty();
        assertThat(parse("{\"s\": {\"images\": []}}").series().get(0).images()).isEmpty();
        assertThat(parse("{\"s\": []}").series().get(0).images()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|config/images/buster.json: file is empty",
        "[1]|config/images/buster.json: expected a JSON object mapping series names to images, found a list",
        "{\"s\": \"x\"}|config/images/buster.json: series \"s\": expected a list of images or an object with \"images\", found a string",
        "{\"s\": [1]}|config/images/buster.json: series \"s\": images[0]: expected an image file name, found a number",
        "{\"s\": [\"foo.img\"]}|config/images/buster.json: series \"s\": images[0]: invalid image name \"foo.img\": does not match <prefix>-<YYYY-MM-DD-HHMMSS>-<arch>.img",
        "{\"s\": {}}|config/images/buster.json: series \"s\": missing \"images\"",
        "{\"s\": {\"images\": {}}}|config/images/buster.json: series \"s\": \"images\" must be a list, found an object",
        "{\"s\": {\"images\": [], \"extra\": 1}}|config/images/buster.json: series \"s\": unknown key \"extra\" (expected \"images\" and optionally \"extra_rdiffs\")",
        "{\"s\": {\"images\": [], \"extra_rdiffs\": []}}|config/images/buster.json: series \"s\": \"extra_rdiffs\" must be an object, found a list",
        "{\"s\": {\"images\": [], \"extra_rdiffs\": {\"bad\": []}}}|config/images/buster.json: series \"s\": extra_rdiffs of \"bad\": invalid image name \"bad\": does not match <prefix>-<YYYY-MM-DD-HHMMSS>-<arch>.img",
        "{\"../s\": []}|config/images/buster.json: invalid series name \"../s\": contains '/'",
    })
    void rejectsMalformedConfigsWithOneLine(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(ConfigException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"s\": [], \"s\": []}|Duplicate field 's'",
        "{\"s\": []} []|Trailing token",
    })
    void rejectsDuplicateKeysAndTrailingData(String json, String jacksonSays) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config/images/buster.json: invalid JSON (line 1, column ")
                .hasMessageContaining(jacksonSays);
    }

    @Test
    void rejectsInvalidJsonWithLocation() {
        assertThatThrownBy(() -> parse("{\n  \"s\": [\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config/images/buster.json: invalid JSON (line ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsDuplicateImagesAndStamps() {
        assertThatThrownBy(() -> parse("{\"s\": [\"%s\", \"%s\", \"%s\"]}".formatted(A, B, A)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config/images/buster.json: series \"s\" lists image \"" + A + "\" twice");
        String sameStamp = "other-os-2022-01-17-120001-amd64.img";
        assertThatThrownBy(() -> parse("{\"s\": [\"%s\", \"%s\"]}".formatted(A, sameStamp)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config/images/buster.json: series \"s\" lists two images with stamp 2022-01-17-120001: \""
                        + A + "\" and \"" + sameStamp + "\"");
    }

    @Test
    void rejectsAnExtraRdiffFromAnImageToItself() {
        assertThatThrownBy(() -> parse("{\"s\": {\"images\": [\"%s\"], \"extra_rdiffs\": {\"%s\": [\"%s\"]}}}"
                .formatted(A, A, A)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("config/images/buster.json: series \"s\": extra_rdiffs of \"" + A
                        + "\" lists the image itself as a source");
    }

    @Test
    void writesTheBookwormFormatPrettyAndStable() throws Exception {
        SeriesConfig config = new SeriesConfig(List.of(
                new ImageSeries("s1", names(A, B), Map.of(ImageName.parse(B), names(X))),
                new ImageSeries("s0", List.of())));
        String expected = """
                {
                  "s1": {
                    "images": [
                      "%s",
                      "%s"
                    ],
                    "extra_rdiffs": {
                      "%s": [
                        "%s"
                      ]
                    }
                  },
                  "s0": {
                    "images": []
                  }
                }
                """.formatted(A, B, B, X);
        assertThat(config.toJson()).isEqualTo(expected);
        assertThat(parse(config.toJson())).isEqualTo(config);
        assertThat(new SeriesConfig(List.of()).toJson()).isEqualTo("{}\n");
    }

    @Test
    void writesAtomicallyReplacingTheOldFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("buster.json");
        Files.writeString(file, "old");
        SeriesConfig config = new SeriesConfig(List.of(new ImageSeries("s", names(A))));
        config.write(file);
        assertThat(Files.readString(file)).isEqualTo(config.toJson());
        assertThat(SeriesConfig.read(file)).isEqualTo(config);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void readNamesTheFileInErrors(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bookworm.json");
        Files.writeString(file, "[]");
        assertThatThrownBy(() -> SeriesConfig.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": expected a JSON object");
    }

    @Test
    void discoveryGroupsBySeriesAndDistOrderedByStamp() {
        SeriesConfig.Discovery found = SeriesConfig.discover(List.of(
                "puavo-os-amxa-bookworm-2024-03-01-000000-amd64.img",
                "puavo-os-amxa-buster-2022-01-20-173248-amd64.img",
                "puavo-os-amxa-bookworm-2024-01-01-000000-amd64.img",
                "puavo-os-amxa-bookworm-2024-02-01-000000-i386.img",
                "puavo-os-amxa-buster-2022-01-17-120001-amd64.img",
                "puavo-os-other-bookworm-2024-02-01-000000-amd64.img",
                "puavo-os-amxa-bookworm-2024-01-01-000000-amd64.img",
                "README.txt",
                "broken.img",
                "my image-2024-01-01-000000-amd64.img"));
        assertThat(found.byDist()).containsOnlyKeys("bookworm", "buster");
        assertThat(found.byDist().keySet()).containsExactly("bookworm", "buster");
        List<ImageSeries> bookworm = found.byDist().get("bookworm").series();
        assertThat(bookworm).extracting(ImageSeries::name).containsExactly(
                "puavo-os-amxa-bookworm-amd64", "puavo-os-amxa-bookworm-i386", "puavo-os-other-bookworm-amd64");
        assertThat(bookworm.get(0).images()).isEqualTo(names(
                "puavo-os-amxa-bookworm-2024-01-01-000000-amd64.img",
                "puavo-os-amxa-bookworm-2024-03-01-000000-amd64.img"));
        assertThat(found.byDist().get("buster").series().get(0).images()).isEqualTo(names(A, B));
        assertThat(found.rejected()).containsExactly(
                Map.entry("broken.img", "does not match <prefix>-<YYYY-MM-DD-HHMMSS>-<arch>.img"),
                Map.entry("my image-2024-01-01-000000-amd64.img", "contains whitespace"));
    }

    @Test
    void rejectsDuplicateSeriesNamesInTheModel() {
        assertThatThrownBy(() -> new SeriesConfig(List.of(new ImageSeries("s", List.of()), new ImageSeries("s", List.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("series \"s\" is defined twice");
    }
}
