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
package io.github.puavomirror.mirror;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.LongConsumer;

/**
 * Size, cksum, SHA-256 and SHA-512 of a file in a single streaming read (images are 4–16 GiB).
 *
 * <p>SHA-512 costs more than the other two together, so it runs on a second thread over the same
 * buffers: one file's checksums take the time of its SHA-512, and when several files are read at
 * once the cores share out the work in smaller pieces than whole files.
 */
public final class FileChecksums {

    /** 1 MiB: large enough that per-call overhead is negligible, small enough for several parallel jobs. */
    private static final int BUFFER_SIZE = 1 << 20;
    /** Buffers in turn between the reading thread and the SHA-512 thread. */
    private static final int BUFFERS = 3;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

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
        PosixCksum cksum = new PosixCksum();
        MessageDigest sha256 = ChecksumSink.digest("SHA-256");
        MessageDigest sha512 = ChecksumSink.digest("SHA-512");
        BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(ByteBuffer.allocate(BUFFER_SIZE));
        }
        Thread hasher = new Thread(() -> {
            try {
                for (ByteBuffer b = full.take(); b != END; b = full.take()) {
                    sha512.update(b.array(), 0, b.limit());
                    free.put(b);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "puavo-mirror-sha512");
        hasher.setDaemon(true);
        hasher.start();
        long size = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                ByteBuffer b = free.take().clear();
                while (b.hasRemaining() && channel.read(b) >= 0) {
                    continue;
                }
                b.flip();
                if (!b.hasRemaining()) {
                    break;
                }
                cksum.update(b.array(), 0, b.limit());
                sha256.update(b.array(), 0, b.limit());
                full.put(b);
                size += b.limit();
                progress.accept(size);
            }
            full.put(END);
            hasher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(file + ": interrupted while computing checksums");
        } finally {
            hasher.interrupt();
        }
        HexFormat hex = HexFormat.of();
        return new Checksums(size, cksum.getValue(), hex.formatHex(sha256.digest()), hex.formatHex(sha512.digest()));
    }
}
