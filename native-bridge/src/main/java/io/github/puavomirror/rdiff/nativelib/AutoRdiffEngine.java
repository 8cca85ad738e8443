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

import io.github.puavomirror.rdiff.JavaRdiffEngine;
import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.RdiffStats;
import io.github.puavomirror.rdiff.SignatureOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code auto} gives when librsync 2.3.2 loads: librsync for signature, delta and patch from
 * file to file, and the Java engine where it is faster for the same bytes: on streams (librsync
 * only takes {@code FILE*}s, so it would read a stream through a callback into Java per buffer) and for
 * one-step diffs that can match the basis by its bytes (no strong sum computed at all, several
 * times faster than librsync's signature + delta; see the README's performance section).
 */
final class AutoRdiffEngine implements RdiffEngine {
    private final RdiffEngine librsync;
    private final JavaRdiffEngine java = new JavaRdiffEngine();

    AutoRdiffEngine(RdiffEngine librsync) {
        this.librsync = librsync;
    }

    @Override
    public String name() {
        return "auto";
    }

    @Override
    public String description() {
        return librsync.description() + " for files; streams and one-step diffs with BLAKE2 sums of 16 bytes"
                + " or more in Java (same bytes)";
    }

    @Override
    public RdiffStats signature(InputStream basis, long basisLength, OutputStream signature, SignatureOptions options)
            throws IOException {
        return java.signature(basis, basisLength, signature, options);
    }

    @Override
    public RdiffStats signature(Path basis, Path signature, SignatureOptions options) throws IOException {
        return librsync.signature(basis, signature, options);
    }

    @Override
    public RdiffStats delta(InputStream signature, InputStream newFile, OutputStream delta) throws IOException {
        return java.delta(signature, newFile, delta);
    }

    @Override
    public RdiffStats delta(Path signature, Path newFile, Path delta) throws IOException {
        return librsync.delta(signature, newFile, delta);
    }

    @Override
    public RdiffStats patch(SeekableByteChannel basis, InputStream delta, OutputStream newFile) throws IOException {
        return java.patch(basis, delta, newFile);
    }

    @Override
    public RdiffStats patch(Path basis, Path delta, Path newFile) throws IOException {
        return librsync.patch(basis, delta, newFile);
    }

    @Override
    public RdiffStats diff(Path basis, Path newFile, OutputStream delta, SignatureOptions options) throws IOException {
        if (javaDiffs(basis, options)) {
            return java.diff(basis, newFile, delta, options);
        }
        return librsync.diff(basis, newFile, delta, options);
    }

    @Override
    public RdiffStats diff(Path basis, Path newFile, Path delta, SignatureOptions options) throws IOException {
        if (javaDiffs(basis, options)) {
            return java.diff(basis, newFile, delta, options);
        }
        return librsync.diff(basis, newFile, delta, options);
    }

    @Override
    public PreparedBasis prepare(Path basis, SignatureOptions options) throws IOException {
        if (javaDiffs(basis, options)) {
            return java.prepare(basis, options);
        }
        return librsync.prepare(basis, options);
    }

    @Override
    public long preparedHeapBytes(long basisLength, long newFileLength, SignatureOptions options)
            throws RdiffException {
        return JavaRdiffEngine.diffMatchesBasisBytes(options.resolve(basisLength))
                ? java.preparedHeapBytes(basisLength, newFileLength, options) : 0;
    }

    /** Whether Java's one-step diff matches the basis by its bytes for this basis and these settings. */
    private static boolean javaDiffs(Path basis, SignatureOptions options) throws IOException {
        return JavaRdiffEngine.diffMatchesBasisBytes(options.resolve(Files.size(basis)));
    }
}
