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
package io.github.puavomirror.cli.rdiff;

import io.github.puavomirror.cli.CliFailure;
import io.github.puavomirror.mirror.AtomicFiles;
import io.github.puavomirror.rdiff.RdiffResult;
import io.github.puavomirror.rdiff.TemporaryFiles;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Where an operation writes: standard output (streamed), or a file written under a temporary
 * name in the same folder and renamed over the target by {@link #commit()}, the mirror's
 * {@link AtomicFiles} way, so a failed or interrupted job never leaves a half-written file.
 * Like rdiff, an existing file is only replaced with force.
 */
final class OutputTarget implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final String name;
    private final Path target;
    private final Path temp;
    private final OutputStream raw;
    private final CountingOutputStream counted;
    private final boolean force;
    private boolean committed;
    /** Whether an engine writes {@link #temp} by path, so {@link #counted} sees nothing. */
    private boolean byPath;
    private long committedSize;

    private OutputTarget(String name, Path target, Path temp, OutputStream raw, boolean force) {
        this.name = name;
        this.target = target;
        this.temp = temp;
        this.raw = raw;
        this.counted = new CountingOutputStream(new BufferedOutputStream(raw, BUFFER));
        this.force = force;
    }

    /**
     * Opens {@code name} ({@code -} or null for {@code stdout}) for writing.
     *
     * @throws CliFailure when the file exists and {@code force} is off (rdiff's "File exists",
     *                    exit 100), or its folder cannot take a new file
     */
    static OutputTarget open(String name, boolean force, OutputStream stdout) throws CliFailure {
        if (FileNames.isStdio(name)) {
            return new OutputTarget(name, null, null, new NonClosing(stdout), force);
        }
        Path path = Path.of(name);
        if (Files.exists(path)) {
            if (!force) {
                throw CliFailure.failed(null, FileNames.fileExists(name), RdiffResult.IO_ERROR, null);
            }
            if (!Files.isRegularFile(path)) {
                // A device or a FIFO must be written in place, as rdiff does: renaming a file
                // over /dev/null would replace the device.
                try {
                    return new OutputTarget(name, null, null,
                            Files.newOutputStream(path, StandardOpenOption.WRITE), force);
                } catch (IOException e) {
                    throw FileNames.openFailure(name, true, e);
                }
            }
        }
        try {
            // Through a symbolic link rdiff writes to the link's target, so we replace that.
            Path target = Files.exists(path) ? path.toRealPath() : path.toAbsolutePath();
            Path temp = AtomicFiles.tempSibling(target);
            OutputStream out;
            try {
                out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                // Not created, so nothing to delete; maybe not ours to delete either.
                TemporaryFiles.release(temp);
                throw e;
            }
            keepPermissions(target, temp);
            return new OutputTarget(name, target, temp, out, force);
        } catch (IOException e) {
            throw FileNames.openFailure(name, true, e);
        }
    }

    /** An overwritten file keeps its mode, as it does when rdiff truncates it in place. */
    private static void keepPermissions(Path from, Path to) {
        if (!Files.isRegularFile(from)) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(from);
            Files.setPosixFilePermissions(to, mode);
        } catch (IOException | UnsupportedOperationException e) {
            // The new file then keeps the default mode, which is still a correct output.
        }
    }

    /** The stream to write to; it counts bytes for {@code -s}. */
    CountingOutputStream stream() {
        return counted;
    }

    /**
     * Hands the temporary file to an engine that writes it by path instead of through
     * {@link #stream()}; null when the output must be streamed (standard output, a device written
     * in place). After a non-null return, {@link #written()} is the file's size.
     */
    Path fileForEngine() {
        if (temp != null) {
            byPath = true;
        }
        return temp;
    }

    /** The bytes written so far (for {@code -s}), also after a failure. */
    long written() {
        if (!byPath) {
            return counted.count();
        }
        if (committed) {
            return committedSize;
        }
        try {
            return Files.size(temp);
        } catch (IOException e) {
            // Only the statistics of a failed patch ask before commit: a file that cannot be
            // sized then counts as empty rather than hiding the patch's own error.
            return 0;
        }
    }

    /** The name for error lines. */
    String displayName() {
        return FileNames.display(name, true);
    }

    /** Flushes and, for a file, moves the finished output into place. */
    void commit() throws IOException {
        counted.flush();
        if (temp == null) {
            committed = true;
            raw.close();
            return;
        }
        raw.close();
        if (byPath) {
            committedSize = Files.size(temp);
        }
        try {
            if (force) {
                AtomicFiles.commit(temp, target);
            } else {
                AtomicFiles.commitNew(temp, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(name, null, FileNames.fileExists(name));
        }
        committed = true;
    }

    /** Drops the temporary file of an output that was not committed. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        try {
            raw.close();
        } finally {
            if (temp != null) {
                AtomicFiles.delete(temp);
            }
        }
    }

    /** Keeps {@code System.out} open for whatever the process prints next. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
