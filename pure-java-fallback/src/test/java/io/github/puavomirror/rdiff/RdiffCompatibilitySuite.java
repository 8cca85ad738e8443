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

import static io.github.puavomirror.rdiff.ByteDiff.assertBytes;
import static io.github.puavomirror.rdiff.ByteDiff.assertDelta;
import static io.github.puavomirror.rdiff.ByteDiff.hex;
import static io.github.puavomirror.rdiff.ByteDiff.unhex;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte-compatibility of an {@link RdiffEngine} with rdiff 2.3.2 (docs/rdiff-formats.md and
 * docs/matching.md): the golden vectors of {@code src/test/resources/golden}, a seeded
 * randomized comparison with the {@code rdiff} binary, and the patch and signature-loading error
 * codes. Engine modules extend it (through the test-jar) and return their engine; nothing here
 * depends on one implementation.
 *
 * <p>Randomized part: {@code -Dpuavo.random.cases=N} (default 200), {@code -Dpuavo.random.seed=S}
 * (decimal or 0x hex), {@code -Dpuavo.random.case=I} to rerun only case I of that seed.
 */
public abstract class RdiffCompatibilitySuite {

    /** The engine under test; called once per test, so it may return a shared instance. */
    protected abstract RdiffEngine engine();

    private static final long DEFAULT_RANDOM_SEED = 0x5EED_2032L;
    private static final int DEFAULT_RANDOM_CASES = 200;
    private static final byte[] MAGIC = unhex("72730236");

    // ---------------------------------------------------------------- engine calls on byte arrays

    protected byte[] engineSignature(byte[] basis, long basisLength, SignatureOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine().signature(new ByteArrayInputStream(basis), basisLength, out, options);
        return out.toByteArray();
    }

    protected byte[] engineSignatureOfFile(Path basis, Path scratch, SignatureOptions options) throws IOException {
        Path sig = scratch.resolve("engine.sig");
        engine().signature(basis, sig, options);
        return Files.readAllBytes(sig);
    }

    protected byte[] engineDelta(byte[] signature, byte[] newFile) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine().delta(new ByteArrayInputStream(signature), new ByteArrayInputStream(newFile), out);
        return out.toByteArray();
    }

    protected byte[] engineDiff(Path basis, Path newFile, SignatureOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        engine().diff(basis, newFile, out, options);
        return out.toByteArray();
    }

    /**
     * Patches through streams and from file to file, which engines may serve by different paths,
     * and requires the same bytes or the same result code from both.
     */
    protected byte[] enginePatch(byte[] basis, byte[] delta) throws IOException {
        byte[] viaStreams = null;
        RdiffException streamError = null;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (BytesChannel channel = new BytesChannel(basis)) {
                engine().patch(channel, new ByteArrayInputStream(delta), out);
            }
            viaStreams = out.toByteArray();
        } catch (RdiffException e) {
            streamError = e;
        }
        Path dir = Files.createTempDirectory("puavo-patch");
        try {
            Path b = Files.write(dir.resolve("basis"), basis);
            Path d = Files.write(dir.resolve("delta"), delta);
            Path out = dir.resolve("out");
            RdiffResult fileResult = RdiffResult.DONE;
            try {
                engine().patch(b, d, out);
            } catch (RdiffException e) {
                fileResult = e.result();
            }
            if (streamError != null) {
                assertEquals(streamError.result(), fileResult, "file-to-file patch result of " + hex(delta));
                throw streamError;
            }
            assertEquals(RdiffResult.DONE, fileResult, "file-to-file patch result of " + hex(delta));
            assertBytes("file-to-file patch of " + hex(delta), viaStreams, Files.readAllBytes(out));
            return viaStreams;
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    // ---------------------------------------------------------------- golden vectors

    @TestFactory
    Stream<DynamicContainer> golden() {
        return GoldenCase.all().stream().map(c -> dynamicContainer(c.name(), goldenTests(c)));
    }

    private Stream<DynamicTest> goldenTests(GoldenCase c) {
        String ctx = "golden " + c;
        List<DynamicTest> tests = new ArrayList<>();
        if (c.fromPipe()) {
            tests.add(dynamicTest("signature from a stream of unknown length", () -> assertBytes(
                    ctx + ": signature(stream, -1)", c.signature(), engineSignature(c.oldFile(), -1, c.options()))));
        } else {
            tests.add(dynamicTest("signature from a file", () -> withScratch(dir -> {
                Path old = write(dir, "old", c.oldFile());
                assertBytes(ctx + ": signature(Path)", c.signature(), engineSignatureOfFile(old, dir, c.options()));
            })));
            tests.add(dynamicTest("signature from a stream of known length", () -> assertBytes(
                    ctx + ": signature(stream, length)", c.signature(),
                    engineSignature(c.oldFile(), c.oldFile().length, c.options()))));
            tests.add(dynamicTest("diff", () -> withScratch(dir -> assertDelta(ctx + ": diff(old, new)", c.delta(),
                    engineDiff(write(dir, "old", c.oldFile()), write(dir, "new", c.newFile()), c.options())))));
        }
        tests.add(dynamicTest("delta", () -> assertDelta(
                ctx + ": delta(sig, new)", c.delta(), engineDelta(c.signature(), c.newFile()))));
        tests.add(dynamicTest("patch", () -> assertBytes(
                ctx + ": patch(old, delta)", c.newFile(), enginePatch(c.oldFile(), c.delta()))));
        return tests.stream();
    }

    // ---------------------------------------------------------------- randomized against rdiff

    /** One randomized case's parameters, all derived from (base seed, index). */
    record RandomCase(long baseSeed, int index, long seed, SignatureType type, int block, int strong,
                      boolean pipe, int oldSize, int maxNewSize) {

        private static final int[] BLOCKS = {0, 0, 0, 1, 2, 3, 5, 8, 16, 64, 100, 128, 128, 256, 512, 1000, 2048, 4096};

        static RandomCase of(long baseSeed, int index) {
            long seed = mix(baseSeed + 0x9E3779B97F4A7C15L * (index + 1));
            Random r = new Random(seed);
            SignatureType type = SignatureType.values()[r.nextInt(4)];
            int block = r.nextInt(6) == 0 ? 1 + r.nextInt(3000) : BLOCKS[r.nextInt(BLOCKS.length)];
            int max = type.maxStrongLength();
            int[] strongs = {0, 0, -1, -1, 1, 2, 4, 8, 12, 16, max, 1 + r.nextInt(max)};
            int strong = strongs[r.nextInt(strongs.length)];
            boolean pipe = r.nextInt(8) == 0;
            int bucket = r.nextInt(100);
            int size = bucket < 5 ? 0
                    : bucket < 35 ? r.nextInt(1500)
                    : bucket < 70 ? r.nextInt(20_000)
                    : bucket < 90 ? r.nextInt(80_000)
                    : 80_000 + r.nextInt(125_000);
            // Tiny blocks make signatures of ~36 bytes per basis byte: keep those bases small.
            if (block >= 1 && block <= 8) {
                size = Math.min(size, 6000);
            } else if (block >= 1 && block < 64) {
                size = Math.min(size, 30_000);
            }
            int maxNew = Math.max(size + size / 2, 2000) + (r.nextInt(4) == 0 ? 40_000 : 0);
            return new RandomCase(baseSeed, index, seed, type, block, strong, pipe, size, maxNew);
        }

        List<String> rdiffArgs() {
            return List.of("-b", Integer.toString(block), "-S", Integer.toString(strong),
                    "-H", type.blake2() ? "blake2" : "md4", "-R", type.rabinKarp() ? "rabinkarp" : "rollsum");
        }

        SignatureOptions options() {
            return new SignatureOptions(type, block, strong);
        }

        @Override
        public String toString() {
            return "random #" + index + " seed=0x" + Long.toHexString(seed) + " " + String.join(" ", rdiffArgs())
                    + (pipe ? " pipe" : "") + " old=" + oldSize;
        }

        String rerun() {
            return "rerun: -Dpuavo.random.seed=0x" + Long.toHexString(baseSeed) + " -Dpuavo.random.case=" + index;
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
    }

    @TestFactory
    Stream<DynamicTest> randomizedAgainstRdiff() {
        String seedProp = System.getProperty("puavo.random.seed");
        long baseSeed = seedProp == null || seedProp.isBlank() ? DEFAULT_RANDOM_SEED : Long.decode(seedProp.strip());
        int cases = Integer.getInteger("puavo.random.cases", DEFAULT_RANDOM_CASES);
        Integer only = Integer.getInteger("puavo.random.case");
        IntStream indexes = only != null ? IntStream.of(only) : IntStream.range(0, cases);
        return indexes.mapToObj(i -> RandomCase.of(baseSeed, i))
                .map(rc -> dynamicTest(rc.toString(), () -> runRandomCase(rc)));
    }

    private void runRandomCase(RandomCase rc) throws IOException {
        RdiffBinary.assumeAvailable();
        SimilarData.Pair pair = new SimilarData(rc.seed()).pair(rc.oldSize(), rc.maxNewSize());
        String ctx = rc + " new=" + pair.newFile().length + " (" + pair.recipe() + "); " + rc.rerun();
        compareWithRdiff(ctx, pair.oldFile(), pair.newFile(), rc.rdiffArgs(), rc.options(), rc.pipe());
    }

    /**
     * Edge cases built at run time rather than committed: they need inputs too big for the golden
     * folder, or sit exactly on an encoding boundary.
     */
    @TestFactory
    Stream<DynamicTest> edgeCasesAgainstRdiff() {
        byte[] big = new SimilarData(7).bytes(200_000, null);
        byte[] moved = concat(Arrays.copyOfRange(big, 150_000, 200_000), Arrays.copyOfRange(big, 0, 150_000));
        return Stream.of(
                edge("slack delta, -b 65535: LITERAL_N2 chunks", new byte[0], prefix(big, 140_000), "-b 65535 -S 8"),
                edge("slack delta, -b 65536: LITERAL_N4 chunks", new byte[0], prefix(big, 140_000), "-b 65536 -S 8"),
                edge("slack delta, -b 70000: LITERAL_N4 chunks", new byte[0], prefix(big, 70_001), "-b 70000 -S 8"),
                edge("block longer than both files", prefix(big, 1000), prefix(big, 999), "-b 1048576"),
                edge("new exactly one block, equal to old", prefix(big, 512), prefix(big, 512), "-b 512"),
                edge("new one block plus one byte", prefix(big, 512), prefix(big, 513), "-b 512"),
                edge("copies at 4-byte positions", big, moved, "-b 1024 -S 8"),
                edge("default block for 200000 bytes (sqrt rule: 384)", big, moved, ""),
                edge("block 1 over a small alphabet", new SimilarData(8).bytes(4000, new byte[] {0, 1}),
                        new SimilarData(9).bytes(4000, new byte[] {0, 1}), "-b 1 -S 1 -R rollsum"),
                edge("all-zero files", new byte[50_000], new byte[60_000], "-b 100 -S 2"),
                edge("runs past the read-ahead, zero runs, repeated blocks", repeats(false), repeats(true), "-b 128"),
                edge("literal with planted blocks, patterned regions, -b 128", planted(false), planted(true), "-b 128"),
                edge("literal with planted blocks, patterned regions, -b 64", planted(false), planted(true), "-b 64"));
    }

    /**
     * For the literal scan's anchors (docs/matching.md §10): a basis with regions that hold a
     * breakpoint at every position (zeros) or likely at none (short repeated patterns), and a
     * new file of mostly fresh bytes with basis blocks planted at unaligned offsets, some cut
     * short by a byte or two, and copies of the patterned regions shifted.
     */
    private static byte[] planted(boolean fresh) {
        SimilarData data = new SimilarData(13);
        byte[] old = data.bytes(1 << 20, null);
        Arrays.fill(old, 100_000, 110_000, (byte) 0);
        Arrays.fill(old, 200_000, 210_000, (byte) 0xff);
        for (int period : new int[] {3, 7, 13}) {
            int at = 300_000 + period * 10_000;
            for (int i = 0; i < 9_000; i++) {
                old[at + i] = old[at + i % period];
            }
        }
        if (!fresh) {
            return old;
        }
        byte[] n = data.bytes(1 << 20, null);
        Random r = new Random(13);
        for (int i = 0; i < 400; i++) {
            int len = 128 * (1 + r.nextInt(3)) - (i % 5 == 0 ? 1 + r.nextInt(2) : 0);
            int from = r.nextInt(old.length - len);
            if (i % 3 == 0) {
                from -= from % 64;
            }
            System.arraycopy(old, from, n, r.nextInt(n.length - len), len);
        }
        System.arraycopy(old, 300_000, n, 500_001, 200_000);
        System.arraycopy(old, 99_000, n, 800_003, 12_000);
        return n;
    }

    /**
     * 3 MiB with matched runs longer than the one-step diff's 1 MiB read-ahead, a zero run, blocks
     * alternating A B A B, and a block repeated far from its original; the new file shifts, edits
     * and moves them, so runs stop at repeats and restart.
     */
    private static byte[] repeats(boolean changed) {
        byte[] b = new SimilarData(11).bytes(3 << 20, null);
        Arrays.fill(b, 128 * 2000, 128 * 4400, (byte) 0);
        for (int i = 0; i < 64; i++) {
            System.arraycopy(b, 128 * (i % 2 == 0 ? 100 : 101), b, 128 * (9000 + i), 128);
        }
        System.arraycopy(b, 128 * 50, b, 128 * 20_000, 128);
        if (!changed) {
            return b;
        }
        byte[] n = concat(prefix(b, 1_500_000), concat(new byte[17], Arrays.copyOfRange(b, 1_500_000, b.length)));
        Arrays.fill(n, 200_000, 200_300, (byte) 7);
        System.arraycopy(b, 128 * 2000, n, 2_900_000, 128 * 300);
        return n;
    }

    private DynamicTest edge(String name, byte[] old, byte[] fresh, String args) {
        return dynamicTest(name, () -> {
            RdiffBinary.assumeAvailable();
            List<String> rdiffArgs = args.isBlank() ? List.of() : List.of(args.split(" "));
            compareWithRdiff("edge case '" + name + "' [" + args + "] old=" + old.length + " new=" + fresh.length,
                    old, fresh, rdiffArgs, GoldenCase.parseOptions(args), false);
        });
    }

    private static byte[] prefix(byte[] b, int n) {
        return Arrays.copyOf(b, n);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /**
     * Runs rdiff signature and delta on the pair and checks the engine's signature, delta and diff
     * against them, then patches both ways: the engine with rdiff's delta, rdiff with the engine's.
     */
    private void compareWithRdiff(String ctx, byte[] oldFile, byte[] newFile, List<String> rdiffSigArgs,
                                  SignatureOptions options, boolean pipe) throws IOException {
        withScratch(dir -> {
            Path old = write(dir, "old", oldFile);
            Path fresh = write(dir, "new", newFile);
            List<String> sigArgs = new ArrayList<>(rdiffSigArgs);
            sigArgs.addAll(List.of("signature", pipe ? "-" : old.toString(), "-"));
            byte[] rdiffSig = RdiffBinary.runOk(pipe ? oldFile : null, sigArgs).out();
            Path sig = write(dir, "rdiff.sig", rdiffSig);
            byte[] rdiffDelta = RdiffBinary.runOk(null, "delta", sig.toString(), fresh.toString(), "-").out();
            AtomicReference<byte[]> engineDelta = new AtomicReference<>();

            List<Executable> checks = new ArrayList<>();
            checks.add(() -> assertBytes(ctx + ": signature", rdiffSig, pipe
                    ? engineSignature(oldFile, -1, options)
                    : engineSignatureOfFile(old, dir, options)));
            checks.add(() -> {
                engineDelta.set(engineDelta(rdiffSig, newFile));
                assertDelta(ctx + ": delta", rdiffDelta, engineDelta.get());
            });
            if (!pipe) {
                checks.add(() -> assertDelta(ctx + ": diff", rdiffDelta, engineDiff(old, fresh, options)));
            }
            checks.add(() -> assertBytes(ctx + ": engine patch of rdiff's delta", newFile,
                    enginePatch(oldFile, rdiffDelta)));
            checks.add(() -> {
                if (engineDelta.get() != null) {
                    Path d = write(dir, "engine.delta", engineDelta.get());
                    byte[] patched = RdiffBinary.runOk(null, "patch", old.toString(), d.toString(), "-").out();
                    assertBytes(ctx + ": rdiff patch of the engine's delta", newFile, patched);
                }
            });
            assertAll(ctx, checks.stream());
        });
    }

    // ---------------------------------------------------------------- patch: errors and odd encodings

    /** The basis for patch cases: 1000 bytes, so COPY commands can run past its end. */
    private static final byte[] PATCH_BASIS = patchBasis();

    private static byte[] patchBasis() {
        byte[] b = new byte[1000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 7 + (i >> 8));
        }
        return b;
    }

    private static byte[] delta(String hexAfterMagic) {
        byte[] body = unhex(hexAfterMagic);
        byte[] d = Arrays.copyOf(MAGIC, 4 + body.length);
        System.arraycopy(body, 0, d, 4, body.length);
        return d;
    }

    static Stream<Arguments> patchErrors() {
        String ff8 = "ffffffffffffffff";
        return Stream.of(
                // The table of docs/rdiff-formats.md §8, row by row.
                Arguments.of("magic only", delta(""), RdiffResult.INPUT_ENDED),
                Arguments.of("03 'ab': literal longer than the delta", delta("036162"), RdiffResult.INPUT_ENDED),
                Arguments.of("55 00: reserved opcode", delta("5500"), RdiffResult.CORRUPT),
                Arguments.of("41 00: literal of length 0", delta("4100"), RdiffResult.CORRUPT),
                Arguments.of("45 00 00: copy of length 0", delta("450000"), RdiffResult.CORRUPT),
                Arguments.of("51 ff..ff 01: copy at position -1", delta("51" + ff8 + "01"), RdiffResult.CORRUPT),
                Arguments.of("copy past a 1000-byte basis", delta("4a03840100" + "00"), RdiffResult.INPUT_ENDED),
                Arguments.of("'RS\\x026' as the magic", unhex("52530236"), RdiffResult.BAD_MAGIC),
                // Truncations.
                Arguments.of("empty delta", new byte[0], RdiffResult.INPUT_ENDED),
                Arguments.of("3-byte magic", unhex("727302"), RdiffResult.INPUT_ENDED),
                Arguments.of("literal without END", delta("03616263"), RdiffResult.INPUT_ENDED),
                Arguments.of("truncated LITERAL_N2 data", delta("420100" + "ab".repeat(100)), RdiffResult.INPUT_ENDED),
                Arguments.of("LITERAL_N1 without its length", delta("41"), RdiffResult.INPUT_ENDED),
                Arguments.of("LITERAL_N4 with a 2-byte length", delta("430000"), RdiffResult.INPUT_ENDED),
                Arguments.of("COPY_N1_N1 without its length", delta("4500"), RdiffResult.INPUT_ENDED),
                Arguments.of("COPY_N4_N4 with half its position", delta("4f0000"), RdiffResult.INPUT_ENDED),
                Arguments.of("copy starting at the basis end", delta("4903e801" + "00"), RdiffResult.INPUT_ENDED),
                Arguments.of("copy starting far past the basis end", delta("4907d00a" + "00"), RdiffResult.INPUT_ENDED),
                // Lengths and positions that are negative as int64.
                Arguments.of("LITERAL_N8 of length -1", delta("44" + ff8), RdiffResult.CORRUPT),
                Arguments.of("LITERAL_N8 of length 2^63", delta("448000000000000000"), RdiffResult.CORRUPT),
                Arguments.of("COPY_N1_N8 of length -1", delta("4800" + ff8), RdiffResult.CORRUPT),
                Arguments.of("COPY_N8_N8 at position 2^63", delta("54" + "8000000000000000" + "0000000000000001"),
                        RdiffResult.CORRUPT),
                Arguments.of("COPY_N2_N2 of length 0", delta("4a00050000"), RdiffResult.CORRUPT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patchErrors")
    void patchRejects(String name, byte[] delta, RdiffResult expected) throws IOException {
        RdiffException e = assertThrows(RdiffException.class, () -> enginePatch(PATCH_BASIS, delta),
                name + ": delta " + hex(delta));
        assertEquals(expected, e.result(), name + ": delta " + hex(delta) + " failed with " + e);
        crossCheckPatch(name, delta, expected.code(), null);
    }

    static Stream<Arguments> reservedOpcodes() {
        return IntStream.rangeClosed(0x55, 0xff).mapToObj(op -> Arguments.of(String.format("0x%02x", op), op));
    }

    @ParameterizedTest(name = "reserved opcode {0}")
    @MethodSource("reservedOpcodes")
    void patchRejectsReservedOpcode(String name, int op) throws IOException {
        byte[] delta = delta(String.format("03616263%02x00000000", op));
        RdiffException e = assertThrows(RdiffException.class, () -> enginePatch(PATCH_BASIS, delta), hex(delta));
        assertEquals(RdiffResult.CORRUPT, e.result(), "opcode " + name + " in " + hex(delta));
        // rdiff for a sample only: one process per opcode would cost more than it tells.
        if (op == 0x55 || op == 0x80 || op == 0xff) {
            crossCheckPatch("opcode " + name, delta, RdiffResult.CORRUPT.code(), null);
        }
    }

    static Stream<Arguments> patchAccepts() {
        return Stream.of(
                Arguments.of("00 then garbage", delta("00deadbeef55"), ""),
                Arguments.of("END only", delta("00"), ""),
                Arguments.of("44 <8-byte 2> 'hi' 00: LITERAL_N8", delta("440000000000000002686900"), "6869"),
                Arguments.of("41 05 'hello': non-minimal LITERAL_N1", delta("410568656c6c6f00"), "68656c6c6f"),
                Arguments.of("42 0003 'abc': non-minimal LITERAL_N2", delta("420003616263" + "00"), "616263"),
                Arguments.of("43 00000002 'hi': non-minimal LITERAL_N4", delta("4300000002686900"), "6869"),
                Arguments.of("COPY_N8_N8", delta("54" + "0000000000000010" + "0000000000000020" + "00"),
                        hex(Arrays.copyOfRange(PATCH_BASIS, 16, 48))),
                Arguments.of("copy ending exactly at the basis end", delta("4a03de000a" + "00"),
                        hex(Arrays.copyOfRange(PATCH_BASIS, 990, 1000))),
                Arguments.of("overlapping copies and literals", delta("450a05" + "027879" + "450805" + "00"),
                        hex(Arrays.copyOfRange(PATCH_BASIS, 10, 15)) + "7879"
                                + hex(Arrays.copyOfRange(PATCH_BASIS, 8, 13))),
                Arguments.of("garbage after END with a reserved opcode", delta("0161" + "00" + "ff00"), "61"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("patchAccepts")
    void patchAccepts(String name, byte[] delta, String expectedHex) throws IOException {
        byte[] expected = unhex(expectedHex);
        assertBytes(name + ": patch of " + hex(delta), expected, enginePatch(PATCH_BASIS, delta));
        crossCheckPatch(name, delta, 0, expected);
    }

    static Stream<Arguments> copyOpcodes() {
        // Every COPY opcode, carrying the same copy (position 3, length 4) at its widths.
        return IntStream.rangeClosed(0x45, 0x54).mapToObj(op -> {
            int pw = 1 << ((op - 0x45) / 4);
            int lw = 1 << ((op - 0x45) % 4);
            String cmd = String.format("%02x", op) + "00".repeat(pw - 1) + "03" + "00".repeat(lw - 1) + "04";
            return Arguments.of(String.format("0x%02x", op), delta(cmd + "00"));
        });
    }

    @ParameterizedTest(name = "COPY opcode {0}")
    @MethodSource("copyOpcodes")
    void patchAcceptsEveryCopyWidth(String name, byte[] delta) throws IOException {
        assertBytes("COPY " + name + ": " + hex(delta), Arrays.copyOfRange(PATCH_BASIS, 3, 7),
                enginePatch(PATCH_BASIS, delta));
    }

    /** Confirms a patch case against rdiff when it is installed (the engine's check already ran). */
    private static void crossCheckPatch(String name, byte[] delta, int exitCode, byte[] output) throws IOException {
        if (!RdiffBinary.isAvailable()) {
            return;
        }
        withScratch(dir -> {
            Path basis = write(dir, "basis", PATCH_BASIS);
            Path d = write(dir, "delta", delta);
            RdiffBinary.Result r = RdiffBinary.run(null, "patch", basis.toString(), d.toString(), "-");
            assertEquals(exitCode, r.exit(), "rdiff patch disagrees on " + name + ": " + r);
            if (output != null) {
                assertBytes("rdiff patch output for " + name, output, r.out());
            }
        });
    }

    // ---------------------------------------------------------------- signature loading

    /** RK+BLAKE2, -b 64 -S 32: the signature mutated by the loading cases. */
    private static final String BLAKE2_CASE = "strong-32-blake2";
    /** RK+MD4, -b 64 -S 16. */
    private static final String MD4_CASE = "strong-16-md4";

    private static byte[] withHeader(byte[] sig, long magic, long block, long strong) {
        byte[] s = sig.clone();
        ByteBuffer.wrap(s).putInt((int) magic).putInt((int) block).putInt((int) strong);
        return s;
    }

    private static byte[] cut(byte[] b, int length) {
        return Arrays.copyOf(b, length);
    }

    static Stream<Arguments> signatureErrors() {
        byte[] sig = GoldenCase.named(BLAKE2_CASE).signature();
        byte[] md4 = GoldenCase.named(MD4_CASE).signature();
        return Stream.of(
                Arguments.of("empty signature", new byte[0], RdiffResult.INPUT_ENDED),
                Arguments.of("magic only", cut(sig, 4), RdiffResult.INPUT_ENDED),
                Arguments.of("11-byte header", cut(sig, 11), RdiffResult.INPUT_ENDED),
                Arguments.of("unknown magic 0x12345678", withHeader(sig, 0x12345678, 64, 32), RdiffResult.BAD_MAGIC),
                Arguments.of("delta magic as signature magic", withHeader(sig, 0x72730236, 64, 32), RdiffResult.BAD_MAGIC),
                Arguments.of("unknown magic 0x72730138", withHeader(sig, 0x72730138, 64, 32), RdiffResult.BAD_MAGIC),
                Arguments.of("unknown magic with strong length 0", withHeader(sig, 0x12345678, 64, 0),
                        RdiffResult.BAD_MAGIC),
                Arguments.of("block length 0", withHeader(sig, 0x72730147, 0, 32), RdiffResult.CORRUPT),
                Arguments.of("block length 2^31 (negative)", withHeader(sig, 0x72730147, 0x80000000L, 32),
                        RdiffResult.CORRUPT),
                Arguments.of("block length -1", withHeader(sig, 0x72730147, 0xffffffffL, 32), RdiffResult.CORRUPT),
                Arguments.of("block length 0 is checked before the magic", withHeader(sig, 0x12345678, 0, 32),
                        RdiffResult.CORRUPT),
                Arguments.of("strong length -1", withHeader(sig, 0x72730147, 64, 0xffffffffL), RdiffResult.CORRUPT),
                Arguments.of("strong length 33", withHeader(sig, 0x72730147, 64, 33), RdiffResult.CORRUPT),
                Arguments.of("strong length 33 is checked before the magic", withHeader(sig, 0x12345678, 64, 33),
                        RdiffResult.CORRUPT),
                Arguments.of("strong length 33 with MD4", withHeader(md4, 0x72730146, 64, 33), RdiffResult.CORRUPT),
                Arguments.of("strong length 17 with MD4", withHeader(md4, 0x72730146, 64, 17), RdiffResult.PARAM_ERROR),
                Arguments.of("strong length 32 with MD4 rollsum", withHeader(md4, 0x72730136, 64, 32),
                        RdiffResult.PARAM_ERROR),
                Arguments.of("strong sum truncated in the first block", cut(sig, 12 + 4 + 10), RdiffResult.INPUT_ENDED),
                Arguments.of("strong sum missing its last byte", cut(sig, 12 + 36 * 3 + 35), RdiffResult.INPUT_ENDED),
                Arguments.of("weak sum complete, strong sum missing", cut(sig, 12 + 36 * 2 + 4),
                        RdiffResult.INPUT_ENDED),
                Arguments.of("MD4 strong sum truncated", cut(md4, 12 + 20 + 4 + 3), RdiffResult.INPUT_ENDED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureErrors")
    void signatureLoadingRejects(String name, byte[] sig, RdiffResult expected) throws IOException {
        byte[] fresh = GoldenCase.named(BLAKE2_CASE).newFile();
        String ctx = name + ": signature " + hex(cut(sig, Math.min(sig.length, 48))) + (sig.length > 48 ? "..." : "");
        RdiffException e = assertThrows(RdiffException.class, () -> engineDelta(sig, fresh), ctx);
        assertEquals(expected, e.result(), ctx + " failed with " + e);
        crossCheckDelta(name, sig, fresh, expected.code(), null);
    }

    static Stream<Arguments> signatureAccepts() {
        GoldenCase b = GoldenCase.named(BLAKE2_CASE);
        GoldenCase m = GoldenCase.named(MD4_CASE);
        byte[] sig = b.signature();
        return Stream.of(
                Arguments.of("magic 0 is RK+BLAKE2", withHeader(sig, 0, 64, 32), b.newFile(), b.delta()),
                Arguments.of("strong length 0 is 32 for BLAKE2", withHeader(sig, 0x72730147, 64, 0), b.newFile(),
                        b.delta()),
                Arguments.of("strong length 0 is 16 for MD4", withHeader(m.signature(), 0x72730146, 64, 0),
                        m.newFile(), m.delta()),
                Arguments.of("magic 0 and strong length 0", withHeader(sig, 0, 64, 0), b.newFile(), b.delta()),
                Arguments.of("1 stray byte after the last block", append(sig, "aa"), b.newFile(), b.delta()),
                Arguments.of("2 stray bytes after the last block", append(sig, "aabb"), b.newFile(), b.delta()),
                Arguments.of("3 stray bytes after the last block", append(sig, "aabbcc"), b.newFile(), b.delta()),
                Arguments.of("header only: no blocks, slack delta", cut(sig, 12), b.newFile(), null),
                Arguments.of("cut at a block boundary", cut(sig, 12 + 36 * 5), b.newFile(), null),
                Arguments.of("cut at a block boundary plus 2 bytes", cut(sig, 12 + 36 * 5 + 2), b.newFile(), null));
    }

    private static byte[] append(byte[] b, String hexSuffix) {
        byte[] suffix = unhex(hexSuffix);
        byte[] r = Arrays.copyOf(b, b.length + suffix.length);
        System.arraycopy(suffix, 0, r, b.length, suffix.length);
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatureAccepts")
    void signatureLoadingAccepts(String name, byte[] sig, byte[] fresh, byte[] expectedDelta) throws IOException {
        byte[] actual = engineDelta(sig, fresh);
        if (expectedDelta != null) {
            assertDelta(name + ": delta", expectedDelta, actual);
        }
        crossCheckDelta(name, sig, fresh, 0, actual);
    }

    /** Confirms a signature-loading case with {@code rdiff delta} when it is installed. */
    private static void crossCheckDelta(String name, byte[] sig, byte[] fresh, int exitCode, byte[] engineDelta)
            throws IOException {
        if (!RdiffBinary.isAvailable()) {
            return;
        }
        withScratch(dir -> {
            Path s = write(dir, "sig", sig);
            Path n = write(dir, "new", fresh);
            RdiffBinary.Result r = RdiffBinary.run(null, "delta", s.toString(), n.toString(), "-");
            assertEquals(exitCode, r.exit(), "rdiff delta disagrees on " + name + ": " + r);
            if (engineDelta != null) {
                assertDelta(name + ": engine delta vs rdiff delta", r.out(), engineDelta);
            }
        });
    }

    // ---------------------------------------------------------------- scratch files

    /** Work that needs a directory. */
    @FunctionalInterface
    protected interface ScratchWork {
        void run(Path dir) throws IOException;
    }

    /** Runs {@code work} in a fresh temporary directory and deletes it afterwards. */
    protected static void withScratch(ScratchWork work) throws IOException {
        Path dir = Files.createTempDirectory("rdiff-compat");
        try {
            work.run(dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    protected static Path write(Path dir, String name, byte[] data) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p)) {
            out.write(data);
        }
        return p;
    }
}
