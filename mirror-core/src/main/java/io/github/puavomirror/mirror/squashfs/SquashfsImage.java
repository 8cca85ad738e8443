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

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Read-only access to a squashfs 4.0 image without mounting it.
 *
 * <p>The image is read with positional reads on a {@link FileChannel}; only the metadata
 * blocks and data blocks that are asked for are loaded, so multi-GiB images are fine. Every
 * structure is bounds-checked against the superblock's {@code bytes_used}, and any
 * inconsistency is reported as a {@link SquashfsException} naming the image.
 *
 * <p>Not thread-safe: confine an instance to one thread at a time.
 */
public final class SquashfsImage implements Closeable {
    /** Default cap for {@link #readFile(String, int)} callers that have no better bound. */
    public static final int DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

    private static final int MIN_BLOCK_LOG = 12;
    private static final int MAX_BLOCK_LOG = 20;
    /** Bit 24 of a data or fragment block size word: stored uncompressed. */
    private static final long DATA_UNCOMPRESSED_BIT = 1L << 24;
    private static final long DATA_SIZE_MASK = DATA_UNCOMPRESSED_BIT - 1;
    private static final int FRAGMENT_ENTRY_SIZE = 16;
    private static final int FRAGMENTS_PER_BLOCK = MetadataReader.BLOCK_SIZE / FRAGMENT_ENTRY_SIZE;
    private static final int DIRECTORY_HEADER_SIZE = 12;
    private static final int DIRECTORY_ENTRY_SIZE = 8;
    private static final int MAX_ENTRIES_PER_HEADER = 256;
    private static final int MAX_NAME_LENGTH = 256;
    /** A directory listing beyond this is taken as corruption rather than read. */
    private static final long MAX_LISTING_BYTES = 64L * 1024 * 1024;
    /**
     * A listing {@link #list} returns whole: about 30,000 entries of typical names, each held as
     * an object. Walking a path holds no listing, so this bounds what an image can make us hold.
     */
    private static final long MAX_LISTED_BYTES = 1L << 20;
    private static final int MAX_SYMLINK_LENGTH = 4096;
    /** Same limit as Linux's MAXSYMLINKS, so loops fail the way they would under a mount. */
    private static final int MAX_SYMLINK_HOPS = 40;

    private final Path file;
    private final FileChannel channel;
    private final Superblock superblock;
    private final BlockDecompressor decompressor;
    private final MetadataReader metadata;

    private long cachedFragmentIndex = -1;
    private byte[] cachedFragment;

    private SquashfsImage(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        this.superblock = readSuperblock(file, channel);
        this.decompressor = BlockDecompressor.create(superblock.compression());
        this.metadata = new MetadataReader(this);
    }

    /**
     * Opens an image and validates its superblock.
     *
     * @throws NotSquashfsException if the file lacks the squashfs magic (including empty files)
     * @throws SquashfsException if it is squashfs but truncated, corrupt or unsupported
     * @throws IOException if the file cannot be opened or read
     */
    public static SquashfsImage open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new SquashfsImage(file, channel);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Superblock readSuperblock(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize == 0) {
            throw new NotSquashfsException(file, "empty file, not a squashfs image");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(fileSize, Superblock.SIZE)).order(ByteOrder.LITTLE_ENDIAN);
        while (buf.hasRemaining()) {
            if (channel.read(buf, buf.position()) < 0) {
                break;
            }
        }
        buf.flip();
        if (buf.remaining() < 4) {
            throw new NotSquashfsException(file, "only " + buf.remaining() + " bytes, not a squashfs image");
        }
        int magic = buf.getInt(0);
        if (magic != Superblock.MAGIC) {
            if (magic == Integer.reverseBytes(Superblock.MAGIC)) {
                throw new SquashfsException(file, "big-endian squashfs (format 3.x or older) is not supported");
            }
            throw new NotSquashfsException(file, "not a squashfs image (no \"hsqs\" magic at offset 0)");
        }
        if (buf.remaining() < Superblock.SIZE) {
            throw new SquashfsException(file, "truncated squashfs image: the superblock needs "
                    + Superblock.SIZE + " bytes but the file has " + fileSize);
        }
        int major = Short.toUnsignedInt(buf.getShort(28));
        int minor = Short.toUnsignedInt(buf.getShort(30));
        if (major != 4 || minor != 0) {
            throw new SquashfsException(file, "unsupported squashfs version " + major + "." + minor + " (only 4.0 is supported)");
        }
        int compressionId = Short.toUnsignedInt(buf.getShort(20));
        Compression compression = Compression.fromId(compressionId);
        if (compression == null) {
            throw new SquashfsException(file, "unknown squashfs compression id " + compressionId);
        }
        if (compression == Compression.LZMA) {
            throw new SquashfsException(file, "unsupported squashfs compression lzma (id 2, legacy);"
                    + " supported: gzip, lzo, xz, lz4, zstd");
        }
        long blockSize = Integer.toUnsignedLong(buf.getInt(12));
        int blockLog = Short.toUnsignedInt(buf.getShort(22));
        if (blockLog < MIN_BLOCK_LOG || blockLog > MAX_BLOCK_LOG || blockSize != 1L << blockLog) {
            throw new SquashfsException(file, "corrupt superblock: block size " + blockSize + " with block log " + blockLog);
        }
        Superblock sb = new Superblock(
                Integer.toUnsignedLong(buf.getInt(4)),
                Integer.toUnsignedLong(buf.getInt(8)),
                (int) blockSize,
                Integer.toUnsignedLong(buf.getInt(16)),
                compression,
                Short.toUnsignedInt(buf.getShort(24)),
                Short.toUnsignedInt(buf.getShort(26)),
                buf.getLong(32),
                buf.getLong(40),
                buf.getLong(48),
                buf.getLong(56),
                buf.getLong(64),
                buf.getLong(72),
                buf.getLong(80),
                buf.getLong(88));
        // Unsigned comparisons: a corrupt offset with the top bit set must not pass as negative.
        if (Long.compareUnsigned(sb.bytesUsed(), fileSize) > 0) {
            throw new SquashfsException(file, "truncated squashfs image: the superblock says "
                    + Long.toUnsignedString(sb.bytesUsed()) + " bytes are used but the file has " + fileSize);
        }
        if (Long.compareUnsigned(sb.inodeTableStart(), Superblock.SIZE) < 0
                || Long.compareUnsigned(sb.inodeTableStart(), sb.directoryTableStart()) >= 0
                || Long.compareUnsigned(sb.directoryTableStart(), sb.bytesUsed()) >= 0) {
            throw new SquashfsException(file, "corrupt superblock: inode table at " + Long.toUnsignedString(sb.inodeTableStart())
                    + ", directory table at " + Long.toUnsignedString(sb.directoryTableStart())
                    + ", " + Long.toUnsignedString(sb.bytesUsed()) + " bytes used");
        }
        if (sb.fragmentCount() > 0 && Long.compareUnsigned(sb.fragmentTableStart(), sb.bytesUsed()) >= 0) {
            throw new SquashfsException(file, "corrupt superblock: fragment table at "
                    + Long.toUnsignedString(sb.fragmentTableStart()) + " lies beyond the data");
        }
        return sb;
    }

    /** The image file. */
    public Path file() {
        return file;
    }

    public Superblock superblock() {
        return superblock;
    }

    /** The root directory. */
    public SquashfsInode root() throws IOException {
        SquashfsInode root = readInode(superblock.rootInodeRef());
        if (!root.isDirectory()) {
            throw corrupt("the root inode is a " + root.type() + ", not a directory");
        }
        return root;
    }

    /** The inode a directory entry points at. */
    public SquashfsInode inode(DirectoryEntry entry) throws IOException {
        return readInode(entry.inodeRef());
    }

    /**
     * Finds a path like {@code usr/share/puavo-conf/definitions} (a leading '/' is optional).
     * Symlinks met on the way are followed inside the image, absolute targets from the image
     * root; the last component is returned as is, so a symlink comes back as a symlink.
     *
     * @return the inode, or empty if some component does not exist or is not a directory
     */
    public Optional<SquashfsInode> lookup(String path) throws IOException {
        return walk(path, false);
    }

    /** Like {@link #lookup(String)}, but also follows a symlink in the last component. */
    public Optional<SquashfsInode> resolve(String path) throws IOException {
        return walk(path, true);
    }

    private Optional<SquashfsInode> walk(String path, boolean followLast) throws IOException {
        SquashfsInode root = root();
        Deque<SquashfsInode> stack = new ArrayDeque<>();
        stack.addLast(root);
        Deque<String> todo = new ArrayDeque<>(components(path));
        int hops = 0;
        while (!todo.isEmpty()) {
            String name = todo.removeFirst();
            SquashfsInode current = stack.peekLast();
            if (!current.isDirectory()) {
                return Optional.empty();
            }
            if (name.equals("..")) {
                if (stack.size() > 1) {
                    stack.removeLast();
                }
                continue;
            }
            Optional<DirectoryEntry> entry = find(current, name);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            SquashfsInode node = inode(entry.get());
            if (node.isSymlink() && (followLast || !todo.isEmpty())) {
                if (++hops > MAX_SYMLINK_HOPS) {
                    throw new SquashfsException(file, "too many levels of symbolic links resolving " + path);
                }
                String target = node.symlinkTarget().orElseThrow();
                if (target.startsWith("/")) {
                    stack.clear();
                    stack.addLast(root);
                }
                List<String> parts = components(target);
                for (int i = parts.size() - 1; i >= 0; i--) {
                    todo.addFirst(parts.get(i));
                }
                continue;
            }
            stack.addLast(node);
        }
        return Optional.of(stack.peekLast());
    }

    private static List<String> components(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return parts;
    }

    /** Looks the name up entry by entry, holding none: a path may cross a directory of any size. */
    private Optional<DirectoryEntry> find(SquashfsInode dir, String name) throws IOException {
        DirectoryEntry[] found = new DirectoryEntry[1];
        scan(dir, entry -> {
            if (entry.name().equals(name)) {
                found[0] = entry;
                return true;
            }
            return false;
        });
        return Optional.ofNullable(found[0]);
    }

    /**
     * The entries of a directory in stored order, which mksquashfs makes byte-wise name order.
     * "." and ".." are not stored and not returned.
     */
    public List<DirectoryEntry> list(SquashfsInode dir) throws IOException {
        if (!dir.isDirectory()) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        if (dir.dirListingSize > MAX_LISTED_BYTES) {
            throw new SquashfsException(file, "directory inode " + dir.inodeNumber() + " has a " + dir.dirListingSize
                    + "-byte listing, more than the " + MAX_LISTED_BYTES + " bytes a listing read whole may have");
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        scan(dir, entry -> {
            entries.add(entry);
            return false;
        });
        return entries;
    }

    /** Told each entry of a listing in stored order; true stops the scan. */
    private interface EntryVisitor {
        boolean visit(DirectoryEntry entry) throws IOException;
    }

    private void scan(SquashfsInode dir, EntryVisitor visitor) throws IOException {
        long remaining = dir.dirListingSize;
        if (remaining > MAX_LISTING_BYTES) {
            throw corrupt("directory inode " + dir.inodeNumber() + " claims a " + remaining + "-byte listing");
        }
        if (remaining == 0) {
            return;
        }
        MetadataReader.Cursor in = metadata.cursor(superblock.directoryTableStart() + dir.dirBlock, dir.dirOffset);
        byte[] nameBuf = new byte[MAX_NAME_LENGTH];
        while (remaining > 0) {
            if (remaining < DIRECTORY_HEADER_SIZE) {
                throw corrupt("directory inode " + dir.inodeNumber() + " ends inside a directory header");
            }
            long count = in.u32() + 1;
            long inodeBlock = in.u32();
            long inodeBase = in.u32();
            remaining -= DIRECTORY_HEADER_SIZE;
            if (count > MAX_ENTRIES_PER_HEADER) {
                throw corrupt("directory inode " + dir.inodeNumber() + " has a header with " + count + " entries");
            }
            for (long i = 0; i < count; i++) {
                int inodeOffset = in.u16();
                int inodeDelta = (short) in.u16();
                int typeCode = in.u16();
                int nameLength = in.u16() + 1;
                remaining -= DIRECTORY_ENTRY_SIZE + nameLength;
                NodeType type = typeCode <= 7 ? NodeType.fromCode(typeCode) : null;
                if (remaining < 0 || nameLength > MAX_NAME_LENGTH || type == null || inodeOffset >= MetadataReader.BLOCK_SIZE) {
                    throw corrupt("directory inode " + dir.inodeNumber() + " has a malformed entry");
                }
                in.readFully(nameBuf, 0, nameLength);
                if (visitor.visit(new DirectoryEntry(entryName(nameBuf, nameLength, dir), type,
                        inodeBlock << 16 | inodeOffset, inodeBase + inodeDelta))) {
                    return;
                }
            }
        }
    }

    /**
     * The entries of the directory at {@code path}, following symlinks.
     *
     * @throws NoSuchFileException if the path does not exist in the image
     * @throws SquashfsException if it is not a directory
     */
    public List<DirectoryEntry> list(String path) throws IOException {
        SquashfsInode inode = resolve(path).orElseThrow(() -> new NoSuchFileException(file + ": " + path));
        if (!inode.isDirectory()) {
            throw new SquashfsException(file, path + " is a " + inode.type() + ", not a directory");
        }
        return list(inode);
    }

    private String entryName(byte[] bytes, int length, SquashfsInode dir) throws SquashfsException {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '/' || bytes[i] == 0) {
                throw corrupt("directory inode " + dir.inodeNumber() + " has an entry name containing '/' or NUL");
            }
        }
        String name = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (name.equals(".") || name.equals("..")) {
            throw corrupt("directory inode " + dir.inodeNumber() + " has an entry named " + name);
        }
        return name;
    }

    /**
     * Reads a whole regular file, after checking its size against {@code maxBytes}.
     *
     * @throws SquashfsException if the file is larger than {@code maxBytes} or its data is corrupt
     */
    public byte[] readFile(SquashfsInode inode, int maxBytes) throws IOException {
        if (!inode.isRegularFile()) {
            throw new IllegalArgumentException("not a regular file: " + inode);
        }
        if (inode.size() > maxBytes) {
            throw new SquashfsException(file, "file inode " + inode.inodeNumber() + " is " + inode.size()
                    + " bytes, more than the " + maxBytes + "-byte limit");
        }
        try (InputStream in = openFile(inode)) {
            return in.readAllBytes();
        }
    }

    /**
     * Reads a whole regular file by path, following symlinks.
     *
     * @throws NoSuchFileException if the path does not exist in the image
     * @throws SquashfsException if it is not a regular file, is larger than {@code maxBytes}, or
     *     its data is corrupt
     */
    public byte[] readFile(String path, int maxBytes) throws IOException {
        SquashfsInode inode = resolve(path).orElseThrow(() -> new NoSuchFileException(file + ": " + path));
        if (!inode.isRegularFile()) {
            throw new SquashfsException(file, path + " is a " + inode.type() + ", not a regular file");
        }
        return readFile(inode, maxBytes);
    }

    /** Streams a regular file's content, one data block at a time. */
    public InputStream openFile(SquashfsInode inode) throws IOException {
        if (!inode.isRegularFile()) {
            throw new IllegalArgumentException("not a regular file: " + inode);
        }
        return new FileContent(inode);
    }

    @Override
    public void close() throws IOException {
        decompressor.close();
        channel.close();
    }

    /** Reads {@code length} bytes at {@code pos}, which must lie inside the used area. */
    byte[] readRaw(long pos, int length, String what) throws IOException {
        if (pos < 0 || Long.compareUnsigned(pos + length, superblock.bytesUsed()) > 0) {
            throw corrupt(what + " at offset " + Long.toUnsignedString(pos) + " (" + length
                    + " bytes) lies beyond the " + superblock.bytesUsed() + " bytes in use");
        }
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (channel.read(buf, pos + buf.position()) < 0) {
                throw new SquashfsException(file, "truncated squashfs image: end of file reading " + what + " at offset " + pos);
            }
        }
        return buf.array();
    }

    int decompress(byte[] src, int length, byte[] dst, String what, long pos) throws SquashfsException {
        try {
            return decompressor.decompress(src, length, dst);
        } catch (IOException e) {
            throw new SquashfsException(file, superblock.compression().label() + " " + what
                    + " at offset " + pos + ": " + e.getMessage(), e);
        }
    }

    SquashfsException corrupt(String problem) {
        return new SquashfsException(file, "corrupt squashfs image: " + problem);
    }

    private SquashfsInode readInode(long ref) throws IOException {
        long block = ref >>> 16;
        int offset = (int) (ref & 0xFFFF);
        if (ref >>> 48 != 0 || block >= superblock.directoryTableStart() - superblock.inodeTableStart()
                || offset >= MetadataReader.BLOCK_SIZE) {
            throw corrupt("inode reference " + Long.toHexString(ref) + " points outside the inode table");
        }
        MetadataReader.Cursor in = metadata.cursor(superblock.inodeTableStart() + block, offset);
        SquashfsInode.Builder b = new SquashfsInode.Builder();
        int typeCode = in.u16();
        b.type = NodeType.fromCode(typeCode);
        if (b.type == null) {
            throw corrupt("unknown inode type " + typeCode + " at reference " + Long.toHexString(ref));
        }
        b.extended = typeCode > 7;
        b.mode = in.u16();
        in.skip(4); // uid and gid indexes into the id table, not needed here
        b.mtime = in.u32();
        b.inodeNumber = in.u32();
        switch (typeCode) {
            case 1: // basic directory
                b.dirBlock = in.u32();
                b.linkCount = in.u32();
                b.size = in.u16();
                b.dirOffset = in.u16();
                in.skip(4); // parent inode number
                break;
            case 8: // extended directory; its name index only speeds up lookups, so it is unused
                b.linkCount = in.u32();
                b.size = in.u32();
                b.dirBlock = in.u32();
                in.skip(4 + 2); // parent inode number, index count
                b.dirOffset = in.u16();
                break;
            case 2: // basic file
                b.dataStart = in.u32();
                b.fragmentIndex = in.u32();
                b.fragmentOffset = in.u32();
                b.size = in.u32();
                b.blockListBlock = in.blockPos();
                b.blockListOffset = in.offset();
                break;
            case 9: // extended file
                b.dataStart = in.u64();
                b.size = in.u64();
                in.skip(8); // bytes saved by sparse blocks
                b.linkCount = in.u32();
                b.fragmentIndex = in.u32();
                b.fragmentOffset = in.u32();
                in.skip(4); // xattr index
                b.blockListBlock = in.blockPos();
                b.blockListOffset = in.offset();
                break;
            case 3:
            case 10: // symlink; the extended form only appends an xattr index
                b.linkCount = in.u32();
                b.size = in.u32();
                if (b.size > MAX_SYMLINK_LENGTH) {
                    throw corrupt("symlink inode " + b.inodeNumber + " has a " + b.size + "-byte target");
                }
                b.symlinkTarget = in.utf8((int) b.size);
                break;
            default: // devices, fifos and sockets: the link count is all that matters here
                b.linkCount = in.u32();
                break;
        }
        if (b.type == NodeType.DIRECTORY) {
            // The stored size counts 3 bytes for the implicit "." and ".." entries.
            b.dirListingSize = Math.max(0, b.size - 3);
        }
        if (b.size < 0) {
            throw corrupt("inode " + b.inodeNumber + " has an impossible size " + Long.toUnsignedString(b.size));
        }
        return b.build();
    }

    /** The decompressed fragment block {@code index}; the last one is cached for sibling files. */
    private byte[] fragment(long index) throws IOException {
        if (index == cachedFragmentIndex) {
            return cachedFragment;
        }
        if (index >= superblock.fragmentCount()) {
            throw corrupt("fragment " + index + " does not exist (" + superblock.fragmentCount() + " fragments)");
        }
        byte[] pointer = readRaw(superblock.fragmentTableStart() + index / FRAGMENTS_PER_BLOCK * 8, 8, "fragment table index");
        long blockPos = ByteBuffer.wrap(pointer).order(ByteOrder.LITTLE_ENDIAN).getLong();
        MetadataReader.Cursor in = metadata.cursor(blockPos, (int) (index % FRAGMENTS_PER_BLOCK) * FRAGMENT_ENTRY_SIZE);
        long start = in.u64();
        long sizeWord = in.u32();
        byte[] data = readDataBlock(start, sizeWord, -1, "fragment block");
        cachedFragmentIndex = index;
        cachedFragment = data;
        return data;
    }

    /**
     * Reads one data or fragment block. {@code expected} is the exact decompressed length of a
     * data block, or -1 for a fragment block whose length is only bounded by the block size.
     */
    private byte[] readDataBlock(long pos, long sizeWord, int expected, String what) throws IOException {
        long length = sizeWord & DATA_SIZE_MASK;
        if ((sizeWord & ~(DATA_SIZE_MASK | DATA_UNCOMPRESSED_BIT)) != 0 || length == 0 || length > superblock.blockSize()) {
            throw corrupt(what + " at offset " + pos + " has invalid size word " + Long.toHexString(sizeWord));
        }
        byte[] stored = readRaw(pos, (int) length, what);
        byte[] data;
        if ((sizeWord & DATA_UNCOMPRESSED_BIT) != 0) {
            data = stored;
        } else {
            byte[] out = new byte[superblock.blockSize()];
            data = Arrays.copyOf(out, decompress(stored, (int) length, out, what, pos));
        }
        if (expected >= 0 && data.length != expected) {
            throw corrupt(what + " at offset " + pos + " holds " + data.length + " bytes, expected " + expected);
        }
        return data;
    }

    /**
     * A file is its full blocks, stored back to back from {@code dataStart} with their sizes
     * listed after the inode, then optionally a tail inside a shared fragment block. A size of
     * 0 is a sparse block of zeros that takes no space.
     */
    private final class FileContent extends InputStream {
        private final SquashfsInode inode;
        private final long blockCount;
        private final MetadataReader.Cursor sizes;
        private long nextBlock;
        private long dataPos;
        private boolean tailDone;
        private byte[] buf = new byte[0];
        private int bufPos;

        FileContent(SquashfsInode inode) throws IOException {
            this.inode = inode;
            long blockSize = superblock.blockSize();
            this.blockCount = inode.hasFragment()
                    ? inode.size() / blockSize
                    : (inode.size() + blockSize - 1) / blockSize;
            this.sizes = metadata.cursor(inode.blockListBlock, inode.blockListOffset);
            this.dataPos = inode.dataStart;
            this.tailDone = !inode.hasFragment();
        }

        private boolean fill() throws IOException {
            while (bufPos == buf.length) {
                if (nextBlock < blockCount) {
                    long blockSize = superblock.blockSize();
                    int expected = (int) Math.min(blockSize, inode.size() - nextBlock * blockSize);
                    long sizeWord = sizes.u32();
                    nextBlock++;
                    if (sizeWord == 0) {
                        buf = new byte[expected];
                    } else {
                        buf = readDataBlock(dataPos, sizeWord, expected, "data block of inode " + inode.inodeNumber());
                        dataPos += sizeWord & DATA_SIZE_MASK;
                    }
                } else if (!tailDone) {
                    tailDone = true;
                    buf = tail();
                } else {
                    return false;
                }
                bufPos = 0;
            }
            return true;
        }

        private byte[] tail() throws IOException {
            long length = inode.size() - blockCount * superblock.blockSize();
            byte[] fragment = fragment(inode.fragmentIndex);
            if (inode.fragmentOffset + length > fragment.length) {
                throw corrupt("tail of inode " + inode.inodeNumber() + " lies outside fragment " + inode.fragmentIndex);
            }
            return Arrays.copyOfRange(fragment, (int) inode.fragmentOffset, (int) (inode.fragmentOffset + length));
        }

        @Override
        public int read() throws IOException {
            return fill() ? buf[bufPos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] dst, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, buf.length - bufPos);
            System.arraycopy(buf, bufPos, dst, off, n);
            bufPos += n;
            return n;
        }
    }
}
