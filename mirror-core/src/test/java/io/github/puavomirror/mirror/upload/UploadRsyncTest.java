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
package io.github.puavomirror.mirror.upload;

import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.MirrorVerify;
import io.github.puavomirror.mirror.job.SampleSeries;
import io.github.puavomirror.mirror.job.VerifyRequest;
import io.github.puavomirror.mirror.upload.UploadReport.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads through the system rsync over ssh to a real sshd on loopback. */
class UploadRsyncTest {
    /** Slow enough (KiB/s) that an upload of 1 MiB images can be killed half-way. */
    private static final String SLOW = "64";

    @TempDir
    Path tmp;

    private SshServer sshd;
    private Path dest;

    @BeforeEach
    void startSshd() throws Exception {
        sshd = SshServer.start(tmp.resolve("ssh"));
        dest = tmp.resolve("served");
    }

    @AfterEach
    void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private UploadRequest.Builder request(SampleMirror m, String destination) {
        return UploadRequest.builder(m.mirror, destination).rsh(sshd.rsh);
    }

    private static void assertServedMirrorOk(Path dir) throws MirrorException {
        assertThat(MirrorVerify.run(new VerifyRequest(dir, false, null, 2), MirrorListener.NONE).problems()).isEmpty();
    }

    @Test
    void uploadsANewImageAndDeletesARemovedOneInOrderWhileAClientReads() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 3);
        String hostPath = sshd.user + "@127.0.0.1:" + dest;
        UploadRequest first = UploadRequest.builder(m.mirror, hostPath).rsh(sshd.rsh + " -p " + sshd.port).build();
        try (ClientLoop client = ClientLoop.start(dest)) {
            UploadReport r = Upload.run(first, MirrorListener.NONE);
            assertThat(client.stop()).isEmpty();
            assertThat(r.filesSent()).isPositive();
        }
        assertServedMirrorOk(dest);
        assertThat(Upload.run(request(m, sshd.url(dest)).build(), MirrorListener.NONE).upToDate()).isTrue();

        m.republish(4, 3, 256);
        Map<String, Long> before = UploadFolderTest.snapshot(dest);
        UploadReport dry = Upload.run(request(m, sshd.url(dest)).dryRun(true).delete(true).grace("0").build(),
                MirrorListener.NONE);
        assertThat(UploadFolderTest.snapshot(dest)).isEqualTo(before);
        UploadReport r;
        List<MirrorEvent> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (ClientLoop client = ClientLoop.start(dest)) {
            // Slow enough for rsync to report the 1 MiB image's progress a few times on the way.
            r = Upload.run(request(m, sshd.url(dest)).delete(true).grace("0").bwlimit("256").build(), events::add);
            assertThat(client.stop()).isEmpty();
        }
        String image = SampleSeries.name(4);
        List<Long> progress = events.stream().filter(e -> e instanceof MirrorEvent.StepProgress p && p.name().equals(image))
                .map(e -> ((MirrorEvent.StepProgress) e).doneBytes()).toList();
        long size = Files.size(m.mirror.resolve(image));
        assertThat(progress).as("rsync's byte progress for " + image).isSorted().contains(size)
                .anyMatch(b -> b > 0 && b < size);
        assertThat(events.indexOf(new MirrorEvent.StepProgress(MirrorEvent.Step.UPLOAD, image, size, size)))
                .isLessThan(events.stream().filter(e -> e instanceof MirrorEvent.StepFinished f && f.step() == MirrorEvent.Step.UPLOAD
                                && f.name().equals(image))
                        .map(events::indexOf).findFirst().orElseThrow());
        List<Kind> kinds = r.actions().stream().map(UploadReport.Action::kind).toList();
        assertThat(kinds).containsSubsequence(Kind.SEND, Kind.META, Kind.CKSUMS, Kind.DELETE);
        assertThat(dry.actions()).isEqualTo(r.actions());
        assertThat(dest.resolve(SampleSeries.name(1))).doesNotExist();
        assertThat(dest.resolve(SampleSeries.name(4))).exists();
        assertServedMirrorOk(dest);
    }

    @Test
    void rdiffsRebuiltWithOtherBytesAreReplacedWithoutAClientSeeingThem() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 3);
        Upload.run(request(m, sshd.url(dest)).build(), MirrorListener.NONE);
        m.republish(3, 0, 512);
        try (ClientLoop client = ClientLoop.start(dest)) {
            UploadReport r = Upload.run(request(m, sshd.url(dest)).build(), MirrorListener.NONE);
            assertThat(client.stop()).isEmpty();
            assertThat(r.actions()).extracting(UploadReport.Action::kind).startsWith(Kind.WITHDRAW);
        }
        assertServedMirrorOk(dest);
    }

    @Test
    void killedRsyncLeavesNothingAClientFaultsOnAndTheNextUploadResumesIt() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 3);
        Upload.run(request(m, sshd.url(dest)).build(), MirrorListener.NONE);
        m.republish(4, 0, 256);
        try (ClientLoop client = ClientLoop.start(dest)) {
            CompletableFuture<UploadReport> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return Upload.run(request(m, sshd.url(dest)).bwlimit(SLOW).build(), MirrorListener.NONE);
                } catch (MirrorException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            awaitTemporaryFile(dest);
            // rsync and the ssh it runs go at once, as when the uploading machine loses its network.
            // The server's rsync (also a descendant here, under the test's sshd) must live on to
            // keep its partial file, as it would on a real server.
            ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("rsync"))
                    .filter(p -> !List.of(p.info().arguments().orElse(new String[0])).contains("--server"))
                    .forEach(p -> {
                        List<ProcessHandle> ssh = p.descendants().toList();
                        p.destroyForcibly();
                        ssh.forEach(ProcessHandle::destroyForcibly);
                    });
            assertThatThrownBy(slow::join).hasMessageContaining(sshd.url(dest) + ": upload failed: ");
            assertThat(client.stop()).isEmpty();
        }
        awaitPartial(dest);
        assertThat(dest.resolve(SampleSeries.name(4))).doesNotExist();

        UploadReport done = Upload.run(request(m, sshd.url(dest)).build(), MirrorListener.NONE);
        assertThat(done.filesSent()).isPositive();
        assertServedMirrorOk(dest);
    }

    @Test
    void killedUploadProcessLeavesNothingAClientFaultsOnAndTheNextUploadCompletesIt() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 3);
        m.republish(3, 0, 256);
        try (ClientLoop client = ClientLoop.start(dest)) {
            Process child = ChildUpload.start(m.mirror.toString(), sshd.url(dest), sshd.rsh, SLOW);
            try {
                awaitTemporaryFile(dest);
                List<ProcessHandle> rsyncs = child.descendants().toList();
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
                // The machine went down: its rsync goes with it.
                rsyncs.forEach(ProcessHandle::destroyForcibly);
            } finally {
                child.destroyForcibly();
            }
            assertThat(client.stop()).isEmpty();
        }
        assertThat(dest.resolve("meta")).doesNotExist();
        Upload.run(request(m, sshd.url(dest)).build(), MirrorListener.NONE);
        assertServedMirrorOk(dest);
    }

    @Test
    void anUnreachableHostIsOneLine() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 2);
        int closed = sshd.port;
        sshd.close();
        sshd = null;
        String url = "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + closed + dest;
        assertThatThrownBy(() -> Upload.run(UploadRequest.builder(m.mirror, url).rsh("ssh -o BatchMode=yes").build(),
                MirrorListener.NONE))
                .isInstanceOf(MirrorException.class)
                .hasMessage(url + ": cannot list: ssh: connect to host 127.0.0.1 port " + closed + ": Connection refused");
        assertThat(dest).doesNotExist();
    }

    /** Waits until rsync's receiver has a temporary file with some bytes in it under {@code root}. */
    private static void awaitTemporaryFile(Path root) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (Path dir : List.of(root, root.resolve("rdiffs"))) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*")) {
                    for (Path p : ds) {
                        if (Files.isRegularFile(p) && Files.size(p) > 32 * 1024) {
                            return;
                        }
                    }
                } catch (IOException e) {
                    // A temporary file renamed while listed: look again.
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no upload under way in " + root);
    }

    /** Waits until the server's rsync, which learns of the end only from the closed connection, keeps the partial file. */
    private static void awaitPartial(Path root) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (partials(root).isEmpty()) {
            assertThat(System.nanoTime()).as("a partial file kept for the next run").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static List<Path> partials(Path root) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (Path dir : List.of(root, root.resolve("rdiffs"))) {
            Path partial = dir.resolve(RsyncDestination.PARTIAL_DIR);
            if (Files.isDirectory(partial)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(partial)) {
                    ds.forEach(out::add);
                }
            }
        }
        return out;
    }
}
