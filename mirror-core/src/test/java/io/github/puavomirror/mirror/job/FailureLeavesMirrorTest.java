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

import io.github.puavomirror.rdiff.SignatureOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run that fails leaves every file that was published as it was (bytes, mtime, inode) and no
 * temporary file behind: images and rdiffs are made under temporary names and go in place only
 * when all of them are ready.
 *
 * <p>An rdiff that fails its check: {@link RdiffCheckFailureTest}.
 */
class FailureLeavesMirrorTest {
    @TempDir
    Path tmp;
    GoodRun good;
    MirrorSnapshot before;

    @BeforeEach
    void publish() throws IOException {
        good = GoodRun.publish(tmp);
        before = MirrorSnapshot.of(good.mirror);
    }

    @Test
    void aTruncatedSquashfsImageFailsBeforeAnythingIsWritten() throws Exception {
        byte[] squashfs;
        try (InputStream in = getClass().getResourceAsStream("/squashfs/gzip.sqsh")) {
            squashfs = in.readAllBytes();
        }
        Path bad = good.images.resolve(SampleSeries.name(5));
        Files.write(bad, Arrays.copyOf(squashfs, squashfs.length / 2));

        MirrorException e = good.runExpectingFailure(good.request().build());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(bad.toString()).doesNotContain("\n");
        assertUnchanged();
    }

    @Test
    void anImageThatIsAFifoFailsWhenAConfigListsIt() throws Exception {
        ExternalTools.require("mkfifo");
        Path fifo = good.images.resolve(SampleSeries.name(5));
        GoodRun.exec("mkfifo", fifo.toString());
        Path puavoOs = good.config("bookworm.json", GoodRun.seriesJson(SampleSeries.name(5)));

        MirrorException e = good.runExpectingFailure(good.request().puavoOsDirectory(puavoOs, false).build());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(fifo.toString()).contains("not a regular file");
        assertUnchanged();
    }

    @Test
    void aMalformedConfigFailsNamingTheFile() throws Exception {
        Path puavoOs = good.config("bookworm.json", "{\"" + GoodRun.SERIES + "\": [\"" + SampleSeries.name(1) + "\",");

        MirrorException e = good.runExpectingFailure(good.request().puavoOsDirectory(puavoOs, false).build());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(puavoOs.resolve("config/images/bookworm.json").toString())
                .contains("invalid JSON").doesNotContain("\n");
        assertUnchanged();
    }

    @Test
    void aWriteErrorBeforePublishingLeavesNothing() throws Exception {
        addFreshImage(5);

        // 1 KiB: not even the job's state fits, so the first write of the run fails.
        String last = runChildUnderLimit(1, Map.of());

        assertThat(last).startsWith("ERR job " + good.mirror.resolve(MirrorJob.STATE_DIR)).contains("File too large");
        assertUnchanged();
    }

    @Test
    void aWriteErrorWhileMakingRdiffsChangesNoPublishedFile() throws Exception {
        addFreshImage(5);

        // 48 KiB: the state and metas fit, the rdiffs to and from an image of new random bytes do not.
        String last = runChildUnderLimit(48, Map.of());

        assertThat(last).startsWith("ERR job ").contains("File too large").contains(".rdiff");
        assertUnchanged();
        assertNextRunCompletes();
    }

    @Test
    void aFailedRunThatReplacesFilesChangesNothing() throws Exception {
        // A block size change rebuilds every rdiff under its name. The new rdiffs are made under
        // temporary names, and the metas withdraw the old ones only once all are ready, so a run
        // that fails while making them changes nothing. The limit would let the state, metas and
        // CKSUMS be written, and stops the largest rdiff.
        long largestOther = 0;
        for (String f : List.of(MirrorJob.STATE_DIR + "/state.json", "meta/" + GoodRun.SERIES + ".json", "CKSUMS")) {
            largestOther = Math.max(largestOther, Files.size(good.mirror.resolve(f)));
        }
        long kib = largestOther / 1024 + 2;
        long largestRdiff;
        try (var rdiffs = Files.list(good.mirror.resolve(MirrorJob.RDIFFS_DIR))) {
            largestRdiff = rdiffs.mapToLong(p -> p.toFile().length()).max().orElse(0);
        }
        assertThat(largestRdiff).as("an rdiff larger than the limit").isGreaterThan(kib * 1024);

        String last = runChildUnderLimit(kib, Map.of("block", "256"));

        assertThat(last).startsWith("ERR job ").contains("File too large").contains(".rdiff");
        assertUnchanged();
        MirrorJob.run(good.request().signature(SignatureOptions.PUAVO_BOOKWORM.withBlockLength(256)).build(),
                MirrorListener.NONE);
        assertThat(good.verify(true).problems()).isEmpty();
    }

    /** An image of new random bytes: no rdiff to or from it is small. */
    private Path addFreshImage(int day) throws IOException {
        byte[] data = new byte[GoodRun.SIZE];
        new Random(day).nextBytes(data);
        Path p = good.images.resolve(SampleSeries.name(day));
        Files.write(p, data);
        return p;
    }

    private String runChildUnderLimit(long kib, Map<String, String> extra) throws Exception {
        ExternalTools.require("bash");
        Map<String, String> opts = new TreeMap<>(extra);
        opts.put("images", good.images.toString());
        try (ChildJob.Handle child = ChildJob.start(opts, kib)) {
            int status = child.finish();
            assertThat(status).as(String.join("\n", child.lines)).isEqualTo(1);
            return child.last();
        }
    }

    private void assertUnchanged() throws IOException {
        assertThat(MirrorSnapshot.of(good.mirror).changesSince(before)).isEmpty();
        assertThat(MirrorSnapshot.tempFiles(good.mirror)).isEmpty();
    }

    private void assertNextRunCompletes() throws Exception {
        MirrorJob.run(good.request().build(), MirrorListener.NONE);
        VerifyReport report = good.verify(true);
        assertThat(report.problems()).isEmpty();
        assertThat(PublishedCheck.entries(good.mirror)).isEmpty();
    }
}
