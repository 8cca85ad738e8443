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
package io.github.puavomirror.rdiff.nativelib;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The libc {@code FILE*} streams of one operation. {@link #close()} closes every one still open,
 * so a failure anywhere leaks nothing; output streams report write errors when closed.
 */
final class NativeFiles implements AutoCloseable {
    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    private static final long STREAM_BUFFER = 1 << 16;

    /** The charset the JDK uses for file names, so fopen sees the same bytes Java would. */
    private static final Charset FILE_NAME_CHARSET = fileNameCharset();

    private final LibC libc;
    private final List<Open> open = new ArrayList<>();

    private record Open(Pointer file, Path path, boolean output, JavaStreamFile stream) {
    }

    /** Java streams opened here, kept until this closes, with any failure they met. */
    private final List<JavaStreamFile> streams = new ArrayList<>();
    private IOException reported;

    NativeFiles(LibC libc) {
        this.libc = libc;
    }

    Pointer read(Path path) throws IOException {
        return open(path, "rb", false);
    }

    /** Creates or truncates {@code path}, like {@code Files.newOutputStream}. */
    Pointer write(Path path) throws IOException {
        return open(path, "wb", true);
    }

    private Pointer open(Path path, String mode, boolean output) throws IOException {
        byte[] name = path.toString().getBytes(FILE_NAME_CHARSET);
        byte[] cName = new byte[name.length + 1];
        System.arraycopy(name, 0, cName, 0, name.length);
        Pointer f = libc.fopen(cName, mode);
        if (f == null) {
            throw fileError(path, Native.getLastError());
        }
        open.add(new Open(f, path, output, null));
        return f;
    }

    /** A {@code FILE*} over a Java stream; see {@link JavaStreamFile}. */
    Pointer open(JavaStreamFile stream) throws IOException {
        Pointer f = libc.fopencookie(null, stream.mode(), stream.functions());
        if (f == null) {
            throw new IOException("fopencookie: " + libc.strerror(Native.getLastError()));
        }
        streams.add(stream);
        // stdio's default buffer is 8 KiB: fewer, larger calls into Java.
        libc.setvbuf(f, null, LibC.IOFBF, STREAM_BUFFER);
        open.add(new Open(f, null, stream.mode().startsWith("w"), stream));
        return f;
    }

    /**
     * The first failure of a Java stream behind a {@code FILE*}, which explains librsync's error
     * better; the caller throws it, so closing does not throw it again.
     */
    IOException streamFailure() {
        for (JavaStreamFile s : streams) {
            if (s.failure() != null) {
                reported = s.failure();
                return reported;
            }
        }
        return null;
    }

    /** Closes one stream now, e.g. an output that must be complete before it is read. */
    void close(Pointer file) throws IOException {
        for (int i = 0; i < open.size(); i++) {
            if (open.get(i).file().equals(file)) {
                Open o = open.remove(i);
                closeOne(o);
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        while (!open.isEmpty()) {
            try {
                closeOne(open.remove(open.size() - 1));
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private void closeOne(Open o) throws IOException {
        int rc = libc.fclose(o.file());
        if (o.stream() != null && o.stream().failure() != null && o.stream().failure() != reported) {
            throw o.stream().failure();
        }
        if (rc != 0 && o.output()) {
            // fclose flushes stdio's buffer: a full disk shows up here, not in librsync.
            throw new FileSystemException(String.valueOf(o.path()), null,
                    "error writing: " + libc.strerror(Native.getLastError()));
        }
    }

    private IOException fileError(Path path, int errno) {
        String file = path.toString();
        switch (errno) {
            case ENOENT:
                return new NoSuchFileException(file);
            case EACCES:
                return new AccessDeniedException(file);
            default:
                return new FileSystemException(file, null, libc.strerror(errno));
        }
    }

    private static Charset fileNameCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
