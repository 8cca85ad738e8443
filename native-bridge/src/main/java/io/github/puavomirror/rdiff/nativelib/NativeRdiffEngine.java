package io.github.puavomirror.rdiff.nativelib;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

import io.github.puavomirror.rdiff.RdiffEngine;
import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.RdiffResult;
import io.github.puavomirror.rdiff.RdiffStats;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureParams;
import io.github.puavomirror.rdiff.SignatureType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The system librsync behind {@link RdiffEngine}. Paths on the default file system go straight
 * to libc's {@code fopen}; streams and channels are spooled through temporary files.
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
    private static final int MAX_STRONG_LENGTH = 32;
    private static final int STATS_SIZE = 128;
    /** What rs_file_copy_cb logs when fseeko refuses a position. */
    private static final String SEEK_EINVAL = "seek failed: Invalid argument";

    private final LoadedLibrsync lib;

    NativeRdiffEngine(LoadedLibrsync lib) {
        this.lib = lib;
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
        SignatureParams params = resolve(options, basisLength);
        try (TempFiles temp = new TempFiles()) {
            Path out = temp.create();
            RdiffStats stats = signatureFiles(temp.spool(basis), out, params);
            Files.copy(out, signature);
            return stats;
        }
    }

    @Override
    public RdiffStats signature(Path basis, Path signature, SignatureOptions options) throws IOException {
        if (!local(basis, signature)) {
            return RdiffEngine.super.signature(basis, signature, options);
        }
        return signatureFiles(basis, signature, resolve(options, Files.size(basis)));
    }

    private RdiffStats signatureFiles(Path basis, Path signature, SignatureParams params) throws IOException {
        Memory stats = newStats();
        try (NativeFiles files = new NativeFiles(lib.libc)) {
            Pointer in = files.read(basis);
            Pointer out = files.write(signature);
            check(lib.call(() -> lib.rs.rs_sig_file(in, out, params.blockLength(), params.strongLength(),
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
        try (TempFiles temp = new TempFiles()) {
            Path sig = temp.spool(signature);
            // A bad header fails here, before a large new file is copied.
            checkSignature(sig);
            Path in = temp.spool(newFile);
            Path out = temp.create();
            RdiffStats stats = deltaFiles(sig, in, out);
            Files.copy(out, delta);
            return stats;
        }
    }

    @Override
    public RdiffStats delta(Path signature, Path newFile, Path delta) throws IOException {
        if (!local(signature, newFile, delta) || !Files.isRegularFile(signature)) {
            return RdiffEngine.super.delta(signature, newFile, delta);
        }
        checkSignature(signature);
        return deltaFiles(signature, newFile, delta);
    }

    /** Loads, hashes and applies a signature whose header {@link #checkSignature} accepted. */
    private RdiffStats deltaFiles(Path signature, Path newFile, Path delta) throws IOException {
        Memory loadStats = newStats();
        Memory deltaStats = newStats();
        PointerByReference sumsetRef = new PointerByReference();
        try (NativeFiles files = new NativeFiles(lib.libc)) {
            Pointer sig = files.read(signature);
            LoadedLibrsync.Outcome loaded = lib.call(() -> lib.rs.rs_loadsig_file(sig, sumsetRef, loadStats));
            files.close(sig);
            Pointer sumset = sumsetRef.getValue();
            try {
                check(loaded);
                // rs_delta_file asserts that the hash table exists when the signature has blocks.
                check(lib.call(() -> lib.rs.rs_build_hash_table(sumset)));
                Pointer in = files.read(newFile);
                Pointer out = files.write(delta);
                check(lib.call(() -> lib.rs.rs_delta_file(sumset, in, out, deltaStats)));
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
        byte[] header = new byte[12];
        int n;
        long size;
        try (SeekableByteChannel ch = Files.newByteChannel(signature)) {
            size = ch.size();
            n = readFully(ch, header);
        }
        checkSignatureHeader(header, n, size);
    }

    static void checkSignatureHeader(byte[] header, int n, long size) throws RdiffException {
        // librsync checks each field as it reads it, and the magic only after all three.
        if (n < 8) {
            throw headerEnded(n);
        }
        int magic = be32(header, 0);
        int blockLength = be32(header, 4);
        if (blockLength < 1) {
            throw new RdiffException(RdiffResult.CORRUPT, "block length of " + blockLength + " is bogus");
        }
        if (n < 12) {
            throw headerEnded(n);
        }
        int strongLength = be32(header, 8);
        if (strongLength < 0 || strongLength > MAX_STRONG_LENGTH) {
            throw new RdiffException(RdiffResult.CORRUPT,
                    "strong sum length " + strongLength + " is implausible");
        }
        SignatureType type = SignatureType.ofMagic(magic);
        int strong = strongLength == 0 ? type.maxStrongLength() : strongLength;
        if (strong > type.maxStrongLength()) {
            throw new RdiffException(RdiffResult.PARAM_ERROR,
                    String.format("invalid strong_len=%d for magic=0x%08x", strong, magic));
        }
        checkBlockLength(blockLength);
        long blocks = (size - 12) / (4 + strong);
        if (blocks > MAX_SIGNATURE_BLOCKS) {
            throw new RdiffException(RdiffResult.MEM_ERROR, "signature has " + blocks
                    + " blocks, over the native engine's limit of " + MAX_SIGNATURE_BLOCKS);
        }
    }

    private static RdiffException headerEnded(int n) {
        return new RdiffException(RdiffResult.INPUT_ENDED,
                "signature is " + n + " bytes, shorter than its 12-byte header");
    }

    // ---- patch

    @Override
    public RdiffStats patch(SeekableByteChannel basis, InputStream delta, OutputStream newFile) throws IOException {
        try (TempFiles temp = new TempFiles()) {
            Path d = temp.spool(delta);
            // A bad magic fails here, before a large basis is copied.
            checkDelta(d);
            Path b = temp.spool(basis);
            Path out = temp.create();
            RdiffStats stats = patchFiles(b, d, out);
            Files.copy(out, newFile);
            return stats;
        }
    }

    @Override
    public RdiffStats patch(Path basis, Path delta, Path newFile) throws IOException {
        // COPY commands seek in the basis, so it must be a regular file.
        if (!local(basis, delta, newFile) || !Files.isRegularFile(basis) || !Files.isRegularFile(delta)) {
            return RdiffEngine.super.patch(basis, delta, newFile);
        }
        checkDelta(delta);
        return patchFiles(basis, delta, newFile);
    }

    private RdiffStats patchFiles(Path basis, Path delta, Path newFile) throws IOException {
        Memory stats = newStats();
        try (NativeFiles files = new NativeFiles(lib.libc)) {
            Pointer b = files.read(basis);
            Pointer d = files.read(delta);
            Pointer out = files.write(newFile);
            LoadedLibrsync.Outcome outcome = lib.call(() -> lib.rs.rs_patch_file(b, d, out, stats));
            if (outcome.result() == RdiffResult.IO_ERROR.code() && outcome.messages().contains(SEEK_EINVAL)) {
                // A COPY position past the largest file the file system allows: it is past the
                // basis's end, so report it as any other COPY past the end, independently of the
                // file system's limit.
                throw new RdiffException(RdiffResult.INPUT_ENDED, outcome.messages());
            }
            check(outcome);
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
        try (TempFiles temp = new TempFiles()) {
            Path out = temp.create();
            RdiffStats stats = diff(basis, newFile, out, options);
            Files.copy(out, delta);
            return stats;
        }
    }

    /**
     * librsync writes the delta straight into {@code delta}; only the signature goes through a
     * temporary file. Paths that fopen cannot open take the stream route of
     * {@link #signature(Path, Path, SignatureOptions)} and {@link #delta(Path, Path, Path)}.
     */
    @Override
    public RdiffStats diff(Path basis, Path newFile, Path delta, SignatureOptions options) throws IOException {
        try (TempFiles temp = new TempFiles()) {
            Path sig = temp.create();
            signature(basis, sig, options);
            return delta(sig, newFile, delta);
        }
    }

    // ---- helpers

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

    /** Reads {@code rs_stats_t} at its LP64 offsets (spec §6). */
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
     * Temporary files for the stream methods (librsync only takes files), all deleted on close.
     * Streams are copied in, the result copied out.
     */
    private static final class TempFiles implements AutoCloseable {
        private final List<Path> files = new ArrayList<>();

        Path create() throws IOException {
            Path p = Files.createTempFile("puavo-rdiff-native-", ".tmp");
            files.add(p);
            return p;
        }

        Path spool(InputStream in) throws IOException {
            Path p = create();
            Files.copy(in, p, StandardCopyOption.REPLACE_EXISTING);
            return p;
        }

        Path spool(SeekableByteChannel in) throws IOException {
            Path p = create();
            try (FileChannel out = FileChannel.open(p, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                in.position(0);
                ByteBuffer buf = ByteBuffer.allocate(1 << 16);
                while (in.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        out.write(buf);
                    }
                    buf.clear();
                }
            }
            return p;
        }

        @Override
        public void close() {
            for (Path p : files) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    p.toFile().deleteOnExit();
                }
            }
        }
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
