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

/**
 * The squashfs 4.0 superblock: the first 96 bytes of the image, little-endian.
 *
 * <p>Table offsets are absolute byte positions in the image; {@link #ABSENT} marks an absent
 * optional table. The "uncompressed" flags only describe how mksquashfs was run; the reader
 * trusts the per-block bits instead, which is what decides how each block is stored.
 */
public record Superblock(
        long inodeCount,
        long mkfsTime,
        int blockSize,
        long fragmentCount,
        Compression compression,
        int flags,
        int idCount,
        long rootInodeRef,
        long bytesUsed,
        long idTableStart,
        long xattrIdTableStart,
        long inodeTableStart,
        long directoryTableStart,
        long fragmentTableStart,
        long exportTableStart) {

    /** Size of the on-disk superblock. */
    public static final int SIZE = 96;
    /** "hsqs" read as a little-endian int. */
    public static final int MAGIC = 0x73717368;
    /** Offset value of a table that is not present. */
    public static final long ABSENT = -1L;

    public static final int FLAG_UNCOMPRESSED_INODES = 0x0001;
    public static final int FLAG_UNCOMPRESSED_DATA = 0x0002;
    public static final int FLAG_UNCOMPRESSED_FRAGMENTS = 0x0008;
    public static final int FLAG_NO_FRAGMENTS = 0x0010;
    public static final int FLAG_ALWAYS_FRAGMENTS = 0x0020;
    public static final int FLAG_DUPLICATES = 0x0040;
    public static final int FLAG_EXPORTABLE = 0x0080;
    public static final int FLAG_UNCOMPRESSED_XATTRS = 0x0100;
    public static final int FLAG_NO_XATTRS = 0x0200;
    public static final int FLAG_COMPRESSOR_OPTIONS = 0x0400;
    public static final int FLAG_UNCOMPRESSED_IDS = 0x0800;

    /** Whether {@code flag} (one of the {@code FLAG_} constants) is set. */
    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }
}
