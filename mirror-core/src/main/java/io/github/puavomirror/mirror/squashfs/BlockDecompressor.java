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
package io.github.puavomirror.mirror.squashfs;

import io.airlift.compress.Decompressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.lzo.LzoDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.tukaani.xz.XZInputStream;

/**
 * Decompresses one squashfs block (metadata, data or fragment): each block is compressed on
 * its own, so every call sees one complete compressed unit.
 */
interface BlockDecompressor extends AutoCloseable {

    /**
     * Decompresses {@code src[0, srcLength)} into {@code dst}, whose length is the most the
     * block may expand to.
     *
     * @return the decompressed length
     * @throws IOException with a short problem description if the data is corrupt or would
     *     expand beyond {@code dst.length}
     */
    int decompress(byte[] src, int srcLength, byte[] dst) throws IOException;

    @Override
    default void close() {}

    /** A decompressor for {@code compression}; the caller rejects LZMA before asking. */
    static BlockDecompressor create(Compression compression) {
        switch (compression) {
            case GZIP:
                return new Zlib();
            case XZ:
                return new Xz();
            case LZO:
                return new Airlift(new LzoDecompressor());
            case LZ4:
                return new Airlift(new Lz4Decompressor());
            case ZSTD:
                return new Airlift(new ZstdDecompressor());
            default:
                throw new IllegalArgumentException("no decompressor for " + compression.label());
        }
    }

    /** squashfs "gzip" blocks are bare zlib streams (RFC 1950), not gzip files. */
    final class Zlib implements BlockDecompressor {
        private final Inflater inflater = new Inflater();

        @Override
        public int decompress(byte[] src, int srcLength, byte[] dst) throws IOException {
            inflater.reset();
            inflater.setInput(src, 0, srcLength);
            int n = 0;
            try {
                while (!inflater.finished()) {
                    int got = inflater.inflate(dst, n, dst.length - n);
                    n += got;
                    if (got == 0) {
                        if (n == dst.length) {
                            throw new IOException("zlib block expands beyond " + dst.length + " bytes");
                        }
                        if (inflater.needsInput() || inflater.needsDictionary()) {
                            throw new IOException("zlib block is truncated");
                        }
                    }
                }
            } catch (DataFormatException e) {
                throw new IOException("corrupt zlib block: " + e.getMessage(), e);
            }
            return n;
        }

        @Override
        public void close() {
            inflater.end();
        }
    }

    /** Each xz block is a complete .xz stream, so the library also verifies its check. */
    final class Xz implements BlockDecompressor {
        /** squashfs caps the dictionary at the 1 MiB block size; this leaves ample headroom. */
        private static final int MEMORY_LIMIT_KIB = 64 * 1024;

        @Override
        public int decompress(byte[] src, int srcLength, byte[] dst) throws IOException {
            int n;
            boolean more;
            try (InputStream in = new XZInputStream(new ByteArrayInputStream(src, 0, srcLength), MEMORY_LIMIT_KIB)) {
                n = in.readNBytes(dst, 0, dst.length);
                more = n == dst.length && in.read() != -1;
            } catch (IOException e) {
                throw new IOException("corrupt xz block: " + e.getMessage(), e);
            }
            if (more) {
                throw new IOException("xz block expands beyond " + dst.length + " bytes");
            }
            return n;
        }
    }

    /** lzo (raw lzo1x), lz4 (raw block) and zstd (one frame) through aircompressor. */
    final class Airlift implements BlockDecompressor {
        private final Decompressor decompressor;

        Airlift(Decompressor decompressor) {
            this.decompressor = decompressor;
        }

        @Override
        public int decompress(byte[] src, int srcLength, byte[] dst) throws IOException {
            try {
                return decompressor.decompress(src, 0, srcLength, dst, 0, dst.length);
            } catch (RuntimeException e) {
                // The library reports bad input, and output overflow, as unchecked exceptions.
                throw new IOException("corrupt block: " + e.getMessage(), e);
            }
        }
    }
}
