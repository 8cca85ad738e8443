package io.github.puavomirror.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
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
