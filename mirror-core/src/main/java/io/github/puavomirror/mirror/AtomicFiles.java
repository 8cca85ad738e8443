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
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces files so that readers see either the old or the new content, never a partial one: write a hidden
 * temp file in the target's directory (same filesystem, so the rename is atomic), sync it, rename it over the
 * target. What it writes is published, so it gets {@link #FILE_MODE} whatever the umask.
 */
public final class AtomicFiles {

    /** Mode of the files a mirror publishes: a web server (another user) must read them. */
    public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
    /** Mode of the folders a mirror publishes. */
    public static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    private static final Pattern TEMP_NAME = Pattern.compile("\\.(.+)\\.[0-9a-f]{1,16}\\.tmp");

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

    /**
     * The name a temp file of the form {@link #tempSibling} gives was made for, or empty when
     * {@code fileName} does not have that form; {@code prune} removes leftovers made for its own names.
     */
    public static Optional<String> tempTarget(String fileName) {
        Matcher m = TEMP_NAME.matcher(fileName);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * Sets {@code path}'s mode to exactly {@code mode} (the umask would take bits away at
     * creation); a file system without POSIX modes is left as it is.
     */
    public static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(mode);
        }
    }

    /** Syncs {@code tmp} to disk and renames it atomically over {@code target}. */
    public static void commit(Path tmp, Path target) throws IOException {
        sync(tmp);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        TemporaryFiles.release(tmp);
    }

    /**
     * Like {@link #commit}, for a caller that must not replace a file: when {@code target} exists
     * by the time of the rename, it throws {@link FileAlreadyExistsException} and {@code tmp} stays
     * for the caller's {@link #delete}. ({@code rdiff} without {@code -f} refuses existing outputs.)
     */
    public static void commitNew(Path tmp, Path target) throws IOException {
        sync(tmp);
        Files.move(tmp, target);
        TemporaryFiles.release(tmp);
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        }
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
                setMode(tmp, FILE_MODE);
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
