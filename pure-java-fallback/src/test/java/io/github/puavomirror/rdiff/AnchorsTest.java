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

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class AnchorsTest {
    private static final int B = 128;
    private static final SignatureParams PARAMS = new SignatureParams(SignatureType.BLAKE2_RABINKARP, B, 32);

    @Test
    void aBlockCopiedAnywhereKeepsItsAnchor() {
        SplittableRandom r = new SplittableRandom(1);
        byte[] basis = new byte[B * 1000];
        r.nextBytes(basis);
        int withAnchor = 0;
        for (int block = 0; block < 1000; block++) {
            int anchor = Anchors.ofBlock(basis, block * B, B);
            byte[] other = new byte[3 * B];
            r.nextBytes(other);
            int at = r.nextInt(2 * B);
            System.arraycopy(basis, block * B, other, at, B);
            assertThat(Anchors.ofBlock(other, at, B)).isEqualTo(anchor);
            withAnchor += anchor == Anchors.NONE ? 0 : 1;
        }
        // One position in 32 is a breakpoint: (31/32)^121, about 2% of random blocks, have none.
        assertThat(withAnchor).isBetween(960, 995);
    }

    @Test
    void theFilterHoldsEveryAnchorAndFewOthers() {
        int blocks = 1 << 20;
        Anchors anchors = Anchors.forBlocks(blocks, PARAMS);
        SplittableRandom r = new SplittableRandom(2);
        int[] added = new int[blocks];
        for (int i = 0; i < blocks; i++) {
            added[i] = r.nextInt() & 0x7fffffff;
            anchors.add(added[i]);
        }
        for (int anchor : added) {
            assertThat(anchors.mightHave(anchor)).isTrue();
        }
        int passed = 0;
        int queries = 1_000_000;
        for (int i = 0; i < queries; i++) {
            passed += anchors.mightHave(r.nextInt() & 0x7fffffff) ? 1 : 0;
        }
        assertThat((double) passed / queries).as("absent anchors that pass").isLessThan(0.04);
    }

    @Test
    void onlyRabinKarpWithBlocksOf64BytesOrMore() {
        assertThat(Anchors.forBlocks(10, PARAMS)).isNotNull();
        assertThat(Anchors.forBlocks(10, new SignatureParams(SignatureType.BLAKE2_RABINKARP, 63, 32))).isNull();
        assertThat(Anchors.forBlocks(10, new SignatureParams(SignatureType.BLAKE2_ROLLSUM, B, 32))).isNull();
        assertThat(Anchors.heapBytes(1 << 20, PARAMS)).isEqualTo(HeapArrays.bytes(1 << 17, 8));
    }
}
