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

import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.MirrorVerify;
import io.github.puavomirror.mirror.job.SampleSeries;
import io.github.puavomirror.mirror.job.VerifyRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server whose disk fills up or cannot be written, as a small tmpfs under a folder destination
 * and under sshd's target folder: the upload fails with one line naming the destination and the
 * problem, clients see the files they could see before as they were, and once the disk is fixed
 * the next upload completes.
 */
class UploadServerDiskTest {
    private static final int IMAGE_SIZE = 256 << 10;
    private static final long ROOMY = 32L << 20;
    private static final String FULL = "No space left on device";
    private static final String READ_ONLY = "Read-only file system";

    @TempDir
    static Path base;

    private static Tmpfs disk;
    private static SshServer sshd;

    /** Breaks the server's disk once the first upload is there; closing the result mends it. */
    private interface Fault {
        AutoCloseable apply(SampleMirror m, Path served) throws Exception;
    }

    @BeforeAll
    static void mountDisk() throws Exception {
        disk = Tmpfs.mount(base.resolve("disk"), ROOMY);
    }

    @AfterAll
    static void unmountDisk() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        if (disk != null) {
            disk.close();
        }
    }

    @BeforeEach
    void emptyDisk() throws Exception {
        disk.clear();
        disk.resize(ROOMY);
    }

    /** Room for half of day 3's image. */
    private static AutoCloseable fill(SampleMirror m, Path served) throws Exception {
        disk.resize(disk.used() + Files.size(m.mirror.resolve(SampleSeries.name(3))) / 2);
        return () -> disk.resize(ROOMY);
    }

    private static AutoCloseable readOnlyMeta(SampleMirror m, Path served) throws Exception {
        return disk.readOnlyFolder(served.resolve("meta"));
    }

    private static SshServer sshd() throws Exception {
        if (sshd == null) {
            sshd = SshServer.start(base.resolve("ssh"));
        }
        return sshd;
    }

    @Test
    void aFullFolderDestinationIsOneLineAndTheNextUploadCompletes() throws Exception {
        Path served = disk.root.resolve("www");
        failsThenCompletes(base.resolve("folder-full"), served.toString(), served, null, UploadServerDiskTest::fill,
                served + ": cannot write ", FULL);
        assertNoTemporaryFiles(served);
    }

    @Test
    void aReadOnlyFolderDestinationIsOneLineAndNothingChanges() throws Exception {
        Path served = disk.root.resolve("www");
        Map<String, String> after = failsThenCompletes(base.resolve("folder-ro"), served.toString(), served, null,
                (m, s) -> {
                    disk.readOnly(true);
                    return () -> disk.readOnly(false);
                }, served + ": cannot write ", READ_ONLY);
        assertThat(after.keySet()).as("nothing of day 3 written").noneMatch(p -> p.contains("2024-01-03"));
    }

    @Test
    void aReadOnlyMetaFolderIsOneLineNamingTheMetaAndTheNextUploadCompletes() throws Exception {
        Path served = disk.root.resolve("www");
        failsThenCompletes(base.resolve("folder-meta"), served.toString(), served, null,
                UploadServerDiskTest::readOnlyMeta,
                served + ": cannot write meta/" + SampleSeries.PREFIX + "-amd64.json: ", READ_ONLY);
        assertNoTemporaryFiles(served);
    }

    @Test
    void aFullRsyncDestinationIsOneLineAndTheNextUploadCompletes() throws Exception {
        Path served = disk.root.resolve("served");
        String url = sshd().url(served);
        failsThenCompletes(base.resolve("rsync-full"), url, served, sshd.rsh, UploadServerDiskTest::fill,
                url + ": upload failed: ", FULL);
    }

    @Test
    void aReadOnlyMetaFolderOverRsyncIsOneLineAndTheNextUploadCompletes() throws Exception {
        Path served = disk.root.resolve("served");
        String url = sshd().url(served);
        failsThenCompletes(base.resolve("rsync-meta"), url, served, sshd.rsh, UploadServerDiskTest::readOnlyMeta,
                url + ": upload failed: ", READ_ONLY);
    }

    /**
     * Uploads days 1-2, breaks the disk, fails to upload days 1-3 while a client reads, mends the
     * disk and uploads again; returns what clients could see just after the failure.
     */
    private static Map<String, String> failsThenCompletes(Path work, String destination, Path served, String rsh,
                                                          Fault fault, String start, String problem) throws Exception {
        SampleMirror m = SampleMirror.publish(work, 2, IMAGE_SIZE);
        UploadRequest request = UploadRequest.builder(m.mirror, destination).rsh(rsh).build();
        Upload.run(request, MirrorListener.NONE);
        Map<String, String> seen = visible(served);
        m.republish(3, 0, 256);
        Map<String, String> after;
        try (AutoCloseable broken = fault.apply(m, served); ClientLoop client = ClientLoop.start(served)) {
            assertThatThrownBy(() -> Upload.run(request, MirrorListener.NONE)).isInstanceOf(MirrorException.class)
                    .hasMessageStartingWith(start)
                    .hasMessageContaining(problem)
                    .hasMessageNotContaining("\n");
            assertThat(client.stop()).isEmpty();
            after = visible(served);
        }
        assertThat(after).as("every file clients could see, metas and CKSUMS too, as it was")
                .containsAllEntriesOf(seen);

        try (ClientLoop client = ClientLoop.start(served)) {
            assertThat(Upload.run(request, MirrorListener.NONE).filesSent()).isPositive();
            assertThat(client.stop()).isEmpty();
        }
        assertThat(MirrorVerify.run(new VerifyRequest(served, false, null, 2), MirrorListener.NONE).problems())
                .isEmpty();
        assertThat(served.resolve(SampleSeries.name(3))).exists();
        return after;
    }

    private static void assertNoTemporaryFiles(Path served) throws IOException {
        try (Stream<Path> s = Files.walk(served)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .noneMatch(n -> n.startsWith("."));
        }
    }

    /** Every file under {@code root} no hidden name leads to, with its SHA-256. */
    static Map<String, String> visible(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(p).toString();
                if (!rel.startsWith(".") && !rel.contains("/.")) {
                    out.put(rel, sha256(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
