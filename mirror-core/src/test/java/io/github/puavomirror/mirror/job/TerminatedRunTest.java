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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run ended by SIGTERM (or SIGINT) leaves no temporary file: not in the mirror (staged images
 * and rdiffs, kept versions), not in its state folder (librsync's spool), not in the system's
 * temporary folder. The child gets a private {@code java.io.tmpdir} to show the last.
 */
class TerminatedRunTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"java", "native"})
    void aTerminatedRunLeavesNoTemporaryFile(String engine) throws Exception {
        ExternalTools.require("bash");
        if (engine.equals("native")) {
            ExternalTools.requireNative();
        }
        Path images = Files.createDirectories(tmp.resolve("images"));
        SampleSeries.write(images, 4, 400_000, 23);
        Path privateTmp = Files.createDirectories(tmp.resolve("java-tmp"));
        Map<String, String> opts = new TreeMap<>(Map.of("images", images.toString(), "engine", engine,
                "tmpdir", privateTmp.toString(), "step", "true"));

        for (int delayMs : new int[] {0, 5, 40}) {
            try (ChildJob.Handle child = ChildJob.start(opts, 0)) {
                String line;
                int rdiffs = 0;
                while ((line = child.next()) != null && !(line.startsWith("E StepFinished[step=RDIFF") && ++rdiffs == 2)) {
                    child.go();
                }
                assertThat(line).as("the child reached its second rdiff: %s", child.lines).isNotNull();
                // A staged rdiff is waiting for the others; the next one is being made.
                child.go();
                Thread.sleep(delayMs);
                child.terminate();
            }
            Path mirror = images.resolve("mirror");
            assertThat(MirrorSnapshot.tempFiles(mirror)).as("after SIGTERM %d ms into an rdiff", delayMs).isEmpty();
            try (Stream<Path> left = Files.list(privateTmp)) {
                assertThat(left.toList()).as("java.io.tmpdir after SIGTERM").isEmpty();
            }
        }
    }

    @Test
    void theNextRunRemovesWhatAKilledRunLeftAndNothingElse() throws Exception {
        GoodRun good = GoodRun.publish(tmp);
        Path state = good.mirror.resolve(MirrorJob.STATE_DIR);
        Path rdiffs = good.mirror.resolve(MirrorJob.RDIFFS_DIR);
        List<Path> ours = List.of(
                Files.write(state.resolve(".puavo-rdiff-native.3f2a9c01d4e5b6a7.tmp"), new byte[100]),
                Files.write(state.resolve(".state.json.1a2b.tmp"), new byte[10]),
                Files.write(rdiffs.resolve("." + SampleSeries.rdiff(1, 2) + ".9e8d7c6b5a493827.tmp"), new byte[10]),
                Files.write(good.mirror.resolve("meta").resolve("." + GoodRun.SERIES + ".json.c0ffee.tmp"), new byte[10]),
                Files.write(good.mirror.resolve(".CKSUMS.badc0de.tmp"), new byte[10]));
        List<Path> notOurs = List.of(
                Files.write(rdiffs.resolve(".keep.abc.tmp"), new byte[10]),
                Files.write(rdiffs.resolve("README.txt"), new byte[10]),
                Files.write(good.mirror.resolve(".my-notes.0.tmp"), new byte[10]));

        MirrorJob.run(good.request().build(), MirrorListener.NONE);

        assertThat(ours).allSatisfy(p -> assertThat(p).doesNotExist());
        assertThat(notOurs).allSatisfy(p -> assertThat(p).exists());
    }
}
