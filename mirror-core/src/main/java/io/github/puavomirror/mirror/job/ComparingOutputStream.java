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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Swallows what is written and compares it with a file's content, reading the file alongside.
 * Checking a new rdiff this way (patch output against the target image) is stricter than comparing
 * sha512s, since equal bytes give equal hashes, and it runs at memory speed instead of hash speed.
 */
final class ComparingOutputStream extends OutputStream {
    private static final int CHUNK = 1 << 20;

    private final FileChannel expected;
    /** Direct, so the kernel reads the file straight into it and the comparison needs no copy to the heap. */
    private final ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
    private int have;
    private int used;
    private long position;
    private long mismatchAt = -1;

    ComparingOutputStream(Path file) throws IOException {
        this.expected = FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0 && mismatchAt < 0) {
            if (used == have && !refill()) {
                mismatchAt = position;
                return;
            }
            int n = Math.min(len, have - used);
            int m = buf.slice(used, n).mismatch(ByteBuffer.wrap(b, off, n));
            if (m >= 0) {
                mismatchAt = position + m;
                return;
            }
            used += n;
            position += n;
            off += n;
            len -= n;
        }
    }

    private boolean refill() throws IOException {
        buf.clear();
        int n = expected.read(buf);
        have = Math.max(n, 0);
        used = 0;
        return n > 0;
    }

    /**
     * Whether everything written equals the whole file; call after the last write.
     *
     * @return -1 when equal, else the offset of the first difference (the shorter length when one is a prefix)
     */
    long firstDifference() throws IOException {
        if (mismatchAt >= 0) {
            return mismatchAt;
        }
        return position == expected.size() ? -1 : position;
    }

    @Override
    public void close() throws IOException {
        expected.close();
    }
}
