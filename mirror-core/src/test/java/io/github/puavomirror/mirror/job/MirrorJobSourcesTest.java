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

import io.github.puavomirror.mirror.ExternalTools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.github.puavomirror.mirror.job.SampleSeries.name;
import static io.github.puavomirror.mirror.job.SampleSeries.rdiff;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where series come from (puavo-os config in both upstream formats, discovery written back as
 * config), retention, dry runs, and the two rdiff engines.
 */
class MirrorJobSourcesTest extends JobFolders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERIES = SampleSeries.series(SampleSeries.PREFIX);

    Path puavoOs;

    @BeforeEach
    void puavoOsFolder() {
        puavoOs = tmp.resolve("puavo-os");
    }

    private void config(String file, String json) throws IOException {
        Files.writeString(Files.createDirectories(puavoOs.resolve("config/images")).resolve(file), json);
    }

    @Test
    void busterListConfigKeepsItsOrderAndItsLastThreeAreTheTargets() throws Exception {
        SampleSeries.write(images, 5, 120_000, 41);
        // Not sorted, as amxa's find wrote it; day 5 is on disk but not listed.
        config("buster.json", "{\n  \"legacy-series\": [\n    \"" + name(4) + "\",\n    \"" + name(1) + "\",\n    \""
                + name(3) + "\",\n    \"" + name(2) + "\"\n  ]\n}\n");

        Recorder rec = new Recorder();
        MirrorSummary s = MirrorJob.run(request().puavoOsDirectory(puavoOs, false).build(), rec);

        JsonNode list = JSON.readTree(mirror.resolve("meta/legacy-series.json").toFile()).get("legacy-series")
                .get("images");
        assertThat(filenames(list)).containsExactly(name(4), name(1), name(3), name(2));
        assertThat(diffs(list.get(0))).isEmpty();
        assertThat(diffs(list.get(1))).containsExactly(rdiff(4, 1), rdiff(3, 1), rdiff(2, 1));
        assertThat(diffs(list.get(2))).containsExactly(rdiff(4, 3), rdiff(1, 3), rdiff(2, 3));
        assertThat(diffs(list.get(3))).containsExactly(rdiff(4, 2), rdiff(1, 2), rdiff(3, 2));
        assertThat(s.rdiffsBuilt()).isEqualTo(9);
        assertThat(mirror.resolve(name(5))).as("only listed images are published").doesNotExist();
        assertThat(Files.readString(puavoOs.resolve("config/images/buster.json")))
                .as("with -n the config is only read").startsWith("{\n  \"legacy-series\": [");
    }

    @Test
    void bookwormObjectConfigAddsExtraRdiffsFromUnlistedImages() throws Exception {
        SampleSeries.write(images, 5, 120_000, 42);
        config("bookworm.json", "{\"new-series\": {\"images\": [\"" + name(2) + "\", \"" + name(3) + "\", \""
                + name(4) + "\", \"" + name(5) + "\"], \"extra_rdiffs\": {\"" + name(5) + "\": [\"" + name(1)
                + "\", \"" + name(3) + "\"], \"" + name(2) + "\": [\"" + name(1) + "\"]}}}");
        config("buster.json", "{\"old-series\": [\"" + name(1) + "\", \"" + name(2) + "\"]}");

        MirrorSummary s = MirrorJob.run(request().puavoOsDirectory(puavoOs, false).build(), new Recorder());

        JsonNode list = JSON.readTree(mirror.resolve("meta/new-series.json").toFile()).get("new-series")
                .get("images");
        assertThat(filenames(list)).containsExactly(name(2), name(3), name(4), name(5));
        // An extra rdiff into a non-target image; after the regular ones; a repeated source counted once.
        assertThat(diffs(list.get(0))).containsExactly(rdiff(1, 2));
        assertThat(diffs(list.get(3))).containsExactly(rdiff(2, 5), rdiff(3, 5), rdiff(4, 5), rdiff(1, 5));
        // Config files in name order: bookworm.json's series, then buster.json's.
        List<String> cksums = Files.readAllLines(mirror.resolve("CKSUMS"));
        List<String> names = cksums.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
        assertThat(names).containsExactly(name(2), rdiff(1, 2), name(3), rdiff(2, 3), rdiff(4, 3), rdiff(5, 3),
                name(4), rdiff(2, 4), rdiff(3, 4), rdiff(5, 4), name(5), rdiff(2, 5), rdiff(3, 5), rdiff(4, 5),
                rdiff(1, 5), name(1), rdiff(2, 1), name(2), rdiff(1, 2));
        assertThat(s.series()).isEqualTo(2);
        assertThat(s.rdiffsBuilt()).as("rdiff(1, 2) serves both series").isEqualTo(12);
    }

    @Test
    void writeConfigWritesTheDiscoveredSeriesInBookwormFormatAndBuildsFromThem() throws Exception {
        SampleSeries.write(images, 3, 100_000, 43);
        SampleSeries.write(images, "puavo-os-test-bullseye", 2, 100_000, 44);
        Recorder rec = new Recorder();

        MirrorSummary s = MirrorJob.run(request().puavoOsDirectory(puavoOs, true).build(), rec);

        Path dir = puavoOs.resolve("config/images");
        assertThat(MirrorTree.allPaths(dir)).containsExactly("bookworm.json", "bullseye.json");
        JsonNode bookworm = JSON.readTree(dir.resolve("bookworm.json").toFile());
        assertThat(MirrorJobPublishTest.keys(bookworm)).containsExactly(SERIES);
        assertThat(MirrorJobPublishTest.keys(bookworm.get(SERIES))).containsExactly("images");
        assertThat(MirrorJobPublishTest.texts(bookworm.get(SERIES).get("images")))
                .containsExactly(name(1), name(2), name(3));
        String bullseye = SampleSeries.series("puavo-os-test-bullseye");
        assertThat(MirrorJobPublishTest.texts(JSON.readTree(dir.resolve("bullseye.json").toFile()).get(bullseye)
                .get("images"))).containsExactly(name("puavo-os-test-bullseye", 1), name("puavo-os-test-bullseye", 2));
        assertThat(rec.infos()).anyMatch(m -> m.contains(dir.resolve("bookworm.json").toString()));
        assertThat(MirrorTree.publishedFiles(mirror)).contains("meta/" + SERIES + ".json", "meta/" + bullseye + ".json");
        assertThat(s.rdiffsBuilt()).isEqualTo(6 + 2);

        // Edit the written config (drop day 1) and build from it alone, as with -n.
        Files.writeString(dir.resolve("bookworm.json"), Files.readString(dir.resolve("bookworm.json"))
                .replace("\"" + name(1) + "\",", ""));
        MirrorJob.run(request().puavoOsDirectory(puavoOs, false).build(), new Recorder());
        assertThat(filenames(JSON.readTree(mirror.resolve("meta/" + SERIES + ".json").toFile()).get(SERIES)
                .get("images"))).containsExactly(name(2), name(3));
    }

    @Test
    void keepPublishesOnlyTheNewestImages() throws Exception {
        SampleSeries.write(images, 5, 100_000, 45);

        MirrorSummary s = MirrorJob.run(request().keep(2).build(), new Recorder());

        assertThat(MirrorTree.publishedFiles(mirror)).containsExactlyInAnyOrder("CKSUMS", "meta/" + SERIES + ".json",
                name(4), name(5), "rdiffs/" + rdiff(5, 4), "rdiffs/" + rdiff(4, 5));
        assertThat(s.images()).isEqualTo(2);
        assertThat(s.rdiffs()).isEqualTo(2);
    }

    @Test
    void aDryRunCreatesNothingAndNamesTheRdiffsItWouldBuild() throws Exception {
        SampleSeries.write(images, 5, 100_000, 46);
        Recorder rec = new Recorder();

        MirrorSummary s = MirrorJob.run(request().dryRun(true).puavoOsDirectory(puavoOs, true).build(), rec);

        assertThat(mirror).doesNotExist();
        assertThat(puavoOs).as("no config written either").doesNotExist();
        assertThat(s.filesWritten()).isZero();
        assertThat(s.rdiffsBuilt()).isZero();
        assertThat(rec.planned().rdiffsToBuild()).isEqualTo(12);
        List<String> expected = new ArrayList<>();
        for (int to = 3; to <= 5; to++) {
            for (int from = 1; from <= 5; from++) {
                if (from != to) {
                    expected.add("would build rdiffs/" + rdiff(from, to));
                }
            }
        }
        assertThat(rec.infos().stream().filter(m -> m.startsWith("would build"))).containsExactlyInAnyOrderElementsOf(
                expected);
    }

    @Test
    void aDryRunOnAPublishedMirrorReportsOnlyWhatChangedAndTouchesNothing() throws Exception {
        List<byte[]> days = SampleSeries.contents(4, 100_000, 47);
        for (int day = 1; day <= 3; day++) {
            SampleSeries.replace(images.resolve(name(day)), days.get(day - 1));
        }
        MirrorJob.run(request().build(), new Recorder());
        SampleSeries.replace(images.resolve(name(4)), days.get(3));
        Map<String, MirrorTree.FileState> before = MirrorTree.snapshot(mirror);
        List<String> paths = MirrorTree.allPaths(mirror);
        byte[] state = Files.readAllBytes(mirror.resolve(MirrorJob.STATE_DIR + "/state.json"));
        Recorder rec = new Recorder();

        MirrorJob.run(request().dryRun(true).build(), rec);

        assertThat(rec.infos().stream().filter(m -> m.startsWith("would build"))).containsExactlyInAnyOrder(
                "would build rdiffs/" + rdiff(4, 2), "would build rdiffs/" + rdiff(4, 3),
                "would build rdiffs/" + rdiff(1, 4), "would build rdiffs/" + rdiff(2, 4),
                "would build rdiffs/" + rdiff(3, 4));
        assertThat(MirrorTree.snapshot(mirror)).isEqualTo(before);
        assertThat(MirrorTree.allPaths(mirror)).isEqualTo(paths);
        assertThat(Files.readAllBytes(mirror.resolve(MirrorJob.STATE_DIR + "/state.json"))).isEqualTo(state);
    }

    @Test
    void javaAndNativeEnginesPublishTheSameBytes() throws Exception {
        ExternalTools.requireNative();
        SampleSeries.write(images, 4, 300_000, 48);
        Path viaJava = tmp.resolve("java-mirror");
        Path viaNative = tmp.resolve("native-mirror");

        MirrorJob.run(request().mirrorDirectory(viaJava).build(), new Recorder());
        MirrorJob.run(request().engine("native").mirrorDirectory(viaNative).build(), new Recorder());

        List<String> files = MirrorTree.publishedFiles(viaJava);
        assertThat(MirrorTree.publishedFiles(viaNative)).isEqualTo(files);
        assertThat(files).hasSize(2 + 4 + 9);
        for (String f : files) {
            assertThat(Arrays.equals(Files.readAllBytes(viaJava.resolve(f)), Files.readAllBytes(viaNative.resolve(f))))
                    .as("%s is the same from both engines", f).isTrue();
        }
    }

    private static List<String> filenames(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("filename").textValue()));
        return out;
    }

    private static List<String> diffs(JsonNode image) {
        List<String> out = new ArrayList<>();
        image.get("diffs").forEach(d -> out.add(d.get("filename").textValue()));
        return out;
    }
}
