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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The pure-Java engine: librsync 2.3.2's formats and matcher, byte for byte, with bounded memory. */
public final class JavaRdiffEngine implements RdiffEngine {
    private static final int READ_BUFFER = 1 << 16;

    @Override
    public String name() {
        return "java";
    }

    @Override
    public String description() {
        return "java: pure-Java librsync 2.3.2 engine";
    }

    @Override
    public RdiffStats signature(InputStream basis, long basisLength, OutputStream signature, SignatureOptions options)
            throws IOException {
        SignatureParams params = options.resolve(basisLength);
        return SignatureWriter.write(basis, signature, params);
    }

    @Override
    public RdiffStats delta(InputStream signature, InputStream newFile, OutputStream delta) throws IOException {
        RdiffStats stats = new RdiffStats("delta");
        Signature sig = SignatureReader.load(buffered(signature), new RdiffStats("loadsig"));
        stats.setSignature(sig.count(), sig.blockLength());
        return new DeltaWriter(sig, newFile, delta, stats).run();
    }

    @Override
    public RdiffStats patch(SeekableByteChannel basis, InputStream delta, OutputStream newFile) throws IOException {
        return Patcher.of(basis, delta, newFile).run();
    }

    @Override
    public RdiffStats patch(Path basis, Path delta, Path newFile) throws IOException {
        try (FileChannel b = FileChannel.open(basis, StandardOpenOption.READ);
             FileChannel d = FileChannel.open(delta, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(newFile, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            return Patcher.of(b, d, out).run();
        }
    }

    /**
     * One step, same bytes as signature + delta. With BLAKE2 sums of 16 bytes or more the basis
     * is matched by its bytes ({@link BasisBlocks}) and never strongly hashed; otherwise an
     * in-memory signature is built first.
     */
    @Override
    public RdiffStats diff(Path basis, Path newFile, OutputStream delta, SignatureOptions options) throws IOException {
        return prepare(basis, options).diff(newFile, delta);
    }

    /**
     * The basis index ({@link BasisBlocks} or an in-memory {@link Signature}) and one diff's
     * buffers: its window, and for a diff split in two the second half's.
     */
    @Override
    public long preparedHeapBytes(long basisLength, long newFileLength, SignatureOptions options)
            throws RdiffException {
        SignatureParams params = options.resolve(basisLength);
        if (diffMatchesBasisBytes(params)) {
            return BasisBlocks.heapBytes(basisLength, params) + SplitDelta.heapBytes(newFileLength, params);
        }
        return Signature.heapBytes(params.blockCount(basisLength), params.strongLength())
                + SignatureWriter.scanHeapBytes(params) + DeltaWriter.heapBytes(params);
    }

    /** Indexes the basis once: by its bytes where that gives librsync's matches, else by an in-memory signature. */
    @Override
    public PreparedBasis prepare(Path basis, SignatureOptions options) throws IOException {
        SignatureParams params = options.resolve(Files.size(basis));
        BlockMatcher matcher;
        if (diffMatchesBasisBytes(params)) {
            matcher = BasisBlocks.build(basis, params, new RdiffStats("signature"));
        } else {
            try (InputStream in = Files.newInputStream(basis)) {
                matcher = SignatureWriter.build(in, params, new RdiffStats("signature"));
            }
        }
        return (newFile, delta) -> {
            RdiffStats stats = new RdiffStats("delta");
            stats.setSignature(matcher.count(), params.blockLength());
            return SplitDelta.diff(matcher, newFile, delta, stats);
        };
    }

    /**
     * Whether {@link #diff} matches the basis by its bytes for these settings (BLAKE2 sums of 16
     * bytes or more), and so never computes a strong sum: then it is several times faster than a
     * signature + delta, with the same output.
     */
    public static boolean diffMatchesBasisBytes(SignatureParams params) {
        return BasisBlocks.applies(params);
    }

    private static InputStream buffered(InputStream in) {
        return in instanceof BufferedInputStream ? in : new BufferedInputStream(in, READ_BUFFER);
    }
}
