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

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.RdiffResult;
import io.github.puavomirror.rdiff.RdiffStats;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureHeader;
import io.github.puavomirror.rdiff.SignatureParams;
import io.github.puavomirror.rdiff.TemporaryFiles;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The system librsync behind {@link RdiffEngine}. Paths on the default file system go straight
 * to libc's {@code fopen}; streams and channels reach librsync as {@code FILE*}s that call back
 * into Java as it reads and writes ({@link JavaStreamFile}), so no input is ever copied. The one
 * temporary file, the signature of a one-step diff, is of a size known from its basis and goes
 * to the spool folder given (the mirror job's state folder), else {@code java.io.tmpdir}.
 *
 * <p>librsync 2.3.2 keeps its asserts and calls abort() when memory runs out, which would kill
 * the JVM, so every argument is checked in Java first: signature parameters are resolved here and
 * passed explicitly, a signature's header is validated as librsync's loader would before it is
 * loaded, a delta's magic is checked before patching, and block lengths and block counts that
 * would make librsync allocate more than a sane amount are refused with
 * {@link RdiffResult#MEM_ERROR}.
 *
 * <p>Thread-safe: it holds no mutable state, and librsync has none while {@code rs_inbuflen} and
 * {@code rs_outbuflen} stay 0, which this class never changes.
 */
public final class NativeRdiffEngine implements RdiffEngine {
    /** Largest block length handed to librsync: it mallocs up to 4 × block length + 10 per job. */
    public static final int MAX_BLOCK_LENGTH = 1 << 24;

    /**
     * Most blocks a loaded signature may hold: librsync keeps them all in memory, sizes its hash
     * table in {@code int} arithmetic that overflows above about 214.7M blocks, and aborts when
     * an allocation fails.
     */
    public static final long MAX_SIGNATURE_BLOCKS = 1L << 27;

    private static final int DELTA_MAGIC = 0x72730236;
    private static final int STATS_SIZE = 128;
    /** What rs_file_copy_cb logs when fseeko refuses a position. */
    private static final String SEEK_EINVAL = "seek failed: Invalid argument";

    private final LoadedLibrsync lib;
    /** What the engine's spool files are named after: {@code .<SPOOL_NAME>.<hex>.tmp}. */
    public static final String SPOOL_NAME = "puavo-rdiff-native";

    private final Path spoolFolder;

    NativeRdiffEngine(LoadedLibrsync lib) {
        this(lib, null);
    }

    private NativeRdiffEngine(LoadedLibrsync lib, Path spoolFolder) {
        this.lib = lib;
        this.spoolFolder = spoolFolder;
    }

    /** This engine with its temporary files in {@code folder} instead of {@code java.io.tmpdir}. */
    NativeRdiffEngine spoolingIn(Path folder) {
        return new NativeRdiffEngine(lib, folder);
    }

    /** Opens one of an operation's {@code FILE*}s: a path, or a Java stream. */
    @FunctionalInterface
    private interface Opener {
        Pointer open(NativeFiles files) throws IOException;
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String description() {
        return "native: " + lib.version + " at " + lib.path;
    }

    // ---- signature

    @Override
    public RdiffStats signature(InputStream basis, long basisLength, OutputStream signature, SignatureOptions options)
            throws IOException {
        return signature(files -> files.open(JavaStreamFile.reading(basis, Long.MAX_VALUE, null)),
                files -> files.open(JavaStreamFile.writing(signature)), resolve(options, basisLength));
    }

    @Override
    public RdiffStats signature(Path basis, Path signature, SignatureOptions options) throws IOException {
        if (!local(basis, signature)) {
            return RdiffEngine.super.signature(basis, signature, options);
        }
        return signature(files -> files.read(basis), files -> files.write(signature),
                resolve(options, Files.size(basis)));
    }

    private RdiffStats signature(Opener basis, Opener signature, SignatureParams params) throws IOException {
        Memory stats = newStats();
        try (NativeFiles files = new NativeFiles(lib.libc)) {
            Pointer in = basis.open(files);
            Pointer out = signature.open(files);
            check(files, lib.call(() -> lib.rs.rs_sig_file(in, out, params.blockLength(), params.strongLength(),
                    params.type().magic(), stats)));
            files.close(out);
        }
        return toStats(stats, "signature");
    }

    private static SignatureParams resolve(SignatureOptions options, long basisLength) throws RdiffException {
        SignatureParams p = (options == null ? SignatureOptions.DEFAULTS : options).resolve(basisLength);
        checkBlockLength(p.blockLength());
        return p;
    }

    private static void checkBlockLength(long blockLength) throws RdiffException {
        if (blockLength > MAX_BLOCK_LENGTH) {
            throw new RdiffException(RdiffResult.MEM_ERROR, "block length " + blockLength
                    + " is over the native engine's limit of " + MAX_BLOCK_LENGTH
                    + " (librsync would allocate several times that and abort if it cannot)");
        }
    }

    // ---- delta

    @Override
    public RdiffStats delta(InputStream signature, InputStream newFile, OutputStream delta) throws IOException {
        InputStream sig = new BufferedInputStream(signature, 1 << 16);
        sig.mark(SignatureHeader.LENGTH);
        byte[] header = sig.readNBytes(SignatureHeader.LENGTH);
        sig.reset();
        // The size is not known yet: the header is checked now and the block count as the signature is read.
        int blockBytes = checkSignatureHeader(header, header.length, SignatureHeader.LENGTH);
        long limit = SignatureHeader.LENGTH + MAX_SIGNATURE_BLOCKS * blockBytes;
        RdiffException tooLarge = new RdiffException(RdiffResult.MEM_ERROR, "signature has more than "
                + MAX_SIGNATURE_BLOCKS + " blocks, the native engine's limit");
        return delta(files -> files.open(JavaStreamFile.reading(sig, limit, tooLarge)),
                files -> files.open(JavaStreamFile.reading(newFile, Long.MAX_VALUE, null)),
                files -> files.open(JavaStreamFile.writing(delta)));
    }

    @Override
    public RdiffStats delta(Path signature, Path newFile, Path delta) throws IOException {
        if (!local(signature, newFile, delta) || !Files.isRegularFile(signature)) {
            return RdiffEngine.super.delta(signature, newFile, delta);
        }
        checkSignature(signature);
        return delta(files -> files.read(signature), files -> files.read(newFile), files -> files.write(delta));
    }

    /** Loads, hashes and applies a signature whose header {@link #checkSignature} accepted. */
    private RdiffStats delta(Opener signature, Opener newFile, Opener delta) throws IOException {
        Memory loadStats = newStats();
        Memory deltaStats = newStats();
        PointerByReference sumsetRef = new PointerByReference();
        try (NativeFiles files = new NativeFiles(lib.libc)) {
            Pointer sig = signature.open(files);
            LoadedLibrsync.Outcome loaded = lib.call(() -> lib.rs.rs_loadsig_file(sig, sumsetRef, loadStats));
            files.close(sig);
            Pointer sumset = sumsetRef.getValue();
            try {
                check(files, loaded);
                // rs_delta_file asserts that the hash table exists when the signature has blocks.
                check(lib.call(() -> lib.rs.rs_build_hash_table(sumset)));
                Pointer in = newFile.open(files);
                Pointer out = delta.open(files);
                check(files, lib.call(() -> lib.rs.rs_delta_file(sumset, in, out, deltaStats)));
                files.close(out);
            } finally {
                // rs_loadsig_file allocates the set even when it fails; freeing it then is safe.
                if (sumset != null) {
                    lib.rs.rs_free_sumset(sumset);
                }
            }
        }
        RdiffStats stats = toStats(deltaStats, "delta");
        stats.setSignature(loadStats.getLong(80), loadStats.getLong(88));
        return stats;
    }

    /**
     * Applies librsync's signature loader rules to the header, in its order, so that librsync
     * itself never sees a header it would assert on, and refuses sizes it could not allocate.
     */
    static void checkSignature(Path signature) throws IOException {
        byte[] header = new byte[SignatureHeader.LENGTH];
        int n;
        long size;
        try (SeekableByteChannel ch = Files.newByteChannel(signature)) {
            size = ch.size();
            n = readFully(ch, header);
        }
        checkSignatureHeader(header, n, size);
    }

    /**
     * Checks a signature's first {@code n} bytes as librsync's loader will (SignatureHeader),
     * then the limits of this engine for a signature of {@code size} bytes.
     *
     * @return the bytes each block takes in this signature
     */
    static int checkSignatureHeader(byte[] header, int n, long size) throws RdiffException {
        SignatureHeader h = SignatureHeader.parse(header, n);
        checkBlockLength(h.blockLength());
        long blocks = h.blocks(size);
        if (blocks > MAX_SIGNATURE_BLOCKS) {
            throw new RdiffException(RdiffResult.MEM_ERROR, "signature has " + blocks
                    + " blocks, over the native engine's limit of " + MAX_SIGNATURE_BLOCKS);
        }
        return h.entryLength();
    }

    // ---- patch

    @Override
    public RdiffStats patch(SeekableByteChannel basis, InputStream delta, OutputStream newFile) throws IOException {
        InputStream d = new BufferedInputStream(delta, 1 << 16);
        d.mark(4);
        byte[] magic = d.readNBytes(4);
        d.reset();
        checkDeltaMagic(magic, magic.length);
        // A basis that cannot seek fails at its first COPY, as rdiff's does; it is never copied.
        return patch(files -> files.open(JavaStreamFile.seeking(basis)),
                files -> files.open(JavaStreamFile.reading(d, Long.MAX_VALUE, null)),
                files -> files.open(JavaStreamFile.writing(newFile)));
    }

    @Override
    public RdiffStats patch(Path basis, Path delta, Path newFile) throws IOException {
        // COPY commands seek in the basis, so it must be a regular file.
        if (!local(basis, delta, newFile) || !Files.isRegularFile(basis) || !Files.isRegularFile(delta)) {
            return RdiffEngine.super.patch(basis, delta, newFile);
        }
        checkDelta(delta);
        return patch(files -> files.read(basis), files -> files.read(delta), files -> files.write(newFile));
    }

    private RdiffStats patch(Opener basis, Opener delta, Opener newFile) throws IOException {
        Memory stats = newStats();
        try (NativeFiles files = new NativeFiles(lib.libc)) {
            Pointer b = basis.open(files);
            Pointer d = delta.open(files);
            Pointer out = newFile.open(files);
            LoadedLibrsync.Outcome outcome = lib.call(() -> lib.rs.rs_patch_file(b, d, out, stats));
            if (outcome.result() == RdiffResult.IO_ERROR.code() && outcome.messages().contains(SEEK_EINVAL)) {
                // A COPY position past the largest file the file system allows: it is past the
                // basis's end, so report it as any other COPY past the end, independently of the
                // file system's limit.
                throw new RdiffException(RdiffResult.INPUT_ENDED, outcome.messages());
            }
            check(files, outcome);
            files.close(out);
        }
        return toStats(stats, "patch");
    }

    static void checkDelta(Path delta) throws IOException {
        byte[] magic = new byte[4];
        int n;
        try (SeekableByteChannel ch = Files.newByteChannel(delta)) {
            n = readFully(ch, magic);
        }
        checkDeltaMagic(magic, n);
    }

    private static void checkDeltaMagic(byte[] magic, int n) throws RdiffException {
        if (n < 4) {
            throw new RdiffException(RdiffResult.INPUT_ENDED, "delta is " + n + " bytes, shorter than its magic");
        }
        int m = be32(magic, 0);
        if (m != DELTA_MAGIC) {
            throw new RdiffException(RdiffResult.BAD_MAGIC, String.format("wrong magic number 0x%08x for delta", m));
        }
    }

    // ---- diff

    @Override
    public RdiffStats diff(Path basis, Path newFile, OutputStream delta, SignatureOptions options)
            throws IOException {
        Path sig = spoolFile();
        try (InputStream in = local(newFile) ? null : new BufferedInputStream(Files.newInputStream(newFile), 1 << 16)) {
            signature(basis, sig, options);
            checkSignature(sig);
            return delta(files -> files.read(sig),
                    files -> in == null ? files.read(newFile) : files.open(JavaStreamFile.reading(in, Long.MAX_VALUE, null)),
                    files -> files.open(JavaStreamFile.writing(delta)));
        } finally {
            deleteSpool(sig);
        }
    }

    /**
     * librsync writes the delta straight into {@code delta}; only the signature goes through a
     * temporary file. Paths that fopen cannot open take the stream route of
     * {@link #signature(Path, Path, SignatureOptions)} and {@link #delta(Path, Path, Path)}.
     */
    @Override
    public RdiffStats diff(Path basis, Path newFile, Path delta, SignatureOptions options) throws IOException {
        Path sig = spoolFile();
        try {
            signature(basis, sig, options);
            return delta(sig, newFile, delta);
        } finally {
            deleteSpool(sig);
        }
    }

    // ---- helpers

    /** {@link #check(LoadedLibrsync.Outcome)}, preferring the failure of a Java stream that librsync met. */
    private void check(NativeFiles files, LoadedLibrsync.Outcome outcome) throws IOException {
        if (outcome.result() != 0 && files.streamFailure() != null) {
            throw files.streamFailure();
        }
        check(outcome);
    }

    private void check(LoadedLibrsync.Outcome outcome) throws RdiffException {
        int r = outcome.result();
        if (r != 0) {
            String detail = outcome.messages().isEmpty() ? lib.rs.rs_strerror(r) : outcome.messages();
            throw new RdiffException(RdiffResult.ofCode(r), detail);
        }
    }

    private static Memory newStats() {
        Memory m = new Memory(STATS_SIZE);
        m.clear();
        return m;
    }

    /** Reads {@code rs_stats_t} at its LP64 offsets (docs/rdiff-formats.md §10). */
    private static RdiffStats toStats(Memory m, String operation) {
        Pointer op = m.getPointer(0);
        RdiffStats s = new RdiffStats(op == null ? operation : op.getString(0, "US-ASCII"));
        s.setLiteral(m.getInt(8), m.getLong(16), m.getLong(24));
        s.setCopy(m.getLong(32), m.getLong(40), m.getLong(48));
        s.setSignature(m.getLong(80), m.getLong(88));
        s.setInOut(m.getLong(96), m.getLong(104));
        return s;
    }

    /** Only paths the JDK maps to real files can be handed to fopen. */
    private static boolean local(Path... paths) {
        for (Path p : paths) {
            if (p.getFileSystem() != FileSystems.getDefault()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A new temporary file in the spool folder, named as the mirror's temporary files are (so
     * {@code prune} and the next run remove one a killed run left), deleted at exit if still there.
     */
    private Path spoolFile() throws IOException {
        Path folder = spoolFolder != null ? spoolFolder : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(folder);
        while (true) {
            Path p = folder.resolve("." + SPOOL_NAME + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            TemporaryFiles.register(p);
            try {
                Files.createFile(p);
                return p;
            } catch (FileAlreadyExistsException e) {
                TemporaryFiles.release(p);
            }
        }
    }

    private static void deleteSpool(Path p) throws IOException {
        Files.deleteIfExists(p);
        TemporaryFiles.release(p);
    }

    private static int readFully(SeekableByteChannel ch, byte[] into) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(into);
        int n = 0;
        while (buf.hasRemaining() && n >= 0) {
            n = ch.read(buf);
        }
        return buf.position();
    }

    private static int be32(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
