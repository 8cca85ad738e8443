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
package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.Sizes;
import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorEvent.Step;
import io.github.puavomirror.mirror.job.MirrorSummary;
import io.github.puavomirror.mirror.job.ProgressMode;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LogListenerTest {
    /** Records "level: message" for each log call; debug is off, as in a normal build. */
    private static Log recording(List<String> lines) {
        return (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] {Log.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("is")) {
                        return !method.getName().equals("isDebugEnabled");
                    }
                    lines.add(method.getName() + ": " + args[0]);
                    return null;
                });
    }

    @Test
    void logsCoarseStepsOnly() {
        List<String> lines = new ArrayList<>();
        LogListener listener = new LogListener(recording(lines), ProgressMode.AUTO, () -> 0L);

        listener.on(new MirrorEvent.Info("engine java: pure-Java"));
        listener.on(new MirrorEvent.Planned(2, 5, 8, 0, 3 * 1024 * 1024));
        listener.on(new MirrorEvent.StepStarted(Step.RDIFF, "a.rdiff", 1000));
        listener.on(new MirrorEvent.StepProgress(Step.RDIFF, "a.rdiff", 500, 1000));
        listener.on(new MirrorEvent.StepFinished(Step.RDIFF, "a.rdiff", 2048, 1_500_000_000L, true));
        listener.on(new MirrorEvent.Warning("x.img: not squashfs"));
        listener.on(new MirrorEvent.Finished(new MirrorSummary(1, 1, 0, 0, 0, 0, 0, 0, 0)));

        assertThat(lines).containsExactly(
                "info: engine java: pure-Java",
                "info: Plan: 2 series, 5 images, 8 rdiffs to build, 0 up to date (3.0 MiB to read)",
                "info: rdiff    a.rdiff (2.0 KiB, 1.5 s)",
                "warn: x.img: not squashfs");
    }

    @Test
    void formatsSizes() {
        assertThat(Sizes.bytes(0)).isEqualTo("0 B");
        assertThat(Sizes.bytes(1023)).isEqualTo("1023 B");
        assertThat(Sizes.bytes(1024)).isEqualTo("1.0 KiB");
        assertThat(Sizes.bytes(1536L * 1024 * 1024)).isEqualTo("1.5 GiB");
        assertThat(Sizes.bytes(Long.MAX_VALUE)).isEqualTo("8.0 EiB");
    }

    @Test
    void logsALongStepsProgressEveryFewSeconds() {
        List<String> lines = new ArrayList<>();
        long[] now = {0};
        LogListener listener = new LogListener(recording(lines), ProgressMode.AUTO, () -> now[0]);
        long second = 1_000_000_000L;

        listener.on(new MirrorEvent.StepStarted(Step.CHECKSUM, "big.img", 8L << 30));
        now[0] = 2 * second;
        listener.on(new MirrorEvent.StepProgress(Step.CHECKSUM, "big.img", 1L << 30, 8L << 30));
        now[0] = 5 * second;
        listener.on(new MirrorEvent.StepProgress(Step.CHECKSUM, "big.img", 2L << 30, 8L << 30));
        now[0] = 7 * second;
        listener.on(new MirrorEvent.StepProgress(Step.CHECKSUM, "big.img", 3L << 30, 8L << 30));
        now[0] = 10 * second;
        listener.on(new MirrorEvent.StepProgress(Step.CHECKSUM, "big.img", 4L << 30, 8L << 30));

        assertThat(lines).containsExactly(
                "info: checksum big.img: 2.0 GiB of 8.0 GiB (25%)",
                "info: checksum big.img: 4.0 GiB of 8.0 GiB (50%)");

        List<String> quiet = new ArrayList<>();
        LogListener none = new LogListener(recording(quiet), ProgressMode.NONE, () -> now[0]);
        none.on(new MirrorEvent.StepStarted(Step.CHECKSUM, "big.img", 8L << 30));
        now[0] = 60 * second;
        none.on(new MirrorEvent.StepProgress(Step.CHECKSUM, "big.img", 4L << 30, 8L << 30));
        assertThat(quiet).isEmpty();
    }
}
