package io.github.puavomirror.mirror;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/** Size, cksum, SHA-256 and SHA-512 of a file in a single streaming read (images are 4–16 GiB). */
public final class FileChecksums {

    /** 1 MiB: large enough that per-call overhead is negligible, small enough for several parallel jobs. */
    private static final int BUFFER_SIZE = 1 << 20;

    private FileChecksums() {
    }

    /** Checksums {@code file}. */
    public static Checksums compute(Path file) throws IOException {
        return compute(file, bytes -> { });
    }

    /**
     * Checksums {@code file}, reporting the number of bytes read so far to {@code progress} after each buffer.
     * The size is the number of bytes actually read, so it always matches the hashed content.
     */
    public static Checksums compute(Path file, LongConsumer progress) throws IOException {
        ChecksumSink sink = new ChecksumSink();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                sink.update(buffer);
                buffer.clear();
                progress.accept(sink.size());
            }
        }
        return sink.finish();
    }
}
