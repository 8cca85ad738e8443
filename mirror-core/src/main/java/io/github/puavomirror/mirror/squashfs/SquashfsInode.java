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

import java.util.Optional;

/**
 * A parsed inode. Only the fields needed to list directories, read regular files and follow
 * symlinks are kept; devices, fifos and sockets carry just the common header.
 */
public final class SquashfsInode {
    /** Fragment index of a file whose tail is not stored in a fragment. */
    static final long NO_FRAGMENT = 0xFFFFFFFFL;

    private final NodeType type;
    private final boolean extended;
    private final int mode;
    private final long mtime;
    private final long inodeNumber;
    private final long linkCount;
    private final long size;
    private final String symlinkTarget;

    // Directory: where its listing starts in the directory table and how long it is.
    final long dirBlock;
    final int dirOffset;
    final long dirListingSize;

    // Regular file: first data block, tail fragment, and where the block-size list begins.
    final long dataStart;
    final long fragmentIndex;
    final long fragmentOffset;
    final long blockListBlock;
    final int blockListOffset;

    private SquashfsInode(Builder b) {
        this.type = b.type;
        this.extended = b.extended;
        this.mode = b.mode;
        this.mtime = b.mtime;
        this.inodeNumber = b.inodeNumber;
        this.linkCount = b.linkCount;
        this.size = b.size;
        this.symlinkTarget = b.symlinkTarget;
        this.dirBlock = b.dirBlock;
        this.dirOffset = b.dirOffset;
        this.dirListingSize = b.dirListingSize;
        this.dataStart = b.dataStart;
        this.fragmentIndex = b.fragmentIndex;
        this.fragmentOffset = b.fragmentOffset;
        this.blockListBlock = b.blockListBlock;
        this.blockListOffset = b.blockListOffset;
    }

    public NodeType type() {
        return type;
    }

    /** Whether the inode used the extended on-disk layout (types 8..14). */
    public boolean extended() {
        return extended;
    }

    /** Permission bits (the low 12 bits of st_mode). */
    public int mode() {
        return mode & 07777;
    }

    /** Modification time, seconds since the epoch. */
    public long mtime() {
        return mtime;
    }

    public long inodeNumber() {
        return inodeNumber;
    }

    /** Hard link count; 1 for basic file inodes, which do not store it. */
    public long linkCount() {
        return linkCount;
    }

    /** Byte size of a file, length of a symlink target, or size of a directory listing. */
    public long size() {
        return size;
    }

    public boolean isDirectory() {
        return type == NodeType.DIRECTORY;
    }

    public boolean isRegularFile() {
        return type == NodeType.FILE;
    }

    public boolean isSymlink() {
        return type == NodeType.SYMLINK;
    }

    /** The target of a symlink, as stored. */
    public Optional<String> symlinkTarget() {
        return Optional.ofNullable(symlinkTarget);
    }

    /** Whether the file's tail is stored in a fragment block. */
    boolean hasFragment() {
        return fragmentIndex != NO_FRAGMENT;
    }

    @Override
    public String toString() {
        return type + " inode " + inodeNumber + " (" + size + " bytes)";
    }

    /** Collects fields while the inode is parsed; unset fields stay at neutral values. */
    static final class Builder {
        NodeType type;
        boolean extended;
        int mode;
        long mtime;
        long inodeNumber;
        long linkCount = 1;
        long size;
        String symlinkTarget;
        long dirBlock;
        int dirOffset;
        long dirListingSize;
        long dataStart;
        long fragmentIndex = NO_FRAGMENT;
        long fragmentOffset;
        long blockListBlock;
        int blockListOffset;

        SquashfsInode build() {
            return new SquashfsInode(this);
        }
    }
}
