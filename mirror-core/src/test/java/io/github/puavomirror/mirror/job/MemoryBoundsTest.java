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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an image can make a run hold is bounded, and a run that would need more heap than it has
 * fails before it writes anything, with one line naming the image: in a heap-limited child JVM,
 * the published mirror compared byte for byte before and after.
 */
class MemoryBoundsTest {
    @Test
    void aSourceWhoseIndexCannotFitFailsBeforeAnythingIsWritten(@TempDir Path tmp) throws Exception {
        GoodRun good = GoodRun.publish(tmp);
        MirrorSnapshot before = MirrorSnapshot.of(good.mirror);
        // 100 MiB at 16-byte blocks: an index of more than the 108 MiB (85 %) a 128 MiB heap gives
        // indexes. The image is sparse: nothing is written for it.
        Path big = good.images.resolve(SampleSeries.name(5));
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(100L << 20);
        }

        String last = runChild(good, Map.of("block", "16", "heap", "128m"));

        assertThat(last).startsWith("ERR job " + SampleSeries.name(5) + ": indexing it for rdiffs needs ")
                .contains(" of heap, 85 % of a ").endsWith("; this JVM has 128 MiB");
        assertThat(MirrorSnapshot.of(good.mirror).changesSince(before)).isEmpty();
        assertThat(MirrorSnapshot.tempFiles(good.mirror)).isEmpty();
    }

    @Test
    void anImageWithMorePuavoConfThanFourMibIsRefused(@TempDir Path tmp) throws Exception {
        ExternalTools.require("mksquashfs");
        GoodRun good = GoodRun.publish(tmp);
        MirrorSnapshot before = MirrorSnapshot.of(good.mirror);
        // Three definitions of 1.5 MiB each: a few KiB of squashfs, 4.5 MiB of puavo-conf.
        Path tree = Files.createDirectories(tmp.resolve("tree/usr/share/puavo-conf/definitions"));
        for (String name : new String[] {"10-a", "20-b", "30-c"}) {
            Files.writeString(tree.resolve(name + ".json"), "{\"puavo.big." + name + "\": {\"default\": \""
                    + "x".repeat(3 << 19) + "\"}}\n", StandardCharsets.UTF_8);
        }
        Path image = good.images.resolve(SampleSeries.name(5));
        ExternalTools.run(tmp, "mksquashfs", tmp.resolve("tree").toString(), image.toString(), "-noappend",
                "-all-root", "-mkfs-time", "0", "-all-time", "0", "-no-xattrs", "-no-progress", "-quiet",
                "-processors", "1");

        String last = runChild(good, Map.of("heap", "256m"));

        assertThat(last).isEqualTo("ERR job " + image + ": puavo-conf is over the 4 MiB an image may carry"
                + " (its definition files pass it at /usr/share/puavo-conf/definitions/30-c.json)");
        assertThat(MirrorSnapshot.of(good.mirror).changesSince(before)).isEmpty();
        assertThat(MirrorSnapshot.tempFiles(good.mirror)).isEmpty();
    }

    /** Runs a child job on {@code good}'s images, expecting it to fail with one line and no stack trace. */
    private static String runChild(GoodRun good, Map<String, String> options) throws Exception {
        Map<String, String> opts = new TreeMap<>(options);
        opts.put("images", good.images.toString());
        try (ChildJob.Handle child = ChildJob.start(opts, 0)) {
            int status = child.finish();
            assertThat(status).as(String.join("\n", child.lines)).isEqualTo(1);
            assertThat(child.lines).as("no stack trace").noneMatch(l -> l.startsWith("\tat ")
                    || l.startsWith("Exception in thread"));
            return child.last();
        }
    }
}
