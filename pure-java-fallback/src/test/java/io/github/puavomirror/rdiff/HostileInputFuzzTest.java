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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes the pure-Java signature loader (through {@code delta}) and patcher with random and
 * mutated inputs. Whatever the bytes, the engine may only succeed or throw {@link RdiffException}:
 * no other exception, no hang (each input runs under a timeout), and no allocation beyond what
 * the input's size justifies (a header declaring 2 GiB blocks or a 2^62-byte literal must not
 * make it reserve that much).
 *
 * <p>Tries per property come from jqwik's {@code jqwik.tries.default} (the pom sets 1000; the
 * {@code fuzz-long} profile a million).
 */
class HostileInputFuzzTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final long TIMEOUT_SECONDS = 10;
    /** Fixed allowance for buffers, hashes and tables, on top of a multiple of the input size. */
    private static final long ALLOCATION_SLACK = 16L << 20;
    private static final long ALLOCATION_PER_INPUT_BYTE = 64;

    private static final RdiffEngine ENGINE = new JavaRdiffEngine();
    private static final byte[] BASIS;
    private static final byte[] NEW_FILE;
    private static final byte[][] SIGNATURES;
    private static final byte[][] DELTAS;

    private static final int[] EDGE_INTS = {0, 1, -1, 2, 16, 17, 32, 33, 64, 255, 256, 1 << 24, (1 << 24) + 1,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 0x72730236, 0x72730136, 0x72730147};
    private static final long[] EDGE_LONGS = {0, 1, -1, 2000, 1999, 2001, 1L << 31, 1L << 32, 1L << 62,
        Long.MAX_VALUE, Long.MIN_VALUE, 0xffffffffL};

    static {
        Random r = new Random(0xF022L);
        BASIS = new byte[2000];
        r.nextBytes(BASIS);
        NEW_FILE = Arrays.copyOf(BASIS, 2600);
        for (int i = 1500; i < NEW_FILE.length; i++) {
            NEW_FILE[i] = (byte) r.nextInt(256);
        }
        SignatureOptions[] options = {
            new SignatureOptions(SignatureType.BLAKE2_RABINKARP, 64, 0),
            new SignatureOptions(SignatureType.MD4_ROLLSUM, 16, 4),
            new SignatureOptions(SignatureType.BLAKE2_ROLLSUM, 128, -1),
            new SignatureOptions(SignatureType.MD4_RABINKARP, 1000, 1),
        };
        SIGNATURES = new byte[options.length][];
        DELTAS = new byte[options.length][];
        try {
            for (int i = 0; i < options.length; i++) {
                ByteArrayOutputStream sig = new ByteArrayOutputStream();
                ENGINE.signature(new ByteArrayInputStream(BASIS), BASIS.length, sig, options[i]);
                SIGNATURES[i] = sig.toByteArray();
                ByteArrayOutputStream delta = new ByteArrayOutputStream();
                ENGINE.delta(new ByteArrayInputStream(SIGNATURES[i]), new ByteArrayInputStream(NEW_FILE), delta);
                DELTAS[i] = delta.toByteArray();
            }
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Replaced after a timeout, since the hung thread may never come back. */
    private static ExecutorService runner = newRunner();

    private static ExecutorService newRunner() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "fuzz-runner");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterContainer
    static void stopRunner() {
        runner.shutdownNow();
    }

    // ---------------------------------------------------------------- properties

    @Property
    void mutatedSignaturesOnlyFailWithRdiffException(@ForAll("mutatedSignatures") byte[] sig) {
        survives("delta with signature " + HEX.formatHex(sig), () -> delta(sig), sig.length + NEW_FILE.length);
    }

    @Property
    void randomSignaturesOnlyFailWithRdiffException(@ForAll("randomSignatures") byte[] sig) {
        survives("delta with signature " + HEX.formatHex(sig), () -> delta(sig), sig.length + NEW_FILE.length);
    }

    @Property
    void mutatedDeltasOnlyFailWithRdiffException(@ForAll("mutatedDeltas") byte[] delta) {
        survives("patch with delta " + HEX.formatHex(delta), () -> patch(delta), delta.length + BASIS.length);
    }

    @Property
    void randomCommandStreamsOnlyFailWithRdiffException(@ForAll("commandStreams") byte[] delta) {
        survives("patch with delta " + HEX.formatHex(delta), () -> patch(delta), delta.length + BASIS.length);
    }

    // ---------------------------------------------------------------- pinned hostile cases

    @Example
    void hugeDeclaredLiteralAllocatesNothing() {
        assertThat(survives("2^62-byte literal", () -> patch(hex("72730236 44 4000000000000000 616263")), 16))
                .isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(survives("2^32-1-byte literal", () -> patch(hex("72730236 43 ffffffff 616263")), 12))
                .isEqualTo(RdiffResult.INPUT_ENDED);
    }

    @Example
    void hugeCopiesEndAtTheBasisEnd() {
        assertThat(survives("COPY 2^62 from 0", () -> patch(hex("72730236 48 00 4000000000000000 00")), 15))
                .isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(survives("COPY past the end", () -> patch(hex("72730236 4a 07d0 0001 00")), 10))
                .isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(survives("COPY at a negative position", () -> patch(hex("72730236 51 ffffffffffffffff 01")), 14))
                .isEqualTo(RdiffResult.CORRUPT);
    }

    @Example
    void hugeDeclaredBlockLengthAllocatesNothing() {
        // Refusing with MEM_ERROR is fine (the native engine refuses over 16 MiB); reserving
        // memory for blocks the signature does not contain is not.
        byte[] noBlocks = hex("72730147 7fffffff 00000020");
        assertThat(survives("2 GiB blocks, none present", () -> delta(noBlocks), 12 + NEW_FILE.length))
                .isIn(null, RdiffResult.MEM_ERROR);
        byte[] oneBlock = Arrays.copyOf(hex("72730146 7fffffff 00000001"), 12 + 5);
        assertThat(survives("2 GiB blocks, one present", () -> delta(oneBlock), 17 + NEW_FILE.length))
                .isIn(null, RdiffResult.MEM_ERROR);
        byte[] large = Arrays.copyOf(hex("72730147 04000000 00000020"), 12 + 36);
        assertThat(survives("64 MiB blocks, one present", () -> delta(large), 48 + NEW_FILE.length))
                .isIn(null, RdiffResult.MEM_ERROR);
    }

    @Example
    void headerRulesOfTheLoader() {
        assertThat(survives("short", () -> delta(hex("72730147 000001")), 7)).isEqualTo(RdiffResult.INPUT_ENDED);
        assertThat(survives("block 0", () -> delta(hex("72730147 00000000 00000020")), 12))
                .isEqualTo(RdiffResult.CORRUPT);
        assertThat(survives("strong 33", () -> delta(hex("72730147 00000100 00000021")), 12))
                .isEqualTo(RdiffResult.CORRUPT);
        assertThat(survives("md4 strong 17", () -> delta(hex("72730136 00000100 00000011")), 12))
                .isEqualTo(RdiffResult.PARAM_ERROR);
        assertThat(survives("bad magic", () -> delta(hex("12345678 00000100 00000020")), 12))
                .isEqualTo(RdiffResult.BAD_MAGIC);
        // librsync checks lengths as it reads them and the magic last: rdiff 2.3.2 exits 106 here.
        assertThat(survives("bad magic, block 0", () -> delta(hex("12345678 00000000")), 8))
                .isEqualTo(RdiffResult.CORRUPT);
    }

    // ---------------------------------------------------------------- generators

    @Provide
    Arbitrary<byte[]> mutatedSignatures() {
        return Arbitraries.randomValue(r -> mutate(SIGNATURES[r.nextInt(SIGNATURES.length)], r));
    }

    @Provide
    Arbitrary<byte[]> randomSignatures() {
        return Arbitraries.randomValue(r -> {
            ByteBuffer b = ByteBuffer.allocate(12 + r.nextInt(200));
            b.putInt(r.nextInt(3) == 0 ? r.nextInt() : SignatureType.values()[r.nextInt(4)].magic());
            b.putInt(r.nextBoolean() ? EDGE_INTS[r.nextInt(EDGE_INTS.length)] : 1 + r.nextInt(300));
            b.putInt(r.nextBoolean() ? EDGE_INTS[r.nextInt(EDGE_INTS.length)] : r.nextInt(34));
            byte[] rest = new byte[b.remaining()];
            r.nextBytes(rest);
            b.put(rest);
            return Arrays.copyOf(b.array(), r.nextInt(4) == 0 ? r.nextInt(b.capacity() + 1) : b.capacity());
        });
    }

    @Provide
    Arbitrary<byte[]> mutatedDeltas() {
        return Arbitraries.randomValue(r -> mutate(DELTAS[r.nextInt(DELTAS.length)], r));
    }

    /** The magic, then up to 8 commands of any opcode with edge-biased parameters and short data. */
    @Provide
    Arbitrary<byte[]> commandStreams() {
        return Arbitraries.randomValue(r -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(hex("72730236"));
            int commands = r.nextInt(9);
            for (int c = 0; c < commands; c++) {
                int op = r.nextInt(4) == 0 ? r.nextInt(256) : 0x41 + r.nextInt(0x14);
                out.write(op);
                int[] widths = paramWidths(op);
                for (int w : widths) {
                    long v = r.nextBoolean() ? EDGE_LONGS[r.nextInt(EDGE_LONGS.length)] : r.nextInt(3000);
                    for (int i = w - 1; i >= 0; i--) {
                        out.write((int) (v >>> (8 * i)));
                    }
                }
                byte[] data = new byte[r.nextInt(r.nextInt(8) == 0 ? 300 : 8)];
                r.nextBytes(data);
                out.writeBytes(data);
            }
            if (r.nextBoolean()) {
                out.write(0);
            }
            return out.toByteArray();
        });
    }

    /** Parameter widths of an opcode, from librsync's command table (docs/rdiff-formats.md §7). */
    private static int[] paramWidths(int op) {
        int[] w = {1, 2, 4, 8};
        if (op >= 0x41 && op <= 0x44) {
            return new int[] {w[op - 0x41]};
        }
        if (op >= 0x45 && op <= 0x54) {
            int i = op - 0x45;
            return new int[] {w[i / 4], w[i % 4]};
        }
        return new int[0];
    }

    /** One to four edits: byte changes, header-field and 8-byte overwrites, cuts, inserts, splices. */
    private static byte[] mutate(byte[] in, Random r) {
        byte[] b = in.clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int pos = r.nextInt(r.nextBoolean() ? Math.min(24, b.length) : b.length);
            switch (r.nextInt(7)) {
                case 0:
                    b[pos] = (byte) r.nextInt(256);
                    break;
                case 1:
                    b[pos] ^= (byte) (1 << r.nextInt(8));
                    break;
                case 2:
                    b = Arrays.copyOf(b, pos);
                    break;
                case 3:
                    b = overwrite(b, pos, EDGE_INTS[r.nextInt(EDGE_INTS.length)], 4);
                    break;
                case 4:
                    b = overwrite(b, pos, EDGE_LONGS[r.nextInt(EDGE_LONGS.length)], 8);
                    break;
                case 5: {
                    byte[] ins = new byte[1 + r.nextInt(16)];
                    r.nextBytes(ins);
                    byte[] c = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, c, 0, pos);
                    System.arraycopy(ins, 0, c, pos, ins.length);
                    System.arraycopy(b, pos, c, pos + ins.length, b.length - pos);
                    b = c;
                    break;
                }
                default: {
                    int from = r.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + r.nextInt(64));
                    byte[] c = Arrays.copyOf(b, b.length + len);
                    System.arraycopy(b, from, c, b.length, len);
                    b = c;
                    break;
                }
            }
        }
        return b;
    }

    private static byte[] overwrite(byte[] b, int pos, long value, int width) {
        byte[] c = b.length < pos + width ? Arrays.copyOf(b, pos + width) : b;
        for (int i = 0; i < width; i++) {
            c[pos + i] = (byte) (value >>> (8 * (width - 1 - i)));
        }
        return c;
    }

    // ---------------------------------------------------------------- running one input

    private static Void delta(byte[] sig) throws IOException {
        ENGINE.delta(new ByteArrayInputStream(sig), new ByteArrayInputStream(NEW_FILE), DISCARD);
        return null;
    }

    private static Void patch(byte[] delta) throws IOException {
        try (BytesChannel basis = new BytesChannel(BASIS)) {
            ENGINE.patch(basis, new ByteArrayInputStream(delta), DISCARD);
        }
        return null;
    }

    /** Keeps nothing, so only the engine's own allocations are counted. */
    private static final OutputStream DISCARD = OutputStream.nullOutputStream();

    /**
     * Runs {@code op} on the runner thread under a timeout and checks that it ended normally or
     * with an {@link RdiffException}, within the allocation budget for {@code inputBytes}.
     *
     * @return the exception's result, or null when the operation succeeded
     */
    private static RdiffResult survives(String what, Callable<Void> op, long inputBytes) {
        Future<Outcome> f = runner.submit(() -> {
            long before = allocatedByThisThread();
            RdiffResult result = null;
            try {
                op.call();
            } catch (RdiffException e) {
                result = e.result();
            }
            return new Outcome(result, allocatedByThisThread() - before);
        });
        Outcome o;
        try {
            o = f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            runner.shutdownNow();
            runner = newRunner();
            return fail(what + ": still running after " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            return fail(what + ": threw something other than RdiffException", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
        if (o.allocated() >= 0) {
            assertThat(o.allocated()).as(what + ": bytes allocated")
                    .isLessThan(ALLOCATION_SLACK + ALLOCATION_PER_INPUT_BYTE * inputBytes);
        }
        return o.result();
    }

    private record Outcome(RdiffResult result, long allocated) {
    }

    /** Heap bytes this thread has allocated so far, or -1 where the JVM cannot tell. */
    private static long allocatedByThisThread() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled()) {
            return mx.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    private static byte[] hex(String s) {
        return HEX.parseHex(s.replace(" ", ""));
    }
}
