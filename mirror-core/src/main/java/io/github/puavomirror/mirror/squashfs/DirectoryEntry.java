package io.github.puavomirror.mirror.squashfs;

/**
 * One name in a directory listing.
 *
 * @param name the name, decoded as UTF-8 (squashfs stores raw bytes)
 * @param type the entry's file type as recorded in the directory
 * @param inodeRef where the inode lives: metadata block offset in the inode table shifted left
 *     by 16, plus the offset inside the uncompressed block
 * @param inodeNumber the inode number
 */
public record DirectoryEntry(String name, NodeType type, long inodeRef, long inodeNumber) {}
