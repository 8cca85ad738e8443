package io.github.puavomirror.mirror;

import io.github.puavomirror.rdiff.TemporaryFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Replaces files so that readers see either the old or the new content, never a partial one: write a hidden
 * temp file in the target's directory (same filesystem, so the rename is atomic), sync it, rename it over the
 * target. Temp files get the process's default permissions, unlike {@link Files#createTempFile}, which would
 * make published files owner-only.
 */
public final class AtomicFiles {

    private static final Pattern TEMP_NAME = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp");

    private AtomicFiles() {
    }

    /**
     * A fresh temp path next to {@code target}, {@code .<name>.<random>.tmp}; the file is not created. Create it
     * with {@code CREATE_NEW} or {@link Files#createLink} (which fail rather than reuse an existing file), then
     * {@link #commit} it, and delete it in a {@code finally} in case of failure. It is deleted at exit
     * (SIGTERM, SIGINT) unless committed or {@link #delete}d before.
     */
    public static Path tempSibling(Path target) {
        Path absolute = target.toAbsolutePath();
        Path tmp = absolute.resolveSibling("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        TemporaryFiles.register(tmp);
        return tmp;
    }

    /** Deletes a temporary file from {@link #tempSibling} if it is there. */
    public static void delete(Path tmp) throws IOException {
        Files.deleteIfExists(tmp);
        TemporaryFiles.release(tmp);
    }

    /** Whether {@code fileName} has the form {@link #tempSibling} gives, so {@code prune} can find leftovers. */
    public static boolean isTempName(String fileName) {
        return TEMP_NAME.matcher(fileName).matches();
    }

    /** Syncs {@code tmp} to disk and renames it atomically over {@code target}. */
    public static void commit(Path tmp, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.READ)) {
            channel.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        TemporaryFiles.release(tmp);
    }

    /** Replaces {@code target} with {@code content} atomically; the temp file is removed on failure. */
    public static void write(Path target, byte[] content) throws IOException {
        Path tmp;
        FileChannel opened;
        do {
            tmp = tempSibling(target);
            opened = createNew(tmp);
            if (opened == null) {
                TemporaryFiles.release(tmp);
            }
        } while (opened == null);
        try {
            try (FileChannel channel = opened) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            commit(tmp, target);
        } finally {
            delete(tmp);
        }
    }

    /** Opens a new file for writing, or returns null if another writer already picked that name. */
    private static FileChannel createNew(Path path) throws IOException {
        try {
            return FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            return null;
        }
    }
}
