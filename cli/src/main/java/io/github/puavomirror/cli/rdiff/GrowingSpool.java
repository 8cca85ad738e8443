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
package io.github.puavomirror.cli.rdiff;

import io.github.puavomirror.rdiff.TemporaryFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A seekable view of a stream that cannot seek (a patch basis on standard input): the stream is
 * copied to a temporary file only as far as a read asks for, so a basis of unknown or endless size
 * costs what the delta's COPY commands reach, never more. The file is deleted on close and at exit.
 */
final class GrowingSpool implements SeekableByteChannel {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final Path file;
    private final FileChannel spool;
    private final byte[] chunk = new byte[CHUNK];
    private long filled;
    private boolean ended;
    private long position;

    GrowingSpool(InputStream in) throws IOException {
        this.in = in;
        Path tmp = Files.createTempFile("puavo-mirror-basis", ".tmp");
        TemporaryFiles.register(tmp);
        this.file = tmp;
        this.spool = FileChannel.open(tmp, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        fillTo(position + dst.remaining());
        if (position >= filled) {
            return ended ? -1 : 0;
        }
        int n = spool.read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    /** Copies the stream into the file until it holds {@code end} bytes or the stream ends. */
    private void fillTo(long end) throws IOException {
        while (filled < end && !ended) {
            int n = in.read(chunk, 0, (int) Math.min(CHUNK, end - filled));
            if (n < 0) {
                ended = true;
                return;
            }
            ByteBuffer b = ByteBuffer.wrap(chunk, 0, n);
            while (b.hasRemaining()) {
                filled += spool.write(b, filled);
            }
        }
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    /** The bytes read so far: the full size is not known without reading to the end. */
    @Override
    public long size() {
        return filled;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return spool.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            spool.close();
        } finally {
            Files.deleteIfExists(file);
            TemporaryFiles.release(file);
        }
    }
}
