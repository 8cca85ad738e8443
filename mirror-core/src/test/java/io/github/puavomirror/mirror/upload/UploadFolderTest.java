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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadFolderTest {
    @TempDir
    Path tmp;

    private final List<MirrorEvent> events = Collections.synchronizedList(new ArrayList<>());

    private UploadReport upload(SampleMirror m, Path dest) throws MirrorException {
        return Upload.run(UploadRequest.builder(m.mirror, dest.toString()).build(), events::add);
    }

    private UploadReport upload(UploadRequest request) throws MirrorException {
        return Upload.run(request, events::add);
    }

    private static void assertServedMirrorOk(Path dest) throws MirrorException {
        assertThat(MirrorVerify.run(new VerifyRequest(dest, false, null, 2), MirrorListener.NONE).problems()).isEmpty();
    }

    @Test
    void firstUploadSendsWhatMetasNameInOrderAndASecondSendsNothing() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 3);
        Path dest = tmp.resolve("www");
        UploadReport first;
        try (ClientLoop client = ClientLoop.start(dest)) {
            first = upload(m, dest);
            assertThat(client.stop()).isEmpty();
        }
        assertServedMirrorOk(dest);
        List<Kind> kinds = first.actions().stream().map(UploadReport.Action::kind).toList();
        assertThat(kinds).containsSubsequence(Kind.SEND, Kind.META, Kind.CKSUMS).doesNotContain(Kind.DELETE, Kind.WITHDRAW);
        assertThat(kinds.lastIndexOf(Kind.SEND)).isLessThan(kinds.indexOf(Kind.META));
        long published;
        try (Stream<Path> s = Files.list(m.mirror.resolve("rdiffs"))) {
            published = 3 + s.count();
        }
        assertThat(first.filesSent()).isEqualTo((int) published);
        try (Stream<Path> s = Files.walk(dest)) {
            assertThat(s.filter(Files::isRegularFile).map(p -> dest.relativize(p).toString()))
                    .allMatch(p -> p.endsWith(".img") || p.startsWith("rdiffs/") || p.startsWith("meta/")
                            || p.equals("CKSUMS"));
        }

        UploadReport second = upload(m, dest);
        assertThat(second.upToDate()).isTrue();
        assertThat(second.filesSent()).isZero();
        assertThat(second.filesSkipped()).isEqualTo((int) published);
        assertThat(second.summaryLine()).contains("up to date, nothing sent");
    }

    @Test
    void aNewImageAndThenARemovedOneWithDeleteAndNoGrace() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 3);
        Path dest = tmp.resolve("www");
        upload(m, dest);
        m.republish(4, 0, 256);
        try (ClientLoop client = ClientLoop.start(dest)) {
            UploadReport r = upload(m, dest);
            assertThat(client.stop()).isEmpty();
            assertThat(r.actions()).extracting(UploadReport.Action::path).contains(SampleSeries.name(4));
        }
        assertServedMirrorOk(dest);

        m.republish(4, 3, 256);
        UploadRequest keepAll = UploadRequest.builder(m.mirror, dest.toString()).delete(true).build();
        try (ClientLoop client = ClientLoop.start(dest)) {
            UploadReport r = upload(keepAll);
            assertThat(client.stop()).isEmpty();
            assertThat(r.filesDeleted()).as("within the default grace nothing goes").isZero();
        }
        assertThat(dest.resolve(SampleSeries.name(1))).exists();

        UploadRequest noGrace = UploadRequest.builder(m.mirror, dest.toString()).delete(true).grace("0").build();
        UploadReport r;
        try (ClientLoop client = ClientLoop.start(dest)) {
            r = upload(noGrace);
            assertThat(client.stop()).isEmpty();
        }
        assertThat(r.actions()).extracting(UploadReport.Action::kind).containsOnly(Kind.DELETE);
        assertThat(dest.resolve(SampleSeries.name(1))).doesNotExist();
        assertThat(dest.resolve("rdiffs").resolve(SampleSeries.rdiff(1, 4))).doesNotExist();
        assertThat(dest.resolve(SampleSeries.name(2))).exists();
        assertServedMirrorOk(dest);
    }

    @Test
    void rdiffsRebuiltWithOtherBytesAreWithdrawnReplacedAndListedAgain() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 3);
        Path dest = tmp.resolve("www");
        upload(m, dest);
        m.republish(3, 0, 512);
        UploadReport r;
        try (ClientLoop client = ClientLoop.start(dest)) {
            r = upload(m, dest);
            assertThat(client.stop()).isEmpty();
        }
        List<Kind> kinds = r.actions().stream().map(UploadReport.Action::kind).toList();
        assertThat(kinds).containsSubsequence(Kind.WITHDRAW, Kind.SEND, Kind.META, Kind.CKSUMS);
        assertThat(r.actions().stream().filter(a -> a.kind() == Kind.SEND).map(UploadReport.Action::path))
                .allMatch(p -> p.startsWith("rdiffs/"));
        assertThat(events).filteredOn(e -> e instanceof MirrorEvent.Warning)
                .anySatisfy(e -> assertThat(((MirrorEvent.Warning) e).message()).contains("other bytes"));
        assertServedMirrorOk(dest);
    }

    @Test
    void anImageRebuiltUnderItsNameAndAStrayFileAreReplacedWithoutAClientSeeingThem() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 2, 256 << 10);
        Path dest = tmp.resolve("www");
        upload(m, dest);
        m.republish(3, 0, 256);
        m.rebuild(2);
        // Day 3's size with other bytes, listed by nothing: compared, then replaced.
        Files.write(dest.resolve(SampleSeries.name(3)), new byte[(int) Files.size(m.mirror.resolve(SampleSeries.name(3)))]);
        UploadReport r;
        try (ClientLoop client = ClientLoop.start(dest)) {
            r = upload(m, dest);
            assertThat(client.stop()).isEmpty();
        }
        List<Kind> kinds = r.actions().stream().map(UploadReport.Action::kind).toList();
        assertThat(kinds).containsSubsequence(Kind.WITHDRAW, Kind.SEND, Kind.META, Kind.CKSUMS);
        assertThat(kinds.lastIndexOf(Kind.WITHDRAW)).isLessThan(kinds.indexOf(Kind.SEND));
        assertThat(r.actions().stream().filter(a -> a.kind() == Kind.WITHDRAW).map(UploadReport.Action::path))
                .containsExactly("meta/" + SampleSeries.PREFIX + "-amd64.json", "CKSUMS");
        assertThat(r.actions().stream().filter(a -> a.kind() == Kind.SEND).map(UploadReport.Action::path))
                .contains(SampleSeries.name(2), SampleSeries.name(3));
        assertThat(events).filteredOn(e -> e instanceof MirrorEvent.Warning).map(e -> ((MirrorEvent.Warning) e).message())
                .anyMatch(w -> w.contains(SampleSeries.name(2) + " is there with other bytes"))
                .noneMatch(w -> w.contains(SampleSeries.name(3)));
        for (int day : new int[] {2, 3}) {
            assertThat(dest.resolve(SampleSeries.name(day))).hasSameBinaryContentAs(m.mirror.resolve(SampleSeries.name(day)));
        }
        assertServedMirrorOk(dest);
    }

    @Test
    void aKilledUploadProcessLeavesNothingAClientFaultsOnAndTheNextUploadCompletesIt() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 2, 256 << 10);
        Path dest = tmp.resolve("www");
        upload(m, dest);
        String meta = "meta/" + SampleSeries.PREFIX + "-amd64.json";
        int day = 2;
        // SIGKILL once files are sent (an image rebuilt under its name withdrawn first), then once metas are.
        for (String pause : List.of("StepFinished[step=UPLOAD", "StepFinished[step=META")) {
            m.republish(++day, 0, 256);
            m.rebuild(2);
            try (ClientLoop client = ClientLoop.start(dest)) {
                ChildUpload.killWhen("PAUSED", List.of(), m.mirror.toString(), dest.toString(), "", "", pause);
                assertThat(client.stop()).isEmpty();
            }
            assertThat(Files.readString(dest.resolve(meta)).contains(SampleSeries.name(day)))
                    .as("killed before the metas, or between them and CKSUMS").isEqualTo(pause.endsWith("META"));
            assertThat(Files.readString(dest.resolve("CKSUMS"))).doesNotContain(SampleSeries.name(day));
            try (ClientLoop client = ClientLoop.start(dest)) {
                assertThat(upload(m, dest).upToDate()).isFalse();
                assertThat(client.stop()).isEmpty();
            }
            assertServedMirrorOk(dest);
            assertThat(Files.readString(dest.resolve("CKSUMS"))).contains(SampleSeries.name(day));
        }
    }

    @Test
    void dryRunListsTheStepsInOrderAndChangesNothing() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 3);
        Path dest = tmp.resolve("www");
        upload(m, dest);
        m.republish(4, 3, 256);
        Map<String, Long> before = snapshot(dest);
        UploadReport r = upload(UploadRequest.builder(m.mirror, dest.toString()).dryRun(true).delete(true).grace("0")
                .build());
        assertThat(snapshot(dest)).isEqualTo(before);
        List<Kind> kinds = r.actions().stream().map(UploadReport.Action::kind).toList();
        assertThat(kinds).containsSubsequence(Kind.SEND, Kind.META, Kind.CKSUMS, Kind.DELETE);
        assertThat(r.summaryLine()).contains("would send").contains("dry run");
    }

    @Test
    void serverMetasTheMirrorLacksAreLeftAloneWithTheirFiles() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 2);
        Path dest = tmp.resolve("www");
        upload(m, dest);
        Path other = dest.resolve("meta/other-series.json");
        Files.copy(dest.resolve("meta").resolve(SampleSeries.PREFIX + "-amd64.json"), tmp.resolve("copy.json"));
        Files.writeString(other, Files.readString(tmp.resolve("copy.json"))
                .replace("\"" + SampleSeries.PREFIX + "-amd64\"", "\"other-series\""));
        m.republish(3, 1, 256);
        upload(UploadRequest.builder(m.mirror, dest.toString()).delete(true).grace("0").build());
        assertThat(other).exists();
        assertThat(dest.resolve(SampleSeries.name(1))).as("listed by the server's own meta").exists();
        assertThat(events).filteredOn(e -> e instanceof MirrorEvent.Warning)
                .anySatisfy(e -> assertThat(((MirrorEvent.Warning) e).message()).contains("meta/other-series.json"));
    }

    @Test
    void anInconsistentMirrorIsRefusedAndTheServerKeepsWhatItHad() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 3);
        Path dest = tmp.resolve("www");
        upload(m, dest);
        m.republish(4, 0, 256);
        Path rdiff = m.mirror.resolve("rdiffs").resolve(SampleSeries.rdiff(3, 4));
        byte[] bytes = Files.readAllBytes(rdiff);
        Files.delete(rdiff);
        Files.write(rdiff, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        Map<String, Long> before = snapshot(dest);
        assertThatThrownBy(() -> upload(m, dest)).isInstanceOf(MirrorException.class)
                .hasMessageContaining(rdiff.toString()).hasMessageContaining("nothing uploaded")
                .hasMessageNotContaining("\n");
        assertThat(snapshot(dest)).isEqualTo(before);
    }

    @Test
    void aFolderWhereAnImageGoesIsOneLineAndNothingChanges() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 2);
        Path dest = tmp.resolve("www");
        Files.createDirectories(dest.resolve(SampleSeries.name(2)));
        Map<String, Long> before = snapshot(dest);
        assertThatThrownBy(() -> upload(m, dest)).isInstanceOf(MirrorException.class)
                .hasMessage(dest + ": " + SampleSeries.name(2) + " there is not a regular file; nothing uploaded");
        assertThat(snapshot(dest)).isEqualTo(before);
    }

    @Test
    void usageErrorsNameTheParameter() {
        Path mirror = tmp.resolve("mirror");
        assertThatThrownBy(() -> upload(UploadRequest.builder(mirror, "x").build()))
                .hasMessageStartingWith("mirrorDirectory: ");
        assertThatThrownBy(() -> upload(UploadRequest.builder(tmp, tmp.resolve("d").toString()).grace("5x").build()))
                .hasMessageStartingWith("grace: ").satisfies(e -> assertThat(((MirrorException) e).isUsage()).isTrue());
        assertThatThrownBy(() -> upload(UploadRequest.builder(tmp, tmp.resolve("d").toString()).bwlimit("1M").build()))
                .hasMessageStartingWith("bwlimit: applies to");
        assertThatThrownBy(() -> upload(UploadRequest.builder(tmp, "ftp://host/x").build()))
                .hasMessageStartingWith("destination: ");
        assertThatThrownBy(() -> upload(UploadRequest.builder(tmp, "-oProxyCommand=touch:x").build()))
                .hasMessage("destination: -oProxyCommand=touch:x: a host cannot start with '-'");
        assertThatThrownBy(() -> upload(UploadRequest.builder(tmp, "d").jobs(0).build()))
                .hasMessageStartingWith("jobs: ");
    }

    @Test
    void aPathUnderAWebRootGetsTheLaptopWarning() throws Exception {
        SampleMirror m = SampleMirror.publish(tmp, 2);
        upload(m, tmp.resolve("srv/www/sub"));
        assertThat(events).filteredOn(e -> e instanceof MirrorEvent.Warning)
                .anySatisfy(e -> assertThat(((MirrorEvent.Warning) e).message()).contains("root of a host"));
    }

    /** Every file under {@code dir} with its size, or nothing when the folder is missing. */
    static Map<String, Long> snapshot(Path dir) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.toList()) {
                out.put(dir.relativize(p).toString(), Files.isRegularFile(p) ? Files.size(p) : -1L);
            }
        }
        return out;
    }
}
