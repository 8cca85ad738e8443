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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the 8 KiB metadata blocks that hold the inode, directory, fragment and id tables. Each
 * block has a 2-byte little-endian header: the low 15 bits are the stored length and bit 15
 * says the block is stored uncompressed. Decompressed blocks are kept in a small LRU cache
 * because path lookups revisit the same few blocks.
 */
final class MetadataReader {
    static final int BLOCK_SIZE = 8192;
    private static final int UNCOMPRESSED_BIT = 0x8000;
    private static final int CACHED_BLOCKS = 64;

    /** A decompressed block and the image offset of the block that follows it. */
    private record Block(byte[] data, long next) {}

    private final SquashfsImage image;
    private final Map<Long, Block> cache = new LinkedHashMap<>(CACHED_BLOCKS, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Block> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    MetadataReader(SquashfsImage image) {
        this.image = image;
    }

    /** A cursor at byte {@code offset} of the uncompressed block stored at {@code blockPos}. */
    Cursor cursor(long blockPos, int offset) {
        return new Cursor(blockPos, offset);
    }

    private Block block(long pos) throws IOException {
        Block cached = cache.get(pos);
        if (cached != null) {
            return cached;
        }
        byte[] header = image.readRaw(pos, 2, "metadata block header");
        int word = (header[0] & 0xFF) | (header[1] & 0xFF) << 8;
        int length = word & ~UNCOMPRESSED_BIT;
        if (length == 0 || length > BLOCK_SIZE) {
            throw image.corrupt("metadata block at offset " + pos + " has invalid length " + length);
        }
        byte[] stored = image.readRaw(pos + 2, length, "metadata block");
        byte[] data;
        if ((word & UNCOMPRESSED_BIT) != 0) {
            data = stored;
        } else {
            byte[] out = new byte[BLOCK_SIZE];
            int n = image.decompress(stored, length, out, "metadata block", pos);
            data = Arrays.copyOf(out, n);
        }
        if (data.length == 0) {
            throw image.corrupt("metadata block at offset " + pos + " is empty");
        }
        Block block = new Block(data, pos + 2 + length);
        cache.put(pos, block);
        return block;
    }

    /** Sequential little-endian reads that continue seamlessly into the following blocks. */
    final class Cursor {
        private long blockPos;
        private int offset;
        private Block current;

        private Cursor(long blockPos, int offset) {
            this.blockPos = blockPos;
            this.offset = offset;
        }

        /** Image offset of the current block; with {@link #offset()} a resumable position. */
        long blockPos() throws IOException {
            settle();
            return blockPos;
        }

        /** Offset inside the current uncompressed block. */
        int offset() throws IOException {
            settle();
            return offset;
        }

        /** Loads the current block, stepping to the next one when the previous is used up. */
        private void settle() throws IOException {
            if (current == null) {
                current = block(blockPos);
                if (offset > current.data.length) {
                    throw image.corrupt("offset " + offset + " lies beyond the " + current.data.length
                            + "-byte metadata block at offset " + blockPos);
                }
            }
            if (offset == current.data.length) {
                blockPos = current.next;
                offset = 0;
                current = block(blockPos);
            }
        }

        void readFully(byte[] dst, int off, int len) throws IOException {
            while (len > 0) {
                settle();
                int n = Math.min(len, current.data.length - offset);
                System.arraycopy(current.data, offset, dst, off, n);
                offset += n;
                off += n;
                len -= n;
            }
        }

        void skip(long len) throws IOException {
            while (len > 0) {
                settle();
                int n = (int) Math.min(len, current.data.length - offset);
                offset += n;
                len -= n;
            }
        }

        int u8() throws IOException {
            settle();
            return current.data[offset++] & 0xFF;
        }

        int u16() throws IOException {
            return u8() | u8() << 8;
        }

        long u32() throws IOException {
            return (long) u16() | (long) u16() << 16;
        }

        long u64() throws IOException {
            return u32() | u32() << 32;
        }

        String utf8(int len) throws IOException {
            byte[] bytes = new byte[len];
            readFully(bytes, 0, len);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
