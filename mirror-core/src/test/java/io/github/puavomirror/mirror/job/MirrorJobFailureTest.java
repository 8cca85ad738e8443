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

import io.github.puavomirror.mirror.ImageName;
import io.github.puavomirror.mirror.ImageSeries;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.github.puavomirror.mirror.job.SampleSeries.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad input and concurrent runs: a one-line message naming the culprit, and a mirror left as it was. */
class MirrorJobFailureTest extends JobFolders {
    @Test
    void aMissingImageFolderIsAUsageErrorNamingIt() {
        Path missing = tmp.resolve("no-such-images");

        MirrorException e = catchThrowableOfType(MirrorException.class,
                () -> MirrorJob.run(MirrorRequest.builder(missing).build(), new Recorder()));

        assertThat(e.isUsage()).isTrue();
        assertThat(e.getMessage()).contains(missing.toString()).contains("no such folder").doesNotContain("\n");
        assertThat(missing).doesNotExist();
    }

    @Test
    void anImageFolderThatIsAFileIsAUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("images.txt"), "x");

        MirrorException e = catchThrowableOfType(MirrorException.class,
                () -> MirrorJob.run(MirrorRequest.builder(file).build(), new Recorder()));

        assertThat(e.isUsage()).isTrue();
        assertThat(e.getMessage()).contains(file.toString()).contains("not a folder");
    }

    @Test
    void theMirrorMustNotBeTheImageFolderNorContainIt() throws IOException {
        SampleSeries.write(images, 2, 100_000, 51);

        MirrorException same = catchThrowableOfType(MirrorException.class, () -> MirrorJob.run(
                request().mirrorDirectory(tmp.resolve("x/../images/.")).build(), new Recorder()));
        MirrorException parent = catchThrowableOfType(MirrorException.class, () -> MirrorJob.run(
                request().mirrorDirectory(tmp).build(), new Recorder()));

        assertThat(same.isUsage()).isTrue();
        assertThat(same.getMessage()).contains(images.toString());
        assertThat(parent.isUsage()).isTrue();
        assertThat(parent.getMessage()).contains(tmp.toString());
        assertThat(MirrorTree.allPaths(images)).containsExactlyInAnyOrder(name(1), name(2));
    }

    @Test
    void aSymlinkToTheImageFolderIsStillTheImageFolder() throws IOException {
        SampleSeries.write(images, 2, 100_000, 59);
        Path alias = Files.createSymbolicLink(tmp.resolve("alias"), images);
        Path outer = Files.createSymbolicLink(tmp.resolve("outer"), tmp);

        MirrorException same = catchThrowableOfType(MirrorException.class, () -> MirrorJob.run(
                request().mirrorDirectory(alias).build(), new Recorder()));
        MirrorException parent = catchThrowableOfType(MirrorException.class, () -> MirrorJob.run(
                request().mirrorDirectory(outer.resolve("new-mirror/..")).build(), new Recorder()));

        assertThat(same).isNotNull();
        assertThat(same.isUsage()).isTrue();
        assertThat(same.getMessage()).contains(alias.toString());
        assertThat(parent).isNotNull();
        assertThat(parent.isUsage()).isTrue();
        assertThat(MirrorTree.allPaths(images)).containsExactlyInAnyOrder(name(1), name(2));
    }

    @Test
    void malformedConfigFilesAreNamed() throws Exception {
        SampleSeries.write(images, 2, 100_000, 52);
        Path puavoOs = tmp.resolve("puavo-os");
        Path config = Files.createDirectories(puavoOs.resolve("config/images")).resolve("bookworm.json");

        Files.writeString(config, "{\"s\": [\"" + name(1) + "\"");
        MirrorException truncated = catchThrowableOfType(MirrorException.class, () -> MirrorJob.run(
                request().puavoOsDirectory(puavoOs, false).build(), new Recorder()));
        Files.writeString(config, "{\"s\": 42}");
        MirrorException wrongType = catchThrowableOfType(MirrorException.class, () -> MirrorJob.run(
                request().puavoOsDirectory(puavoOs, false).build(), new Recorder()));
        Files.writeString(config, "{\"s\": [\"" + name(1) + "\", \"" + name(9) + "\"]}");
        MirrorException missingImage = catchThrowableOfType(MirrorException.class, () -> MirrorJob.run(
                request().puavoOsDirectory(puavoOs, false).build(), new Recorder()));

        assertThat(truncated.getMessage()).contains(config.toString()).doesNotContain("\n");
        assertThat(wrongType.getMessage()).contains(config.toString());
        assertThat(missingImage.getMessage()).contains(images.resolve(name(9)).toString()).contains("not found");
        assertThat(mirror).doesNotExist();
    }

    @Test
    void readingConfigWithoutAConfigFolderIsAUsageError() {
        Path puavoOs = tmp.resolve("empty-checkout");

        MirrorException e = catchThrowableOfType(MirrorException.class, () -> MirrorJob.run(
                request().puavoOsDirectory(puavoOs, false).build(), new Recorder()));

        assertThat(e.isUsage()).isTrue();
        assertThat(e.getMessage()).contains(puavoOs.resolve("config/images").toString());
    }

    @Test
    void badRepositoryAndEngineAreUsageErrors() throws IOException {
        SampleSeries.write(images, 2, 100_000, 53);

        MirrorException url = catchThrowableOfType(MirrorException.class, () -> MirrorJob.run(
                request().repositoryUrl("ftp://files.example.org").build(), new Recorder()));
        MirrorException engine = catchThrowableOfType(MirrorException.class, () -> MirrorJob.run(
                request().engine("turbo").build(), new Recorder()));

        assertThat(url.isUsage()).isTrue();
        assertThat(url.getMessage()).contains("ftp://files.example.org");
        assertThat(engine.isUsage()).isTrue();
        assertThat(engine.getMessage()).contains("turbo");
        assertThat(mirror).doesNotExist();
    }

    @Test
    void aTruncatedSquashfsImageFailsTheRunAndLeavesThePublishedMirrorAsItWas() throws Exception {
        String prefix = "puavo-os-sq-bookworm";
        List<Path> files = SampleSeries.writeSquashfs(images, prefix, 3, 120_000, 54);
        MirrorJob.run(request().build(), new Recorder());
        Map<String, MirrorTree.FileState> before = MirrorTree.snapshot(mirror);
        List<String> paths = MirrorTree.allPaths(mirror);
        // A rebuilt image that was cut short: a new file under the same name.
        byte[] whole = Files.readAllBytes(files.get(2));
        SampleSeries.replace(files.get(2), Arrays.copyOf(whole, whole.length / 2));

        MirrorException e = catchThrowableOfType(MirrorException.class,
                () -> MirrorJob.run(request().build(), new Recorder()));

        assertThat(e.isUsage()).isFalse();
        assertThat(e.getMessage()).contains(files.get(2).toString()).contains("truncated").doesNotContain("\n");
        assertThat(MirrorTree.snapshot(mirror)).isEqualTo(before);
        assertThat(MirrorTree.allPaths(mirror)).isEqualTo(paths);
        assertThat(MirrorTree.tempFiles(mirror)).isEmpty();
    }

    @Test
    void strayFilesAreIgnoredAndBadImageEntriesAreWarnedAndSkipped() throws Exception {
        SampleSeries.write(images, 3, 100_000, 55);
        Files.writeString(images.resolve("README.txt"), "notes");
        Files.writeString(images.resolve(name(1) + ".bak"), "old");
        Files.createDirectories(images.resolve("build-logs"));
        Files.writeString(images.resolve("puavo-os-bad.img"), "no stamp");
        Path folder = Files.createDirectories(images.resolve(name(8)));
        Path dangling = Files.createSymbolicLink(images.resolve(name(9)), tmp.resolve("gone.img"));
        Recorder rec = new Recorder();

        MirrorSummary s = MirrorJob.run(request().build(), rec);

        List<String> skipped = rec.warnings().stream().filter(w -> w.contains("skipped")).toList();
        assertThat(skipped).hasSize(3);
        assertThat(skipped).anySatisfy(w -> assertThat(w).contains(images.resolve("puavo-os-bad.img").toString()));
        assertThat(skipped).anySatisfy(w -> assertThat(w).contains(folder.toString()).contains("folder"));
        assertThat(skipped).anySatisfy(w -> assertThat(w).contains(dangling.toString()).contains("dangling"));
        assertThat(rec.warnings()).noneMatch(w -> w.contains("README") || w.contains(".bak")
                || w.contains("build-logs"));
        assertThat(s.images()).isEqualTo(3);
        assertThat(MirrorTree.publishedFiles(mirror)).filteredOn(f -> f.endsWith(".img"))
                .containsExactlyInAnyOrder(name(1), name(2), name(3));
    }

    @Test
    void anExplicitSeriesNamingADanglingSymlinkFailsNamingIt() throws Exception {
        SampleSeries.write(images, 2, 100_000, 56);
        Path dangling = Files.createSymbolicLink(images.resolve(name(3)), tmp.resolve("gone.img"));
        List<ImageName> list = List.of(ImageName.parse(name(1)), ImageName.parse(name(2)), ImageName.parse(name(3)));

        assertThatThrownBy(() -> MirrorJob.run(request().series(List.of(new ImageSeries("s", list))).build(),
                new Recorder()))
                .isInstanceOf(MirrorException.class)
                .hasMessageContaining(dangling.toString()).hasMessageContaining("dangling");
        assertThat(mirror).doesNotExist();
    }

    @Test
    void aSecondRunInTheSameJvmIsRefusedAndTheFirstKeepsItsLock() throws Exception {
        SampleSeries.write(images, 3, 150_000, 57);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        CompletableFuture<MirrorSummary> running = CompletableFuture.supplyAsync(() -> {
            try {
                return MirrorJob.run(request().jobs(1).build(), e -> {
                    if (e instanceof MirrorEvent.StepStarted s && s.step() == MirrorEvent.Step.RDIFF
                            && first.getAndSet(false)) {
                        holding.countDown();
                        awaitQuietly(release);
                    }
                });
            } catch (MirrorException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

            MirrorException refused = catchThrowableOfType(MirrorException.class,
                    () -> MirrorJob.run(request().build(), new Recorder()));

            assertThat(refused.isUsage()).isFalse();
            assertThat(refused.getMessage()).contains(mirror.toString()).contains("another run")
                    .contains("pid " + ProcessHandle.current().pid());
            // The refusal must not have dropped the OS lock: another process still finds it taken.
            Process probe = ChildJvm.start("probe", mirror.resolve(MirrorJob.STATE_DIR + "/lock").toString());
            assertThat(probe.waitFor()).as("lock still held for other processes").isEqualTo(ChildJvm.LOCKED);
        } finally {
            release.countDown();
        }
        assertThat(running.get(30, TimeUnit.SECONDS).rdiffsBuilt()).isEqualTo(6);
        assertThat(MirrorJob.run(request().build(), new Recorder()).upToDate()).isTrue();
    }

    @Test
    void aRunInAnotherProcessHoldsTheLockAndIsNamed() throws Exception {
        SampleSeries.write(images, 3, 150_000, 58);
        Process child = ChildJvm.start("hold", images.toString(), mirror.toString());
        try {
            BufferedReader out = ChildJvm.stdout(child);
            ChildJvm.await(child, out, ChildJvm.HOLDING);

            MirrorException refused = catchThrowableOfType(MirrorException.class,
                    () -> MirrorJob.run(request().build(), new Recorder()));

            assertThat(refused.getMessage()).contains(mirror.toString()).contains("pid " + child.pid());
            child.getOutputStream().close();
            ChildJvm.await(child, out, ChildJvm.DONE);
            assertThat(child.waitFor()).isZero();
        } finally {
            child.destroy();
        }
        MirrorSummary after = MirrorJob.run(request().build(), new Recorder());
        assertThat(after.rdiffsBuilt()).as("the other process published everything").isZero();
        assertThat(after.rdiffs()).isEqualTo(6);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
