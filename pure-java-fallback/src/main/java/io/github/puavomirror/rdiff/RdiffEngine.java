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
package io.github.puavomirror.rdiff;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * librsync's three operations (and a one-step diff) with librsync 2.3.2's exact bytes. The pure
 * Java engine and the JNA bridge to the system librsync both implement it, so callers pick an
 * engine without changing anything else.
 *
 * <p>Bad input ends in an {@link RdiffException} carrying librsync's result code. Output paths
 * are written in place: callers that publish write to a temporary name and rename.
 */
public interface RdiffEngine {

    /** Short name: {@code java} or {@code native}. */
    String name();

    /** One line saying what this engine is, for logs. */
    String description();

    /**
     * Writes the signature of {@code basis}.
     *
     * @param basisLength the basis length when known, or -1 for a stream (librsync then uses
     *                    its unknown-size defaults)
     */
    RdiffStats signature(InputStream basis, long basisLength, OutputStream signature, SignatureOptions options)
            throws IOException;

    /** Writes the signature of a file, with the defaults librsync derives from its size. */
    default RdiffStats signature(Path basis, Path signature, SignatureOptions options) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(basis), 1 << 16);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(signature), 1 << 16)) {
            return signature(in, Files.size(basis), out, options);
        }
    }

    /** Loads {@code signature} and writes the delta that turns its basis into {@code newFile}. */
    RdiffStats delta(InputStream signature, InputStream newFile, OutputStream delta) throws IOException;

    default RdiffStats delta(Path signature, Path newFile, Path delta) throws IOException {
        try (InputStream sig = new BufferedInputStream(Files.newInputStream(signature), 1 << 16);
             InputStream in = new BufferedInputStream(Files.newInputStream(newFile), 1 << 16);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(delta), 1 << 16)) {
            return delta(sig, in, out);
        }
    }

    /** Applies {@code delta} to {@code basis} (read at the positions COPY commands name). */
    RdiffStats patch(SeekableByteChannel basis, InputStream delta, OutputStream newFile) throws IOException;

    default RdiffStats patch(Path basis, Path delta, Path newFile) throws IOException {
        try (SeekableByteChannel b = FileChannel.open(basis, StandardOpenOption.READ);
             InputStream d = new BufferedInputStream(Files.newInputStream(delta), 1 << 16);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(newFile), 1 << 16)) {
            return patch(b, d, out);
        }
    }

    /**
     * Writes the delta from {@code basis} to {@code newFile} without writing a signature: the
     * bytes equal {@code rdiff [options] signature basis sig && rdiff delta sig newFile delta}.
     */
    RdiffStats diff(Path basis, Path newFile, OutputStream delta, SignatureOptions options) throws IOException;

    /** {@link #diff(Path, Path, OutputStream, SignatureOptions)} into the file {@code delta}. */
    default RdiffStats diff(Path basis, Path newFile, Path delta, SignatureOptions options) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(delta), 1 << 16)) {
            return diff(basis, newFile, out, options);
        }
    }

    /** A basis prepared for several one-step diffs against it. Safe to use from several threads. */
    interface PreparedBasis {
        /** The same bytes as {@link RdiffEngine#diff(Path, Path, OutputStream, SignatureOptions)} with this basis. */
        RdiffStats diff(Path newFile, OutputStream delta) throws IOException;
    }

    /**
     * The Java heap that {@link #prepare} of a basis of {@code basisLength} bytes holds, with one
     * diff to a new file of up to {@code newFileLength} bytes running against it: what a caller
     * running several at once must plan for. 0 for an engine that keeps its index outside the
     * heap (librsync's is native memory).
     */
    default long preparedHeapBytes(long basisLength, long newFileLength, SignatureOptions options)
            throws RdiffException {
        return 0;
    }

    /**
     * Prepares {@code basis} once for diffs to several new files (the mirror job diffs every image
     * to up to three targets). Engines that can index a basis once override this; the default
     * does each diff from scratch.
     */
    default PreparedBasis prepare(Path basis, SignatureOptions options) throws IOException {
        return (newFile, delta) -> diff(basis, newFile, delta, options);
    }
}
