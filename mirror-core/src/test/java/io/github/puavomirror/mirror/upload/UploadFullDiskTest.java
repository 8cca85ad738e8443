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
 * A server whose disk fills up during an upload, as a small tmpfs under a folder destination and
 * under sshd's target folder: the upload fails with one line naming the destination and the
 * problem, clients see what they saw before, and once there is room the next upload completes.
 */
class UploadFullDiskTest {
    private static final int IMAGE_SIZE = 256 << 10;
    private static final long ROOMY = 32L << 20;

    @TempDir
    static Path base;

    private static Tmpfs disk;
    private static SshServer sshd;

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

    @Test
    void aFullFolderDestinationIsOneLineAndTheNextUploadCompletes() throws Exception {
        Path served = disk.root.resolve("www");
        fillsUpThenCompletes(base.resolve("folder"), served.toString(), served, null);
        try (Stream<Path> s = Files.walk(served)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary file left")
                    .noneMatch(n -> n.startsWith("."));
        }
    }

    @Test
    void aFullRsyncDestinationIsOneLineAndTheNextUploadCompletes() throws Exception {
        if (sshd == null) {
            sshd = SshServer.start(base.resolve("ssh"));
        }
        Path served = disk.root.resolve("served");
        fillsUpThenCompletes(base.resolve("rsync"), sshd.url(served), served, sshd.rsh);
    }

    /** Uploads days 1-2, leaves room for half of day 3's image, uploads days 1-3, makes room, uploads again. */
    private static void fillsUpThenCompletes(Path work, String destination, Path served, String rsh) throws Exception {
        SampleMirror m = SampleMirror.publish(work, 2, IMAGE_SIZE);
        UploadRequest request = UploadRequest.builder(m.mirror, destination).rsh(rsh).build();
        Upload.run(request, MirrorListener.NONE);
        Map<String, String> seen = visible(served);
        m.republish(3, 0, 256);
        disk.resize(disk.used() + Files.size(m.mirror.resolve(SampleSeries.name(3))) / 2);
        try (ClientLoop client = ClientLoop.start(served)) {
            assertThatThrownBy(() -> Upload.run(request, MirrorListener.NONE)).isInstanceOf(MirrorException.class)
                    .hasMessageStartingWith(destination)
                    .hasMessageContaining("No space left on device")
                    .hasMessageNotContaining("\n");
            assertThat(client.stop()).isEmpty();
        }
        assertThat(visible(served)).as("every file clients could see, metas and CKSUMS too, as it was")
                .containsAllEntriesOf(seen);

        disk.resize(ROOMY);
        try (ClientLoop client = ClientLoop.start(served)) {
            assertThat(Upload.run(request, MirrorListener.NONE).filesSent()).isPositive();
            assertThat(client.stop()).isEmpty();
        }
        assertThat(MirrorVerify.run(new VerifyRequest(served, false, null, 2), MirrorListener.NONE).problems())
                .isEmpty();
        assertThat(served.resolve(SampleSeries.name(3))).exists();
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
