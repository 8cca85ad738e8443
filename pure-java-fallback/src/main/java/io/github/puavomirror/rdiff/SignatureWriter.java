package io.github.puavomirror.rdiff;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Computes block sums of a basis ({@code mksum.c}): blocks are consecutive, the last one short,
 * each hashed over its real length. The same pass either writes a signature file or fills an
 * in-memory {@link Signature}, so a one-step diff matches {@code rdiff signature} + {@code rdiff delta}.
 */
final class SignatureWriter {
    /** Read size: big reads cost less per byte; a whole number of blocks keeps block edges simple. */
    private static final int READ_TARGET = 1 << 20;

    private SignatureWriter() {
    }

    /** Receives each block's raw weak sum and truncated strong sum. */
    interface BlockSink {
        void block(int weak, byte[] strong, int strongLength) throws IOException;
    }

    /** Writes a signature file of {@code basis} with resolved {@code params}. */
    static RdiffStats write(InputStream basis, OutputStream out, SignatureParams params) throws IOException {
        RdiffStats stats = new RdiffStats("signature");
        byte[] header = new byte[12];
        putInt(header, 0, params.type().magic());
        putInt(header, 4, params.blockLength());
        putInt(header, 8, params.strongLength());
        out.write(header);
        byte[] entry = new byte[4 + params.strongLength()];
        long[] outBytes = {header.length};
        long blocks = scan(basis, params, stats, (weak, strong, len) -> {
            putInt(entry, 0, weak);
            System.arraycopy(strong, 0, entry, 4, len);
            out.write(entry, 0, 4 + len);
            outBytes[0] += 4 + len;
        });
        out.flush();
        stats.setSignature(blocks, params.blockLength());
        stats.addOut(outBytes[0]);
        return stats;
    }

    /** Builds the in-memory signature of {@code basis}, indexed and ready for matching. */
    static Signature build(InputStream basis, SignatureParams params, RdiffStats stats) throws IOException {
        Signature sig = new Signature(params);
        scan(basis, params, stats, (weak, strong, len) -> sig.addBlock(weak, strong, 0));
        sig.buildIndex();
        return sig;
    }

    private static long scan(InputStream in, SignatureParams params, RdiffStats stats, BlockSink sink)
            throws IOException {
        int blockLen = params.blockLength();
        int strongLen = params.strongLength();
        boolean rk = params.type().rabinKarp();
        StrongSum strongSum = new StrongSum(params.type());
        byte[] strong = new byte[32];
        long perRead = Math.max(1L, READ_TARGET / blockLen) * blockLen;
        if (perRead > Integer.MAX_VALUE - 8) {
            throw new RdiffException(RdiffResult.MEM_ERROR, "block length " + blockLen + " is too large");
        }
        byte[] buf = new byte[(int) perRead];
        long blocks = 0;
        while (true) {
            int n = Streams.readFully(in, buf, 0, buf.length);
            stats.addIn(n);
            for (int off = 0; off < n; off += blockLen) {
                int len = Math.min(blockLen, n - off);
                int weak = rk ? WeakSums.rabinKarp(buf, off, len) : WeakSums.rollsum(buf, off, len);
                strongSum.sum(buf, off, len, strong, 0, strongLen);
                sink.block(weak, strong, strongLen);
                blocks++;
            }
            if (n < buf.length) {
                return blocks;
            }
        }
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }
}
