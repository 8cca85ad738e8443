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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What prune frees, what it keeps, and when it refuses. */
class PruneTest {
    @TempDir
    Path tmp;
    GoodRun good;
    final List<String> lines = new ArrayList<>();

    @BeforeEach
    void publish() throws IOException {
        good = GoodRun.publish(tmp);
    }

    private PruneReport prune(boolean dryRun) throws MirrorException {
        lines.clear();
        return MirrorPrune.run(new PruneRequest(good.mirror, dryRun), e -> {
            if (e instanceof MirrorEvent.Info i) {
                lines.add(i.message());
            }
        });
    }

    /** An unlisted image, an unlisted rdiff and a temporary file in each folder a run writes to. */
    private List<Path> strays() throws IOException {
        Path rdiffs = good.mirror.resolve(MirrorJob.RDIFFS_DIR);
        List<Path> out = List.of(
                good.mirror.resolve(SampleSeries.name(9)),
                rdiffs.resolve("puavo-os-test-bookworm-2024-01-01-120000--2024-01-09-120000-amd64.rdiff"),
                good.mirror.resolve("." + SampleSeries.name(5) + ".0badc0ffee.tmp"),
                rdiffs.resolve("." + SampleSeries.rdiff(2, 9) + ".17.tmp"),
                good.mirror.resolve("meta").resolve("." + GoodRun.SERIES + ".json.abc.tmp"),
                good.mirror.resolve(MirrorJob.STATE_DIR).resolve(".state.json.ff.tmp"));
        int n = 1;
        for (Path p : out) {
            Files.write(p, new byte[100 * n++]);
        }
        return out;
    }

    @Test
    void removesWhatNoMetaListsAndTemporaryFilesPrintingEachWithItsSize() throws Exception {
        List<Path> strays = strays();
        MirrorSnapshot listed = MirrorSnapshot.of(good.mirror);

        PruneReport r = prune(false);

        assertThat(r.dryRun()).isFalse();
        assertThat(r.removals()).extracting(PruneReport.Removal::file).containsExactlyInAnyOrderElementsOf(strays);
        assertThat(r.totalBytes()).isEqualTo(100 + 200 + 300 + 400 + 500 + 600);
        assertThat(strays).allMatch(p -> !Files.exists(p));
        assertThat(lines).hasSize(6).allMatch(l -> l.startsWith("removed ") && l.matches(".* \\(\\d+ bytes, .*\\)"));
        assertThat(lines).anyMatch(l -> l.equals("removed " + SampleSeries.name(9) + " (100 bytes, image listed in no meta)"));
        assertThat(MirrorSnapshot.of(good.mirror).changesSince(listed))
                .allMatch(c -> c.startsWith("removed ")).hasSize(5);
        assertThat(good.verify(false).warnings()).isEmpty();
        assertThat(good.verify(true).problems()).isEmpty();
    }

    @Test
    void aDryRunRemovesNothingButListsTheSame() throws Exception {
        List<Path> strays = strays();
        MirrorSnapshot before = MirrorSnapshot.of(good.mirror);

        PruneReport dry = prune(true);

        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.removals()).extracting(PruneReport.Removal::file).containsExactlyInAnyOrderElementsOf(strays);
        assertThat(dry.totalBytes()).isEqualTo(2100);
        assertThat(lines).hasSize(6).allMatch(l -> l.startsWith("would remove "));
        assertThat(MirrorSnapshot.of(good.mirror).changesSince(before)).isEmpty();
        assertThat(strays).allMatch(Files::exists);
    }

    @Test
    void refusesWhenAMetaCannotBeRead() throws Exception {
        strays();
        Path broken = good.mirror.resolve("meta").resolve("puavo-os-other-bullseye-amd64.json");
        Files.writeString(broken, "{\"puavo-os-other-bullseye-amd64\": {\"images\": [");
        MirrorSnapshot before = MirrorSnapshot.of(good.mirror);

        MirrorException e = catchThrowableOfType(MirrorException.class, () -> prune(false));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(broken.toString()).contains("cannot tell what it lists")
                .doesNotContain("\n");
        assertThat(MirrorSnapshot.of(good.mirror).changesSince(before)).isEmpty();
    }

    @Test
    void afterKeepingTheNewestTwoPruneFreesTheRestAndTheMirrorVerifies() throws Exception {
        MirrorJob.run(good.request().keep(2).build(), MirrorListener.NONE);

        JsonNode images = new ObjectMapper().readTree(good.mirror.resolve("meta").resolve(GoodRun.SERIES + ".json").toFile())
                .get(GoodRun.SERIES).get("images");
        assertThat(images.findValuesAsText("filename")).containsExactlyInAnyOrder(
                SampleSeries.name(3), "puavo-os-test-bookworm-2024-01-04-120000--2024-01-03-120000-amd64.rdiff",
                SampleSeries.name(4), "puavo-os-test-bookworm-2024-01-03-120000--2024-01-04-120000-amd64.rdiff");
        assertThat(PublishedCheck.entries(good.mirror)).isEmpty();

        PruneReport r = prune(false);

        // Images 1 and 2, and the 7 rdiffs that come from or go to them.
        assertThat(r.removals()).hasSize(2 + 7);
        assertThat(r.totalBytes()).isEqualTo(r.removals().stream().mapToLong(PruneReport.Removal::size).sum());
        assertThat(r.removals()).allMatch(x -> x.size() > 0);
        try (Stream<Path> left = Files.list(good.mirror.resolve(MirrorJob.RDIFFS_DIR))) {
            assertThat(left.count()).isEqualTo(2);
        }
        assertThat(good.images.resolve(SampleSeries.name(1))).as("the image folder keeps its files").exists();
        VerifyReport v = good.verify(true);
        assertThat(v.problems()).isEmpty();
        assertThat(v.warnings()).isEmpty();
        assertThat(v.rdiffsApplied()).isEqualTo(2);
        assertThat(prune(false).removals()).isEmpty();
    }

    @Test
    void refusesAFolderWithoutMetasSuchAsTheImageFolder() throws Exception {
        MirrorException e = catchThrowableOfType(MirrorException.class,
                () -> MirrorPrune.run(new PruneRequest(good.images, false), MirrorListener.NONE));

        assertThat(e).isNotNull();
        assertThat(e.isUsage()).isTrue();
        assertThat(e.getMessage()).startsWith(good.images + ": no meta/*.json").contains("nothing was removed");
        try (Stream<Path> files = Files.list(good.images)) {
            assertThat(files.filter(p -> p.toString().endsWith(".img")).count()).isEqualTo(GoodRun.IMAGES);
        }
    }
}
