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
import io.github.puavomirror.cli.CliIo;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An input named on the command line: a file, or standard input for {@code -} or a missing
 * name. Opening it up front gives rdiff's order of errors (inputs, then outputs).
 */
final class InputSource implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final String name;
    private final Path path;
    private final long length;
    private final CountingInputStream stream;
    private boolean channelFailed;

    private InputSource(String name, Path path, long length, CountingInputStream stream) {
        this.name = name;
        this.path = path;
        this.length = length;
        this.stream = stream;
    }

    /** Opens {@code name} for reading; a failure is rdiff's "Error opening", exit 100. */
    static InputSource open(String name, CliIo io) throws CliFailure {
        if (FileNames.isStdio(name)) {
            return new InputSource(name, null, io.stdinLength().getAsLong(),
                    new CountingInputStream(new BufferedInputStream(io.in(), BUFFER), false));
        }
        Path path = Path.of(name);
        try {
            InputStream in = Files.newInputStream(path);
            // librsync's rs_file_size: the size of a regular file, -1 for anything else.
            long length = Files.isRegularFile(path) ? Files.size(path) : -1;
            return new InputSource(name, path, length, new CountingInputStream(new BufferedInputStream(in, BUFFER), true));
        } catch (IOException e) {
            throw FileNames.openFailure(name, false, e);
        }
    }

    /** The length librsync would see: the file size, or -1 for a pipe. */
    long length() {
        return length;
    }

    CountingInputStream stream() {
        return stream;
    }

    String displayName() {
        return FileNames.display(name, false);
    }

    /** The file itself when this is a regular file, so an engine can read it directly. */
    Path regularFile() {
        return path != null && length >= 0 ? path : null;
    }

    /** Whether reading this input failed, through its stream or through its {@link #channel()}. */
    boolean failed() {
        return stream.failed() || channelFailed;
    }

    /**
     * Records that reading the {@link #channel()} failed, and says it in librsync's words
     * ({@code read error: …}, {@code seek failed: …}) with what is wrong with this input.
     */
    IOException channelFailure(IOException e) {
        channelFailed = true;
        String reason = FileNames.reason(e);
        String words;
        if ("Illegal seek".equals(reason)) {
            words = "seek failed: Illegal seek (a patch reads its basis at any offset, so the basis must be a regular "
                    + "file, not a pipe or FIFO; save it to a file first)";
        } else if (path != null && Files.isDirectory(path)) {
            words = "read error: " + reason + " (the basis of a patch must be a file, not a folder)";
        } else {
            words = "read error: " + reason;
        }
        FileSystemException out = new FileSystemException(displayName(), null, words);
        out.initCause(e);
        return out;
    }

    /**
     * A seekable view, for the basis of a patch: a named file or device (even {@code /dev/zero})
     * is read where COPY commands point; standard input, which cannot seek, is copied only as far
     * as they reach ({@link GrowingSpool}).
     */
    SeekableByteChannel channel() throws IOException {
        if (path != null) {
            return FileChannel.open(path, StandardOpenOption.READ);
        }
        return new GrowingSpool(stream);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
