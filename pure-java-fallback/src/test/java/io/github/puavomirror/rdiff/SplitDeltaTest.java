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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two-thread one-step diff against the one-thread diff of the same basis (itself checked
 * against rdiff elsewhere): the same bytes and statistics for seeded pairs of every kind,
 * split anywhere, with the second half's output bound small enough that it also gives up.
 */
class SplitDeltaTest {
    @TempDir
    Path dir;

    private record Result(byte[] delta, RdiffStats stats) {
    }

    private static Result oneThread(BlockMatcher matcher, Path newFile) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdiffStats stats = new RdiffStats("delta");
        try (InputStream in = Files.newInputStream(newFile)) {
            new DeltaWriter(matcher, in, out, stats).run();
        }
        return new Result(out.toByteArray(), stats);
    }

    private static void assertSame(Result expected, ByteArrayOutputStream got, RdiffStats stats, String what) {
        assertThat(got.toByteArray()).as(what).isEqualTo(expected.delta());
        RdiffStats e = expected.stats();
        assertThat(new long[] {stats.literalCommands(), stats.literalBytes(), stats.literalCommandBytes(),
            stats.copyCommands(), stats.copyBytes(), stats.copyCommandBytes(), stats.inBytes(), stats.outBytes()})
                .as(what).containsExactly(e.literalCommands(), e.literalBytes(), e.literalCommandBytes(),
                        e.copyCommands(), e.copyBytes(), e.copyCommandBytes(), e.inBytes(), e.outBytes());
    }

    @Test
    void sameBytesAndStatisticsAsOneThreadWhereverItSplits() throws IOException {
        int splits = 0;
        int joins = 0;
        for (long seed = 0; seed < 400; seed++) {
            Random r = new Random(seed);
            SimilarData.Pair pair = new SimilarData(seed).pair(1 + r.nextInt(30_000), 40_000);
            int b = new int[] {16, 64, 128, 700}[r.nextInt(4)];
            SignatureType type = r.nextBoolean() ? SignatureType.BLAKE2_RABINKARP : SignatureType.BLAKE2_ROLLSUM;
            Path oldFile = Files.write(dir.resolve("old"), pair.oldFile());
            Path newFile = Files.write(dir.resolve("new"), pair.newFile());
            SignatureParams params = new SignatureOptions(type, b, r.nextBoolean() ? 16 : 32)
                    .resolve(pair.oldFile().length);
            BasisBlocks matcher = BasisBlocks.build(oldFile, params, new RdiffStats("signature"));
            Result expected = oneThread(matcher, newFile);
            int n = pair.newFile().length;
            long[] at = {n / 2, r.nextInt(n + 1), 0, n, Math.min(n, b * (long) r.nextInt(1 + n / b))};
            for (long split : at) {
                int maxSecond = r.nextInt(4) == 0 ? r.nextInt(2_000) : 1 << 20;
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                RdiffStats stats = new RdiffStats("delta");
                boolean joined = SplitDelta.run(matcher, newFile, split, maxSecond, got, stats);
                String what = "seed " + seed + " (" + pair.recipe() + "), " + type + " -b " + b + ", split at "
                        + split + " of " + n + ", second half kept up to " + maxSecond;
                assertSame(expected, got, stats, what);
                splits++;
                joins += joined ? 1 : 0;
            }
        }
        // The splice itself, not only the fall-back to one thread, is what most splits test.
        assertThat(joins).isGreaterThan(splits / 3);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().equals(SplitDelta.THREAD_NAME) && t.isAlive());
    }

    @Test
    void aLargeSimilarPairIsSplitAndJoinsNearTheMiddle() throws IOException {
        SimilarData data = new SimilarData(7);
        byte[] old = data.bytes(3 << 20, null);
        byte[] fresh = old.clone();
        Random r = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] edit = data.bytes(1 + r.nextInt(64), null);
            System.arraycopy(edit, 0, fresh, r.nextInt(fresh.length - 64), edit.length);
        }
        Path oldFile = Files.write(dir.resolve("old"), old);
        Path newFile = Files.write(dir.resolve("new"), fresh);
        SignatureParams params = SignatureOptions.PUAVO_BOOKWORM.resolve(old.length);
        BasisBlocks matcher = BasisBlocks.build(oldFile, params, new RdiffStats("signature"));
        assertThat(SplitDelta.applies(matcher, fresh.length)).isFalse();
        Result expected = oneThread(matcher, newFile);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        RdiffStats stats = new RdiffStats("delta");
        assertThat(SplitDelta.run(matcher, newFile, fresh.length / 2, 1 << 20, got, stats)).isTrue();
        assertSame(expected, got, stats, "3 MiB pair split in the middle");
    }
}
