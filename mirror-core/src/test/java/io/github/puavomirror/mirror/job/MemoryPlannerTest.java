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
package io.github.puavomirror.mirror.job;

import io.github.puavomirror.rdiff.JavaRdiffEngine;
import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.SignatureOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The planner's decisions, with sizes given: nothing here allocates what it plans. */
class MemoryPlannerTest {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    /** What the job plans for a source of this size at upstream's settings (-b 128, BLAKE2). */
    private static long need(long imageBytes) throws RdiffException {
        return new JavaRdiffEngine().preparedHeapBytes(imageBytes, imageBytes, SignatureOptions.PUAVO_BOOKWORM)
                + 8 * MIB;
    }

    @Test
    void twoSixteenGibImagesIndexAtOnceInSevenGib() throws Exception {
        MemoryPlanner planner = new MemoryPlanner(7 * GIB, 2);
        long need = need(16 * GIB);

        planner.check("big.img", need);

        assertThat(planner.threads(new long[] {need, need, need})).isEqualTo(2);
        assertThat(planner.mayStart(need)).isTrue();
        planner.start(need);
        assertThat(planner.mayStart(need)).isTrue();
    }

    @Test
    void theEightGibPairFitsInTwoGib() throws Exception {
        MemoryPlanner planner = new MemoryPlanner(2 * GIB, 2);
        long need = need(8 * GIB);

        planner.check("pair.img", need);

        assertThat(planner.threads(new long[] {need, need})).isEqualTo(1);
    }

    @Test
    void thirtyTwoCoresRunOnlyTheIndexesThatFit() throws Exception {
        long need = need(16 * GIB);
        long[] needs = new long[32];
        java.util.Arrays.fill(needs, need);

        assertThat(new MemoryPlanner(16 * GIB, 32).threads(needs)).isEqualTo(6);
        // 54.4 GiB for indexes of 2.2 GiB each.
        assertThat(new MemoryPlanner(64 * GIB, 32).threads(needs))
                .isEqualTo((int) (MemoryPlanner.budgetOf(64 * GIB) / need)).isEqualTo(24);
        assertThat(new MemoryPlanner(64 * GIB, 3).threads(needs)).isEqualTo(3);
    }

    @Test
    void threadsCountTheSmallestIndexesThatFitTogether() {
        MemoryPlanner planner = new MemoryPlanner(1000 * MIB, 8);

        // Budget 800 MiB: 100 + 200 + 300 fit, 400 more would not.
        assertThat(planner.threads(new long[] {400 * MIB, 100 * MIB, 300 * MIB, 200 * MIB})).isEqualTo(3);
        assertThat(planner.threads(new long[] {})).isEqualTo(1);
    }

    @Test
    void aSourceWaitsUntilTheIndexesAliveLeaveRoomForIt() throws Exception {
        MemoryPlanner planner = new MemoryPlanner(1000 * MIB, 4);
        planner.start(500 * MIB);
        planner.start(200 * MIB);

        assertThat(planner.mayStart(200 * MIB)).isFalse();
        assertThat(planner.mayStart(100 * MIB)).isTrue();

        planner.finish(500 * MIB);

        assertThat(planner.mayStart(200 * MIB)).isTrue();
        assertThat(planner.mayStart(700 * MIB)).isFalse();
    }

    @Test
    void noMoreRunAtOnceThanJobsEvenWhenTheyFit() throws Exception {
        MemoryPlanner planner = new MemoryPlanner(1000 * MIB, 2);
        planner.start(MIB);
        planner.start(MIB);

        assertThat(planner.mayStart(MIB)).isFalse();
    }

    @Test
    void aSourceStartsWhenNoneRuns() {
        assertThat(new MemoryPlanner(1000 * MIB, 2).mayStart(900 * MIB)).isTrue();
    }

    @Test
    void aSourceThatCannotFitIsRefusedWithTheHeapItNeeds() throws Exception {
        MemoryPlanner planner = new MemoryPlanner(2 * GIB, 2);
        long need = need(16 * GIB);

        assertThatThrownBy(() -> planner.check("puavo-os-big.img", need))
                .isInstanceOfSatisfying(OutOfHeapException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("puavo-os-big.img: indexing it for rdiffs needs 2.2 GiB"
                            + " of heap, 85 % of a 2.6 GiB heap; this JVM has 2.0 GiB");
                    assertThat(e.heapOption()).isEqualTo("-Xmx2643m");
                    assertThat(e.line("MAVEN_OPTS")).endsWith("; give it more with MAVEN_OPTS=-Xmx2643m");
                    assertThat(MemoryPlanner.budgetOf(e.heapNeeded())).isGreaterThanOrEqualTo(need);
                });
    }

    @Test
    void theHeapAdvisedAlwaysHoldsTheIndex() {
        for (long need : new long[] {1, 79, 80, 81, 999_999_937L, 5L * GIB + 3}) {
            assertThat(MemoryPlanner.budgetOf(MemoryPlanner.heapFor(need))).as("need %d", need)
                    .isGreaterThanOrEqualTo(need);
        }
    }

    @Test
    void anOutOfMemoryErrorBecomesOneLineWithTheHeapAndHowToRaiseIt() {
        OutOfHeapException e = OutOfHeapException.of(new OutOfMemoryError("Java heap space"), 64 * MIB);

        assertThat(e.line("PUAVO_MIRROR_JAVA_OPTS")).isEqualTo("out of memory (Java heap space) with a heap of"
                + " 64 MiB; give it more with PUAVO_MIRROR_JAVA_OPTS=-Xmx128m");
        assertThat(OutOfHeapException.of(new OutOfMemoryError(), 6 * GIB).line("ANT_OPTS"))
                .isEqualTo("out of memory with a heap of 6.0 GiB; give it more with ANT_OPTS=-Xmx12g");
    }
}
