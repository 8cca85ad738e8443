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

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The heap the engine tells callers to plan for is what it allocates. */
class PreparedHeapTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path tmp;

    @Test
    void theIndexOfSixteenGibAtUpstreamSettingsIsSixteenBytesABlock() {
        long blocks = (16L << 30) / 128;

        // 178,956,971 slots of 8 bytes (4/3 a block), a 4-byte chain link a block and 12 filter
        // bits a block, each array with its 16-byte header: 2.02 GiB.
        assertThat(BlockIndex.heapBytes(blocks))
                .isEqualTo(178_956_971L * 8 + 16 + blocks * 4 + 16 + blocks * 12 / 8 + 16);
    }

    @Test
    void anIndexTakesSixteenBytesABlock() {
        for (long blocks = 1000; blocks < 1L << 29; blocks = blocks * 3 / 2) {
            double perBlock = BlockIndex.heapBytes(blocks) / (double) blocks;
            assertThat(perBlock).as("%d blocks", blocks).isBetween(16.0, 16.3);
        }
    }

    @Test
    void indexingABasisAllocatesNoMoreThanItsFigure() throws Exception {
        Path basis = tmp.resolve("basis");
        byte[] data = new byte[(int) (12 * MIB)];
        new Random(3).nextBytes(data);
        Files.write(basis, data);
        SignatureParams params = SignatureOptions.PUAVO_BOOKWORM.resolve(data.length);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();

        // Classes loaded and initialised on first use allocate too: not the index's.
        Path small = Files.write(tmp.resolve("small"), java.util.Arrays.copyOf(data, 1 << 16));
        BasisBlocks.build(small, params, new RdiffStats("signature"));
        long before = threads.getThreadAllocatedBytes(id);
        BasisBlocks.build(basis, params, new RdiffStats("signature"));
        long allocated = threads.getThreadAllocatedBytes(id) - before;

        long figure = BasisBlocks.heapBytes(data.length, params);
        assertThat(allocated).isGreaterThanOrEqualTo(BlockIndex.heapBytes(params.blockCount(data.length)))
                .isLessThanOrEqualTo(figure + MIB / 4);
    }

    @Test
    void aPreparedBasisPlansForItsIndexAndOneDiffSplitInTwoWhenTheNewFileIsLarge() throws Exception {
        long size = 1L << 30;
        SignatureParams params = SignatureOptions.PUAVO_BOOKWORM.resolve(size);
        JavaRdiffEngine engine = new JavaRdiffEngine();
        long index = BasisBlocks.heapBytes(size, params);

        long small = engine.preparedHeapBytes(size, 63 * MIB, SignatureOptions.PUAVO_BOOKWORM) - index;
        long large = engine.preparedHeapBytes(size, size, SignatureOptions.PUAVO_BOOKWORM) - index;

        // One window of a little over 1 MiB, growing; a split diff adds the second half's output and log.
        assertThat(small).isBetween(2 * MIB, 4 * MIB);
        assertThat(large).isBetween(small + 32 * MIB, small + 48 * MIB);
    }
}
