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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * librsync 2.3.2's delta matcher ({@code delta.c}), streaming over the new file with a window
 * of at most 32 KiB of pending literal + one block + one byte of look-ahead.
 *
 * <p>The rules that decide the bytes (docs/matching.md §3 to §6): a full window needs one byte
 * beyond it, else the tail window {@code [p, N)} shrinks by one byte per miss; a hit is the lowest
 * block index whose key and truncated strong sum agree, whatever that block's length; hits that
 * continue the previous copy in the basis merge; a miss flushes a pending copy, and a literal run
 * is flushed at 32768 bytes. An empty signature gives a "slack" delta of one literal per
 * block-length chunk of input.
 *
 * <p>The rolling sums are inlined in {@link #run()} because a call per input byte is what this
 * loop cannot afford.
 */
final class DeltaWriter {
    private static final int INITIAL_WINDOW = 1 << 20;
    private final BlockMatcher sig;
    private final InputStream newFile;
    /** What the window is filled from: the new file, or {@link #ahead} reading it. */
    private InputStream in;
    /** The new file read and hashed ahead on a helper thread while matching, or null when the matcher hashes no windows. */
    private SumsAhead ahead;
    /** Position in the new file of {@code buf[0]}. */
    private long base;
    private final OutputStream out;
    private final RdiffStats stats;
    private final int blockLen;

    /** The window grows towards {@link #capacity} only as input arrives: a hostile block length costs nothing. */
    private byte[] buf;
    private final int capacity;
    private int bufLen;
    private boolean eof;

    private final byte[] obuf = new byte[1 << 16];
    private int olen;
    private long outTotal;

    private long basisPos;
    private long basisLen;
    /** Where in the new file the pending copy began. */
    private long copyStart;

    /** For the second half of a {@link SplitDelta}: no magic and no END, and every copy logged. */
    private SplitDelta.CopyLog copyLog;
    /** For the first half of a {@link SplitDelta}: the other half's matcher, to join once past {@link #joinFrom}. */
    private SplitDelta.Second second;
    private long joinFrom;
    private boolean secondDone;
    private boolean joined;

    /** Windows whose keys {@link #rollRabinKarp} and {@link #rollRollsum} look up together. */
    private static final int ROLL_BATCH = 32;
    private final int[] rollKeys = new int[ROLL_BATCH];
    /** The sums of the windows of a batch that {@link #rollAnchored} computed. */
    private final int[] rollSums = new int[ROLL_BATCH];
    /** How far {@link #sumAt} rolls a sum on before it sums the window afresh instead. */
    private static final int ROLL_REACH = 48;

    /** The basis's anchors when the scan can rule windows out by them (RabinKarp only), else null. */
    private final Anchors anchors;
    /** How far ahead {@link #scanBreaks} looks for breakpoints at a time. */
    private static final int BREAK_SCAN = 256;
    /** The most breakpoints kept: those of one batch of windows (at most {@value #ROLL_BATCH}) and more ahead. */
    private static final int BREAKS = 2 * ROLL_BATCH;
    /**
     * What {@link #candidates} knows of the new file's breakpoints, in window positions: those in
     * {@code [brkFrom, brkScanned)} are {@code brkPos[brkHead, brkTail)}, in order, each with
     * whether its anchor passes the filter. Forgotten when the window slides.
     */
    private final int[] brkPos = new int[BREAKS];
    private final int[] brkAnchor = new int[BREAKS];
    private final boolean[] brkPass = new boolean[BREAKS];
    private int brkHead;
    private int brkTail;
    private int brkFrom = Integer.MAX_VALUE;
    private int brkScanned;

    /** Where {@link #rollRabinKarp} and {@link #rollRollsum} leave the sums of the window they stop at. */
    private int rolledH;
    private int rolledS1;
    private int rolledS2;

    /** The most the window grows to: a literal run, two blocks and a read. */
    private static long windowCapacity(int blockLen) {
        return DeltaCommands.MAX_LITERAL_RUN + 2L * blockLen + (1 << 20);
    }

    /**
     * The most heap a matcher holds for these settings: its window (the old and the new array
     * while it grows), its output buffer, and when it hashes windows the sums read ahead.
     */
    static long heapBytes(SignatureParams params) {
        int b = params.blockLength();
        long capacity = windowCapacity(b);
        long own = 2 * HeapArrays.bytes(capacity, 1) + HeapArrays.bytes(1 << 16, 1)
                + HeapArrays.bytes(Math.min(b, INITIAL_WINDOW), 1);
        return BasisBlocks.applies(params) ? own : own + SumsAhead.heapBytes(params, capacity);
    }

    DeltaWriter(BlockMatcher sig, InputStream in, OutputStream out, RdiffStats stats) throws RdiffException {
        this.sig = sig;
        this.out = out;
        this.stats = stats;
        this.blockLen = sig.params().blockLength();
        long capacity = windowCapacity(blockLen);
        if (capacity > Integer.MAX_VALUE - 8) {
            throw new RdiffException(RdiffResult.MEM_ERROR, "block length " + blockLen + " is too large");
        }
        this.capacity = (int) capacity;
        this.buf = new byte[Math.min(this.capacity, INITIAL_WINDOW)];
        this.newFile = in;
        this.in = in;
        this.anchors = sig.anchors();
    }

    /** Makes this the matcher of a new file's second part, from {@code start} on, its copies logged. */
    DeltaWriter secondHalf(long start, SplitDelta.CopyLog log) {
        base = start;
        copyLog = log;
        return this;
    }

    /** Makes this the matcher of a new file's first part, which joins {@code other}'s output once past {@code from}. */
    DeltaWriter joining(SplitDelta.Second other, long from) {
        second = other;
        joinFrom = from;
        return this;
    }

    /** Whether the output ended with the other half's (see {@link #joining}). */
    boolean joined() {
        return joined;
    }

    RdiffStats run() throws IOException {
        if (copyLog == null) {
            putInt(DeltaCommands.DELTA_MAGIC);
        }
        if (sig.count() == 0) {
            slack();
        } else {
            match();
        }
        if (copyLog == null) {
            putByte(DeltaCommands.OP_END);
        }
        drain();
        out.flush();
        stats.addOut(outTotal);
        return stats;
    }

    /** Empty signature: librsync emits each input-buffer fill (block_len bytes) as one literal. */
    private void slack() throws IOException {
        byte[] chunk = new byte[Math.min(blockLen, INITIAL_WINDOW)];
        while (true) {
            int n = 0;
            while (n < blockLen) {
                if (n == chunk.length) {
                    chunk = Arrays.copyOf(chunk, (int) Math.min(blockLen, 2L * chunk.length));
                }
                int r = in.read(chunk, n, Math.min(chunk.length, blockLen) - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n > 0) {
                stats.addIn(n);
                emitLiteral(chunk, 0, n);
            }
            if (n < blockLen) {
                return;
            }
        }
    }

    private void match() throws IOException {
        final int b = blockLen;
        final boolean rk = sig.params().type().rabinKarp();
        byte[] buf = this.buf;
        final int rkPowB = WeakSums.rabinKarpPower(b);
        if (sig.hashesWindows() && SumsAhead.applies(sig.params())) {
            ahead = new SumsAhead(newFile, sig.params(), capacity);
            in = ahead;
        }
        try (BlockMatcher.Lookup lookup = sig.newLookup()) {
            match(lookup, b, rk, rkPowB, buf);
        } finally {
            if (ahead != null) {
                ahead.close();
            }
        }
    }

    private void match(BlockMatcher.Lookup lookup, int b, boolean rk, int rkPowB, byte[] buf) throws IOException {
        int lastHit = -1;

        int p = 0;
        int lit = 0;
        boolean haveSum = false;
        int wlen = 0;
        int s1 = 0;
        int s2 = 0;
        int h = 0;
        int pow = 1;
        fill();
        while (true) {
            if (second != null && basisLen > 0 && !haveSum && base + p >= joinFrom && join(base + p)) {
                return;
            }
            if (p + b >= bufLen && !eof) {
                p -= slide(lit, p);
                lit = 0;
                buf = this.buf;
                continue;
            }
            boolean scan = p + b < bufLen;
            int n = scan ? b : bufLen - p;
            if (n <= 0) {
                break;
            }
            if (basisLen > 0 && !haveSum && scan) {
                // Full windows, each with a byte beyond it, that continue the copy block by block.
                int run = lookup.continuationRun(lastHit, buf, p, (bufLen - p - 1) / b);
                if (run > 0) {
                    long mpos = (long) (lastHit + 1) * b;
                    if (basisPos + basisLen != mpos) {
                        flush(p, lit);
                        basisPos = mpos;
                        basisLen = 0;
                        copyStart = base + p;
                    }
                    basisLen += (long) run * b;
                    lastHit += run;
                    p += run * b;
                    lit = p;
                    continue;
                }
            }
            int hit = -1;
            if (basisLen > 0 && !haveSum) {
                hit = lookup.continuation(lastHit, buf, p, n);
            }
            if (hit < 0) {
                byte[] strong = null;
                if (!haveSum || wlen != n) {
                    if (ahead != null && n == b && ahead.lookup(base + p)) {
                        strong = ahead.strong();
                    }
                    if (rk) {
                        h = strong != null ? ahead.weak() : WeakSums.rabinKarp(buf, p, n);
                        pow = n == b ? rkPowB : WeakSums.rabinKarpPower(n);
                    } else {
                        s1 = 0;
                        s2 = 0;
                        for (int i = p, e = p + n; i < e; i++) {
                            s1 += (buf[i] & 0xff) + WeakSums.ROLLSUM_CHAR_OFFSET;
                            s2 += s1;
                        }
                    }
                    wlen = n;
                    haveSum = true;
                }
                int key = rk ? (h == 0 ? -1 : h) : keyOf(((s2 & 0xffff) << 16) | (s1 & 0xffff), true);
                if (sig.mightContain(key)) {
                    hit = lookup.find(key, buf, p, n, strong);
                }
            }
            if (hit >= 0) {
                lastHit = hit;
                long mpos = (long) hit * b;
                if (basisLen > 0 && basisPos + basisLen == mpos) {
                    basisLen += n;
                } else {
                    flush(p, lit);
                    basisPos = mpos;
                    basisLen = n;
                    copyStart = base + p;
                }
                p += n;
                lit = p;
                haveSum = false;
                continue;
            }
            if (basisLen > 0 || p - lit >= DeltaCommands.MAX_LITERAL_RUN) {
                flush(p, lit);
                lit = p;
            }
            if (scan) {
                // Through the literal, until a window that may match or the end of what is read.
                int stop = Math.min(bufLen - b, lit + DeltaCommands.MAX_LITERAL_RUN);
                if (rk) {
                    p = anchors != null ? rollAnchored(buf, p, stop, h, b, rkPowB) : rollRabinKarp(buf, p, stop, h, b, rkPowB);
                    h = rolledH;
                } else {
                    p = rollRollsum(buf, p, stop, s1, s2, b);
                    s1 = rolledS1;
                    s2 = rolledS2;
                }
                continue;
            }
            int outByte = buf[p] & 0xff;
            // The tail window [p, N) shrinks by one byte.
            if (rk) {
                pow *= WeakSums.RK_INVM;
                h -= pow * (outByte + WeakSums.RK_ADJ);
            } else {
                s1 -= outByte + WeakSums.ROLLSUM_CHAR_OFFSET;
                s2 -= wlen * (outByte + WeakSums.ROLLSUM_CHAR_OFFSET);
            }
            wlen--;
            p++;
        }
        flush(p, lit);
    }

    /**
     * Rolls the RabinKarp sum from a missed window at {@code p} to the next window whose key the
     * index may hold, or to {@code stop}; returns that window's position, its sum in {@link #rolledH}.
     * The keys of {@value #ROLL_BATCH} windows are rolled and then looked up in the index's filter
     * together, so that the cache misses of a literal's bytes overlap instead of coming one by one.
     * The per-byte loop of a literal is a method of its own so that the JIT compiles it early
     * and cheaply: inside {@link #match} it waited for a large compilation of the whole matcher.
     */
    private int rollRabinKarp(byte[] buf, int p, int stop, int h, int b, int rkPowB) {
        BlockMatcher sig = this.sig;
        int[] keys = this.rollKeys;
        while (true) {
            int n = Math.min(ROLL_BATCH, stop - p);
            int from = h;
            for (int i = 0; i < n; i++) {
                int q = p + i;
                h = h * WeakSums.RK_MULT + (buf[q + b] & 0xff) - rkPowB * ((buf[q] & 0xff) + WeakSums.RK_ADJ);
                keys[i] = h == 0 ? -1 : h;
            }
            int first = sig.firstMightContain(keys, n);
            if (first < n) {
                // Back to the window that may match (about 1% of batches): its sum again from p's.
                int w = p + first + 1;
                rolledH = sumAt(buf, w, p, from, b, rkPowB);
                return w;
            }
            p += n;
            if (p >= stop) {
                rolledH = h;
                return p;
            }
        }
    }

    /**
     * {@link #rollRabinKarp} with the basis's anchors: of each batch, only the {@link #candidates}
     * are looked up in the index's filter, and in a literal most are not. Only
     * their sums are computed, too: a sum is rolled on from the last one computed when that is
     * near, else summed afresh, so that most of a literal's bytes cost a breakpoint test and
     * no rolling.
     */
    private int rollAnchored(byte[] buf, int p, int stop, int h, int b, int rkPowB) {
        BlockMatcher sig = this.sig;
        int[] keys = this.rollKeys;
        int[] sums = this.rollSums;
        int reach = b - Anchors.WIDTH;
        int sum = h;
        int sumAt = p;
        while (true) {
            int n = Math.min(ROLL_BATCH, stop - p);
            int candidates = candidates(buf, p + 1, p + n, reach);
            if (candidates != 0) {
                for (int left = candidates; left != 0; left &= left - 1) {
                    int i = Integer.numberOfTrailingZeros(left);
                    int w = p + 1 + i;
                    sum = sumAt(buf, w, sumAt, sum, b, rkPowB);
                    sumAt = w;
                    sums[i] = sum;
                    keys[i] = sum == 0 ? -1 : sum;
                }
                int first = sig.firstMightContain(keys, n, candidates);
                if (first < n) {
                    rolledH = sums[first];
                    return p + 1 + first;
                }
            }
            p += n;
            if (p >= stop) {
                rolledH = sumAt(buf, p, sumAt, sum, b, rkPowB);
                return p;
            }
        }
    }

    /**
     * The RabinKarp sum of the window at {@code w}, from {@code sum}, that of the window at
     * {@code from} (not after {@code w}): rolled on over up to {@value #ROLL_REACH} bytes, since
     * a roll costs about a nanosecond and summing a block afresh some 45.
     */
    private static int sumAt(byte[] buf, int w, int from, int sum, int b, int rkPowB) {
        if (w - from > ROLL_REACH) {
            return WeakSums.rabinKarp(buf, w, b);
        }
        int h = sum;
        for (int q = from; q < w; q++) {
            h = h * WeakSums.RK_MULT + (buf[q + b] & 0xff) - rkPowB * ((buf[q] & 0xff) + WeakSums.RK_ADJ);
        }
        return h;
    }

    /**
     * The windows from {@code lo} to {@code hi} (at most {@value #ROLL_BATCH}) that may equal a
     * block as far as anchors tell, as bits from {@code lo}'s: a window is ruled out only when its
     * first breakpoint wholly inside it (at most {@code reach} after it) has an anchor no block
     * has. The windows up to a breakpoint share it as their first, so a batch takes a few ranges
     * of bits, not a test a window.
     */
    private int candidates(byte[] buf, int lo, int hi, int reach) {
        if (lo < brkFrom || lo > brkScanned) {
            brkHead = 0;
            brkTail = 0;
            brkScanned = lo;
        } else {
            while (brkHead < brkTail && brkPos[brkHead] < lo) {
                brkHead++;
            }
        }
        brkFrom = lo;
        // Every breakpoint in [lo, hi] and the first after hi, or all there are up to hi + reach.
        while ((brkHead == brkTail || brkPos[brkTail - 1] <= hi) && brkScanned <= hi + reach) {
            scanBreaks(buf, hi + reach);
        }
        int mask = 0;
        int w = lo;
        for (int k = brkHead; w <= hi; k++) {
            if (k == brkTail) {
                // No breakpoint in these windows: they may equal blocks without one.
                return mask | bits(w - lo, hi - lo);
            }
            int t = brkPos[k];
            int end = Math.min(hi, t);
            int near = t - reach;
            if (near > w) {
                mask |= bits(w - lo, Math.min(near - 1, end) - lo);
            }
            if (brkPass[k] && near <= end) {
                mask |= bits(Math.max(w, near) - lo, end - lo);
            }
            w = end + 1;
        }
        return mask;
    }

    /** Bits {@code from} to {@code to} (both in 0..31, from at most to) set. */
    private static int bits(int from, int to) {
        return (-1 >>> (31 - to)) & (-1 << from);
    }

    /**
     * Adds the breakpoints from {@code brkScanned} to at least {@code last} ({@value #BREAK_SCAN}
     * positions on where the window holds them, fewer when the queue fills), then tests their
     * anchors against the filter together: each test is a cache miss, and a batch of them
     * overlaps where a test as each is found would wait for each in turn.
     */
    private void scanBreaks(byte[] buf, int last) {
        if (brkHead > 0) {
            int kept = brkTail - brkHead;
            System.arraycopy(brkPos, brkHead, brkPos, 0, kept);
            System.arraycopy(brkPass, brkHead, brkPass, 0, kept);
            brkHead = 0;
            brkTail = kept;
        }
        int first = brkTail;
        int n = first;
        int t = brkScanned;
        int limit = Math.min(bufLen - Anchors.WIDTH, Math.max(last, t + BREAK_SCAN - 1));
        for (; t <= limit && n < BREAKS; t++) {
            int anchor = Anchors.breakAt(buf, t);
            if (anchor != Anchors.NONE) {
                brkPos[n] = t;
                brkAnchor[n] = anchor;
                n++;
            }
        }
        brkScanned = t;
        for (int i = first; i < n; i++) {
            brkPass[i] = anchors.mightHave(brkAnchor[i]);
        }
        brkTail = n;
    }

    /** {@link #rollRabinKarp} for rollsum, its sums in {@link #rolledS1} and {@link #rolledS2}. */
    private int rollRollsum(byte[] buf, int p, int stop, int s1, int s2, int b) {
        BlockMatcher sig = this.sig;
        int[] keys = this.rollKeys;
        while (true) {
            int n = Math.min(ROLL_BATCH, stop - p);
            int from1 = s1;
            int from2 = s2;
            for (int i = 0; i < n; i++) {
                int outByte = buf[p + i] & 0xff;
                s1 += (buf[p + i + b] & 0xff) - outByte;
                s2 += s1 - b * (outByte + WeakSums.ROLLSUM_CHAR_OFFSET);
                keys[i] = keyOf(((s2 & 0xffff) << 16) | (s1 & 0xffff), true);
            }
            int first = sig.firstMightContain(keys, n);
            if (first < n) {
                s1 = from1;
                s2 = from2;
                for (int q = p, e = p + first; q <= e; q++) {
                    int outByte = buf[q] & 0xff;
                    s1 += (buf[q + b] & 0xff) - outByte;
                    s2 += s1 - b * (outByte + WeakSums.ROLLSUM_CHAR_OFFSET);
                }
                rolledS1 = s1;
                rolledS2 = s2;
                return p + first + 1;
            }
            p += n;
            if (p >= stop) {
                rolledS1 = s1;
                rolledS2 = s2;
                return p;
            }
        }
    }

    /**
     * Moves the pending literal and the window to the front of the buffer, dropping what is
     * already emitted, and reads on; returns how far positions moved ({@code lit}).
     */
    private int slide(int lit, int p) throws IOException {
        byte[] buf = this.buf;
        System.arraycopy(buf, lit, buf, 0, bufLen - lit);
        bufLen -= lit;
        brkFrom = Integer.MAX_VALUE;
        base += lit;
        if (bufLen == buf.length) {
            grow();
        }
        if (ahead != null) {
            ahead.passed(base + p - lit);
        }
        fill();
        return lit;
    }

    /**
     * At a state after a hit, new-file position {@code q} with a pending copy: if the second half's
     * matcher was in the same state here (inside one of its copies, on the same basis position),
     * everything from here on is what it wrote. Then this copy is extended to that copy's end,
     * the second half's output after that copy follows, and true; else false, and matching goes on.
     */
    private boolean join(long q) throws IOException {
        if (!secondDone) {
            // Past the split with a copy pending: wait once for the second half.
            if (!second.await()) {
                second = null;
                return false;
            }
            secondDone = true;
        }
        SplitDelta.CopyLog log = second.log();
        int c = log.at(q, basisPos + basisLen);
        if (c < 0) {
            if (q > log.lastEnd()) {
                second = null;
            }
            return false;
        }
        basisLen = log.basisPos(c) + log.length(c) - basisPos;
        flush(0, 0);
        drain();
        second.writeAfter(c, out);
        outTotal += second.outputLength() - log.outEnd(c);
        log.addStatsAfter(c, second.stats(), stats);
        joined = true;
        return true;
    }

    /** Doubles the window (up to the block length's need), keeping its content. */
    private byte[] grow() {
        buf = Arrays.copyOf(buf, (int) Math.min(capacity, 2L * buf.length));
        return buf;
    }

    /** A raw weak digest's lookup key: mix32 for rollsum, then librsync's nozero. */
    static int keyOf(int rawWeak, boolean mix) {
        int w = mix ? WeakSums.mix32(rawWeak) : rawWeak;
        return w == 0 ? -1 : w;
    }

    private void fill() throws IOException {
        while (bufLen < buf.length) {
            int n = in.read(buf, bufLen, buf.length - bufLen);
            if (n < 0) {
                eof = true;
                return;
            }
            bufLen += n;
            stats.addIn(n);
        }
    }

    private void flush(int p, int lit) throws IOException {
        if (basisLen > 0) {
            ensureOut(DeltaCommands.MAX_HEADER_LENGTH);
            int len = DeltaCommands.putCopy(obuf, olen, basisPos, basisLen);
            olen += len;
            stats.addCopy(basisLen, len);
            if (copyLog != null) {
                copyLog.add(copyStart, basisPos, basisLen, outTotal + olen, stats);
            }
            basisLen = 0;
        } else if (p > lit) {
            emitLiteral(buf, lit, p - lit);
        }
    }

    private void emitLiteral(byte[] data, int off, int len) throws IOException {
        ensureOut(DeltaCommands.MAX_HEADER_LENGTH);
        int header = DeltaCommands.putLiteralHeader(obuf, olen, len);
        olen += header;
        stats.addLiteral(len, header);
        if (len > obuf.length - olen) {
            drain();
            out.write(data, off, len);
            outTotal += len;
        } else {
            System.arraycopy(data, off, obuf, olen, len);
            olen += len;
        }
    }

    private void putInt(int v) throws IOException {
        ensureOut(4);
        SignatureWriter.putInt(obuf, olen, v);
        olen += 4;
    }

    private void putByte(int v) throws IOException {
        ensureOut(1);
        obuf[olen++] = (byte) v;
    }

    private void ensureOut(int n) throws IOException {
        if (obuf.length - olen < n) {
            drain();
        }
    }

    private void drain() throws IOException {
        if (olen > 0) {
            out.write(obuf, 0, olen);
            outTotal += olen;
            olen = 0;
        }
    }
}
