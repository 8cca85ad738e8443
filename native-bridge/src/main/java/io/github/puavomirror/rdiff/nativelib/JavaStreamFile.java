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

import com.sun.jna.Pointer;

import io.github.puavomirror.rdiff.RdiffException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * A libc {@code FILE*} over a Java stream or channel (glibc's {@code fopencookie}), so librsync
 * reads and writes it as it goes: nothing is copied to a temporary file, whatever the size, and
 * a basis that can seek (even {@code /dev/zero}) is read only where COPY commands point.
 *
 * <p>librsync sees a Java failure as a failed read or write; the failure itself is kept and
 * rethrown by the caller in place of librsync's less precise error.
 */
final class JavaStreamFile {
    private static final int BUFFER = 1 << 16;
    private static final int SEEK_SET = 0;
    private static final int SEEK_CUR = 1;
    private static final int SEEK_END = 2;

    private final InputStream in;
    private final SeekableByteChannel channel;
    private final OutputStream out;
    private final long readLimit;
    private final RdiffException overLimit;
    /** The callbacks, held here: JNA keeps only weak references to them while libc holds their pointers. */
    private final LibC.CookieFunctions functions = new LibC.CookieFunctions();
    private final byte[] chunk = new byte[BUFFER];
    private long position;
    private IOException failure;

    private JavaStreamFile(InputStream in, SeekableByteChannel channel, OutputStream out, long readLimit,
                           RdiffException overLimit) {
        this.in = in;
        this.channel = channel;
        this.out = out;
        this.readLimit = readLimit;
        this.overLimit = overLimit;
    }

    /** Reads {@code in} once from start to end; more than {@code limit} bytes fail with {@code overLimit}. */
    static JavaStreamFile reading(InputStream in, long limit, RdiffException overLimit) {
        JavaStreamFile f = new JavaStreamFile(in, null, null, limit, overLimit);
        f.functions.read = f::read;
        return f;
    }

    /** Reads {@code channel} from where it is, at the positions librsync seeks to. */
    static JavaStreamFile seeking(SeekableByteChannel channel) throws IOException {
        JavaStreamFile f = new JavaStreamFile(null, channel, null, Long.MAX_VALUE, null);
        f.position = channel.position();
        f.functions.read = f::read;
        f.functions.seek = f::seek;
        return f;
    }

    static JavaStreamFile writing(OutputStream out) {
        JavaStreamFile f = new JavaStreamFile(null, null, out, Long.MAX_VALUE, null);
        f.functions.write = f::write;
        return f;
    }

    LibC.CookieFunctions functions() {
        return functions;
    }

    String mode() {
        return out != null ? "wb" : "rb";
    }

    /** The Java failure librsync saw as a failed read or write, if any. */
    IOException failure() {
        return failure;
    }

    /** One callback's work; an exception becomes its failure, which librsync sees as -1. */
    @FunctionalInterface
    private interface Callback {
        long run() throws IOException;
    }

    private long guarded(Callback callback) {
        if (failure != null) {
            return -1;
        }
        try {
            return callback.run();
        } catch (IOException e) {
            failure = e;
            return -1;
        }
    }

    private long read(Pointer cookie, Pointer buffer, long size) {
        return guarded(() -> {
            int want = (int) Math.min(size, chunk.length);
            int n = channel != null ? channel.read(ByteBuffer.wrap(chunk, 0, want)) : in.read(chunk, 0, want);
            if (n <= 0) {
                return 0;
            }
            if (position + n > readLimit) {
                throw overLimit;
            }
            buffer.write(0, chunk, 0, n);
            position += n;
            return n;
        });
    }

    private long write(Pointer cookie, Pointer buffer, long size) {
        return guarded(() -> {
            long done = 0;
            while (done < size) {
                int n = (int) Math.min(size - done, chunk.length);
                buffer.read(done, chunk, 0, n);
                out.write(chunk, 0, n);
                done += n;
            }
            return size;
        });
    }

    private int seek(Pointer cookie, Pointer offset, int whence) {
        return (int) guarded(() -> {
            long base = switch (whence) {
                case SEEK_SET -> 0;
                case SEEK_CUR -> position;
                case SEEK_END -> channel.size();
                default -> -1;
            };
            long target = base + offset.getLong(0);
            if (base < 0 || target < 0) {
                return -1;
            }
            channel.position(target);
            position = target;
            offset.setLong(0, target);
            return 0;
        });
    }
}
