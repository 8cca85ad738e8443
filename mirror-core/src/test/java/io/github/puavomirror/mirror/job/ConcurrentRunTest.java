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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One run per mirror: a run in another JVM, paused while it holds the lock, makes a second run
 * (and prune) fail at once, naming the holder; a holder killed with SIGKILL blocks nothing.
 */
class ConcurrentRunTest {
    @TempDir
    Path tmp;
    GoodRun good;

    @BeforeEach
    void publish() throws IOException {
        good = GoodRun.publish(tmp);
        Files.write(good.images.resolve(SampleSeries.name(5)),
                SampleSeries.evolve(Files.readAllBytes(good.images.resolve(SampleSeries.name(4))), new java.util.Random(5)));
    }

    /** A child job stopped right after its plan, with the mirror's lock held. */
    private ChildJob.Handle pausedHolder() throws Exception {
        ChildJob.Handle child = ChildJob.start(Map.of("images", good.images.toString(), "step", "true"), 0);
        String line;
        while ((line = child.next()) != null && !line.startsWith("E Planned")) {
            child.go();
        }
        assertThat(line).as(String.join("\n", child.lines)).startsWith("E Planned");
        return child;
    }

    @Test
    void aSecondRunIsRefusedNamingTheHolderAndTheFirstThenFinishes() throws Exception {
        try (ChildJob.Handle holder = pausedHolder()) {
            MirrorSnapshot before = MirrorSnapshot.of(good.mirror);

            MirrorException e = catchThrowableOfType(MirrorException.class,
                    () -> MirrorJob.run(good.request().build(), MirrorListener.NONE));
            MirrorException p = catchThrowableOfType(MirrorException.class,
                    () -> MirrorPrune.run(new PruneRequest(good.mirror, false), MirrorListener.NONE));

            for (MirrorException refused : new MirrorException[] {e, p}) {
                assertThat(refused).isNotNull();
                assertThat(refused.getMessage()).contains(good.mirror.toString())
                        .contains("another run is publishing this mirror")
                        .contains("pid " + holder.process.pid() + " on ")
                        .doesNotContain("\n");
            }
            assertThat(MirrorSnapshot.of(good.mirror).changesSince(before)).isEmpty();

            assertThat(holder.finish()).as(String.join("\n", holder.lines)).isZero();
        }
        assertThat(good.verify(true).problems()).isEmpty();
        assertThat(PublishedCheck.entries(good.mirror)).isEmpty();
    }

    @Test
    void aLockLeftByAKilledRunDoesNotBlockTheNextOne() throws Exception {
        long pid;
        try (ChildJob.Handle holder = pausedHolder()) {
            pid = holder.process.pid();
            holder.kill();
        }
        Path lock = good.mirror.resolve(MirrorJob.STATE_DIR).resolve("lock");
        assertThat(Files.readString(lock)).as("the lock file still names the dead run").contains("pid " + pid);

        MirrorSummary s = MirrorJob.run(good.request().build(), MirrorListener.NONE);

        assertThat(s.images()).isEqualTo(5);
        assertThat(Files.readString(lock)).contains("pid " + ProcessHandle.current().pid());
        assertThat(good.verify(true).problems()).isEmpty();
        assertThat(MirrorPrune.run(new PruneRequest(good.mirror, true), MirrorListener.NONE).dryRun()).isTrue();
    }
}
