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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.ImageSeries;
import io.github.puavomirror.rdiff.SignatureOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.github.puavomirror.mirror.job.SampleSeries.rdiff;
import static org.assertj.core.api.Assertions.assertThat;

/** Second and later runs: what is rebuilt, what is left alone, and what the metas say afterwards. */
class MirrorJobIncrementalTest extends JobFolders {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERIES = SampleSeries.series(SampleSeries.PREFIX);

    @Test
    void aRunWithNothingChangedWritesNothing() throws Exception {
        SampleSeries.write(images, 5, 200_000, 31);
        MirrorJob.run(request().build(), new Recorder());
        Map<String, MirrorTree.FileState> before = MirrorTree.snapshot(mirror);

        Recorder rec = new Recorder();
        MirrorSummary again = MirrorJob.run(request().build(), rec);

        assertThat(again.filesWritten()).isZero();
        assertThat(again.rdiffsBuilt()).isZero();
        assertThat(again.upToDate()).isTrue();
        assertThat(again.rdiffs()).isEqualTo(12);
        assertThat(rec.planned().rdiffsToBuild()).isZero();
        assertThat(rec.planned().rdiffsUpToDate()).isEqualTo(12);
        assertThat(rec.events()).as("no image is read again, nothing is written")
                .noneMatch(e -> e instanceof MirrorEvent.StepStarted);
        assertThat(MirrorTree.snapshot(mirror)).isEqualTo(before);
    }

    @Test
    void aNewerImageGetsOnlyTheRdiffsItNeedsAndOldTargetsLeaveTheMeta() throws Exception {
        List<byte[]> days = SampleSeries.contents(5, 200_000, 32);
        for (int day = 1; day <= 4; day++) {
            SampleSeries.replace(images.resolve(SampleSeries.name(day)), days.get(day - 1));
        }
        MirrorJob.run(request().build(), new Recorder());
        Map<String, MirrorTree.FileState> before = MirrorTree.snapshot(mirror);
        // Day 5 appears: the targets move from 2, 3, 4 to 3, 4, 5.
        SampleSeries.replace(images.resolve(SampleSeries.name(5)), days.get(4));

        Recorder rec = new Recorder();
        MirrorSummary s = MirrorJob.run(request().build(), rec);

        assertThat(rec.built()).containsExactlyInAnyOrder(rdiff(5, 3), rdiff(5, 4),
                rdiff(1, 5), rdiff(2, 5), rdiff(3, 5), rdiff(4, 5));
        assertThat(s.rdiffsBuilt()).isEqualTo(6);
        assertThat(s.filesWritten()).as("1 link, 6 rdiffs, meta, CKSUMS").isEqualTo(9);
        Map<String, MirrorTree.FileState> after = MirrorTree.snapshot(mirror);
        for (String kept : List.of(rdiff(1, 3), rdiff(2, 3), rdiff(4, 3), rdiff(1, 4), rdiff(2, 4), rdiff(3, 4))) {
            assertThat(after.get("rdiffs/" + kept)).as(kept + " untouched").isEqualTo(before.get("rdiffs/" + kept));
        }
        // No longer a target: the files stay until prune, but no meta or CKSUMS line names them.
        String meta = Files.readString(mirror.resolve("meta/" + SERIES + ".json"));
        String cksums = Files.readString(mirror.resolve("CKSUMS"));
        for (String stale : List.of(rdiff(1, 2), rdiff(3, 2), rdiff(4, 2))) {
            assertThat(after.get("rdiffs/" + stale)).isEqualTo(before.get("rdiffs/" + stale));
            assertThat(meta).doesNotContain(stale);
            assertThat(cksums).doesNotContain(stale);
        }
        assertThat(diffsOf(meta, 2)).isEmpty();
        assertThat(diffsOf(meta, 5)).containsExactly(rdiff(1, 5), rdiff(2, 5), rdiff(3, 5), rdiff(4, 5));
        assertThat(cksums.lines()).hasSize(5 + 12);
    }

    @Test
    void aNewBlockSizeRebuildsEveryRdiff() throws Exception {
        SampleSeries.write(images, 4, 200_000, 33);
        MirrorJob.run(request().build(), new Recorder());
        Map<String, MirrorTree.FileState> before = MirrorTree.snapshot(mirror);
        MirrorRequest bigger = request().signature(new SignatureOptions(null, 512, 0)).build();

        MirrorSummary s = MirrorJob.run(bigger, new Recorder());

        assertThat(s.rdiffsBuilt()).isEqualTo(9);
        Map<String, MirrorTree.FileState> after = MirrorTree.snapshot(mirror);
        long changed = after.keySet().stream().filter(k -> k.startsWith("rdiffs/"))
                .filter(k -> !after.get(k).sha256().equals(before.get(k).sha256())).count();
        assertThat(changed).as("512-byte blocks match differently from 128-byte ones").isPositive();
        assertThat(after.get("meta/" + SERIES + ".json").sha256())
                .isNotEqualTo(before.get("meta/" + SERIES + ".json").sha256());
        assertThat(MirrorJob.run(bigger, new Recorder()).rdiffsBuilt()).as("and then they are up to date").isZero();
    }

    @Test
    void aReplacedSourceImageRebuildsTheRdiffsMadeFromItAndUpdatesTheMeta() throws Exception {
        List<Path> files = SampleSeries.write(images, 4, 200_000, 34);
        MirrorJob.run(request().build(), new Recorder());
        Map<String, MirrorTree.FileState> before = MirrorTree.snapshot(mirror);
        byte[] rebuilt = SampleSeries.evolve(Files.readAllBytes(files.get(0)), new Random(99));
        SampleSeries.replace(files.get(0), rebuilt);

        Recorder rec = new Recorder();
        MirrorJob.run(request().build(), rec);

        // Day 1 is no target (targets are 2, 3, 4), so only the rdiffs from it change.
        assertThat(rec.built()).containsExactlyInAnyOrder(rdiff(1, 2), rdiff(1, 3), rdiff(1, 4));
        Path published = mirror.resolve(SampleSeries.name(1));
        assertThat(Files.isSameFile(published, files.get(0))).as("the mirror links the new file").isTrue();
        assertThat(Files.readAllBytes(published)).isEqualTo(rebuilt);
        JsonNode img = image(1);
        assertThat(img.get("sha512").textValue()).isEqualTo(MirrorTree.sha512(rebuilt));
        assertThat(img.get("size").longValue()).isEqualTo(rebuilt.length);
        for (String rd : List.of(rdiff(1, 2), rdiff(1, 3), rdiff(1, 4))) {
            byte[] bytes = Files.readAllBytes(mirror.resolve("rdiffs/" + rd));
            assertThat(diffSha512(rd)).isEqualTo(MirrorTree.sha512(bytes));
            assertThat(MirrorTree.sha256(bytes)).isNotEqualTo(before.get("rdiffs/" + rd).sha256());
        }
        assertThat(MirrorTree.tempFiles(mirror)).isEmpty();
    }

    @Test
    void anImageRewrittenInPlaceIsNoticedByItsMtime() throws Exception {
        List<Path> files = SampleSeries.write(images, 3, 150_000, 35);
        MirrorJob.run(request().build(), new Recorder());
        byte[] content = Files.readAllBytes(files.get(2));
        content[1000] ^= 1;
        // Same size and inode: only the mtime tells the job, as it would after a real rebuild.
        FileTime mtime = Files.getLastModifiedTime(files.get(2));
        Files.write(files.get(2), content);
        Files.setLastModifiedTime(files.get(2), FileTime.fromMillis(mtime.toMillis() + 2000));

        Recorder rec = new Recorder();
        MirrorJob.run(request().build(), rec);

        assertThat(rec.built()).containsExactlyInAnyOrder(rdiff(1, 3), rdiff(2, 3), rdiff(3, 1), rdiff(3, 2));
        assertThat(image(3).get("sha512").textValue()).isEqualTo(MirrorTree.sha512(content));
    }

    @Test
    void removingAnImageFromAnExplicitSeriesRewritesTheMeta() throws Exception {
        SampleSeries.write(images, 5, 150_000, 36);
        List<ImageName> all = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            all.add(ImageName.parse(SampleSeries.name(day)));
        }
        MirrorJob.run(request().series(List.of(new ImageSeries("explicit", all))).build(), new Recorder());
        List<ImageName> without3 = new ArrayList<>(all);
        without3.remove(2);

        Recorder rec = new Recorder();
        MirrorSummary s = MirrorJob.run(request().series(List.of(new ImageSeries("explicit", without3))).build(),
                rec);

        // Targets become 2, 4, 5: only day 2's rdiffs are new.
        assertThat(rec.built()).containsExactlyInAnyOrder(rdiff(1, 2), rdiff(4, 2), rdiff(5, 2));
        assertThat(s.images()).isEqualTo(4);
        String meta = Files.readString(mirror.resolve("meta/explicit.json"));
        JsonNode list = JSON.readTree(meta).get("explicit").get("images");
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.get("filename").textValue()));
        assertThat(names).containsExactly(SampleSeries.name(1), SampleSeries.name(2), SampleSeries.name(4),
                SampleSeries.name(5));
        assertThat(meta).doesNotContain("2024-01-03");
        assertThat(Files.readString(mirror.resolve("CKSUMS"))).doesNotContain("2024-01-03");
        assertThat(mirror.resolve(SampleSeries.name(3))).as("left for prune").exists();
    }

    @Test
    void publishedFilesThatWereRemovedOrEditedArePutBack() throws Exception {
        SampleSeries.write(images, 4, 150_000, 38);
        MirrorJob.run(request().build(), new Recorder());
        Map<String, MirrorTree.FileState> before = MirrorTree.snapshot(mirror);
        Files.delete(mirror.resolve("rdiffs/" + rdiff(1, 3)));
        Files.delete(mirror.resolve(SampleSeries.name(2)));
        Files.writeString(mirror.resolve("CKSUMS"), "0 0 edited.img\n");
        Files.writeString(mirror.resolve("meta/" + SERIES + ".json"), "{}");

        Recorder rec = new Recorder();
        MirrorSummary s = MirrorJob.run(request().build(), rec);

        assertThat(rec.built()).containsExactly(rdiff(1, 3));
        assertThat(s.filesWritten()).as("rdiff, link, meta, CKSUMS").isEqualTo(4);
        Map<String, MirrorTree.FileState> after = MirrorTree.snapshot(mirror);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String f : after.keySet()) {
            assertThat(after.get(f).sha256()).as(f).isEqualTo(before.get(f).sha256());
        }
        assertThat(Files.isSameFile(mirror.resolve(SampleSeries.name(2)), images.resolve(SampleSeries.name(2))))
                .isTrue();
    }

    @Test
    void aNewRepositoryRewritesOnlyTheMeta() throws Exception {
        SampleSeries.write(images, 3, 150_000, 37);
        MirrorJob.run(request().repositoryUrl("https://old.example.org").build(), new Recorder());
        Map<String, MirrorTree.FileState> before = MirrorTree.snapshot(mirror);

        MirrorSummary s = MirrorJob.run(request().repositoryUrl("https://new.example.org").build(), new Recorder());

        assertThat(s.filesWritten()).isEqualTo(1);
        assertThat(s.rdiffsBuilt()).isZero();
        Map<String, MirrorTree.FileState> after = MirrorTree.snapshot(mirror);
        Map<String, MirrorTree.FileState> changed = new TreeMap<>(after);
        changed.entrySet().removeIf(e -> e.getValue().equals(before.get(e.getKey())));
        assertThat(changed).containsOnlyKeys("meta/" + SERIES + ".json");
        assertThat(Files.readString(mirror.resolve("meta/" + SERIES + ".json")))
                .contains("https://new.example.org/").doesNotContain("old.example.org");
    }

    private JsonNode image(int day) throws IOException {
        for (JsonNode n : JSON.readTree(mirror.resolve("meta/" + SERIES + ".json").toFile()).get(SERIES)
                .get("images")) {
            if (n.get("filename").textValue().equals(SampleSeries.name(day))) {
                return n;
            }
        }
        throw new AssertionError("no image of day " + day);
    }

    private String diffSha512(String rdiffName) throws IOException {
        for (JsonNode n : JSON.readTree(mirror.resolve("meta/" + SERIES + ".json").toFile()).get(SERIES)
                .get("images")) {
            for (JsonNode d : n.get("diffs")) {
                if (d.get("filename").textValue().equals(rdiffName)) {
                    return d.get("sha512").textValue();
                }
            }
        }
        throw new AssertionError("no diff " + rdiffName);
    }

    private static List<String> diffsOf(String meta, int day) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(meta).get(SERIES).get("images")) {
            if (n.get("filename").textValue().equals(SampleSeries.name(day))) {
                n.get("diffs").forEach(d -> out.add(d.get("filename").textValue()));
            }
        }
        return out;
    }
}
