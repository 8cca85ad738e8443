package io.github.puavomirror.mirror.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Bytes of a file read through any descriptor, as the rdiff step reports them while an engine reads. */
class ReadProgressTest {
    @TempDir
    Path tmp;

    @Test
    void countsWhatEveryDescriptorOnTheFileHasRead() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fdinfo")), "needs Linux /proc");
        Path file = Files.write(tmp.resolve("target.img"), new byte[10_000]);
        Path other = Files.write(tmp.resolve("other.img"), new byte[10_000]);
        ReadProgress progress = new ReadProgress(file);
        try (InputStream first = Files.newInputStream(file);
             FileChannel second = FileChannel.open(file, StandardOpenOption.READ);
             InputStream unrelated = Files.newInputStream(other)) {
            second.position(5000);
            assertThat(progress.bytesRead()).isZero();

            first.readNBytes(3000);
            unrelated.readNBytes(4000);
            assertThat(progress.bytesRead()).isEqualTo(3000);

            second.read(ByteBuffer.allocate(1000));
            assertThat(progress.bytesRead()).isEqualTo(4000);
        }
        assertThat(progress.bytesRead()).as("closed descriptors keep what they read").isEqualTo(4000);
    }
}
