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

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class BlockIndexTest {
    /** Blocks of a 357 MB image at -b 128 (the filter has 12 bits a block at any count). */
    private static final int BLOCKS = 2_790_000;

    @Test
    void filterPassesEveryIndexedKeyAndFewOthers() throws Exception {
        BlockIndex index = new BlockIndex(BLOCKS);
        SplittableRandom r = new SplittableRandom(BLOCKS);
        int[] keys = new int[BLOCKS];
        for (int i = 0; i < BLOCKS; i++) {
            keys[i] = r.nextInt();
            index.insert(i, keys[i], c -> false);
        }
        index.seal();
        int missed = 0;
        for (int key : keys) {
            missed += index.mightContain(key) ? 0 : 1;
        }
        assertThat(missed).as("indexed keys the filter rejects").isZero();
        Arrays.sort(keys);
        int queries = 1_000_000;
        int passed = 0;
        for (int i = 0; i < queries; i++) {
            int key = r.nextInt();
            if (Arrays.binarySearch(keys, key) < 0 && index.mightContain(key)) {
                passed++;
            }
        }
        // Each key that passes costs the literal scan a random read of the table: one bit per
        // key in a bitmap let 10-16% of them through.
        assertThat((double) passed / queries).as("false positives").isLessThan(0.015);
    }

    @Test
    void firstMightContainIsTheFirstKeyTheFilterPasses() throws Exception {
        BlockIndex index = new BlockIndex(4096);
        SplittableRandom r = new SplittableRandom(7);
        int[] indexed = new int[4096];
        for (int i = 0; i < indexed.length; i++) {
            indexed[i] = r.nextInt();
            index.insert(i, indexed[i], c -> false);
        }
        index.seal();
        int[] keys = new int[32];
        for (int round = 0; round < 10_000; round++) {
            int n = 1 + r.nextInt(keys.length);
            for (int i = 0; i < n; i++) {
                keys[i] = r.nextInt(8) == 0 ? indexed[r.nextInt(indexed.length)] : r.nextInt();
            }
            int expected = 0;
            while (expected < n && !index.mightContain(keys[expected])) {
                expected++;
            }
            assertThat(index.firstMightContain(keys, n)).isEqualTo(expected);
            int candidates = r.nextInt() & (int) ((1L << n) - 1);
            int expectedCandidate = 0;
            while (expectedCandidate < n
                    && ((candidates >>> expectedCandidate & 1) == 0 || !index.mightContain(keys[expectedCandidate]))) {
                expectedCandidate++;
            }
            assertThat(index.firstMightContain(keys, n, candidates)).isEqualTo(expectedCandidate);
        }
    }
}
