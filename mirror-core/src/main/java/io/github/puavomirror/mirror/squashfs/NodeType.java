package io.github.puavomirror.mirror.squashfs;

/** What kind of file an inode or directory entry describes. */
public enum NodeType {
    DIRECTORY,
    FILE,
    SYMLINK,
    BLOCK_DEVICE,
    CHAR_DEVICE,
    FIFO,
    SOCKET;

    /**
     * Maps an on-disk type: 1..7 are the basic inode types and 8..14 their extended forms, in
     * the same order. Directory entries only ever carry the basic codes.
     */
    static NodeType fromCode(int code) {
        if (code < 1 || code > 14) {
            return null;
        }
        return values()[(code - 1) % 7];
    }
}
