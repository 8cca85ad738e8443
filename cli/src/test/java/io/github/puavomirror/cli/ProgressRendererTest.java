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
package io.github.puavomirror.cli;

import io.github.puavomirror.mirror.Sizes;
import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorEvent.Step;
import io.github.puavomirror.mirror.job.MirrorSummary;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer fed with made-up events and a made-up clock. */
class ProgressRendererTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final String RDIFF = "puavo-os-x-bookworm-2024-01-01-000000--2024-02-01-000000-amd64.rdiff";

    private final StringWriter out = new StringWriter();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private long now;

    private ProgressRenderer renderer(ProgressRenderer.Mode mode, boolean dryRun, int width) {
        return new ProgressRenderer(mode, dryRun, new PrintWriter(out, true), err, () -> now, width);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesModeShowsALongRdiffMovingEveryFewSeconds() {
        ProgressRenderer r = renderer(ProgressRenderer.Mode.LINES, false, 80);
        r.on(new MirrorEvent.StepStarted(Step.RDIFF, RDIFF, 8L << 30));
        now += 3000 * MS;
        r.on(new MirrorEvent.StepProgress(Step.RDIFF, RDIFF, 4L << 30, 8L << 30));
        now += 3000 * MS;
        r.on(new MirrorEvent.StepProgress(Step.RDIFF, RDIFF, 5L << 30, 8L << 30));
        now += 1000 * MS;
        r.on(new MirrorEvent.StepProgress(Step.RDIFF, RDIFF, 6L << 30, 8L << 30));
        r.close();
        assertThat(err()).isEqualTo("rdiff " + RDIFF + ": 5.0 GiB of 8.0 GiB (62%)\n");
    }

    @Test
    void linesModePrintsEachFinishedStepWithSizeAndRate() {
        ProgressRenderer r = renderer(ProgressRenderer.Mode.LINES, false, 80);
        r.on(new MirrorEvent.Info("engine java: pure Java"));
        r.on(new MirrorEvent.StepStarted(Step.CHECKSUM, "a.img", 4 << 20));
        r.on(new MirrorEvent.StepProgress(Step.CHECKSUM, "a.img", 1 << 20, 4 << 20));
        r.on(new MirrorEvent.StepFinished(Step.CHECKSUM, "a.img", 4 << 20, 500 * MS, false));
        r.on(new MirrorEvent.Planned(1, 2, 1, 0, 606 << 10));
        r.on(new MirrorEvent.StepStarted(Step.LINK, "a.img", 4 << 20));
        r.on(new MirrorEvent.StepFinished(Step.LINK, "a.img", 4 << 20, MS, true));
        r.on(new MirrorEvent.StepStarted(Step.RDIFF, RDIFF, 606 << 10));
        r.on(new MirrorEvent.Warning("b.img: not squashfs"));
        r.on(new MirrorEvent.StepFinished(Step.RDIFF, RDIFF, 3994, (long) (606 * 1024 / 12.3 / 1024 / 1024 * 1e9), true));
        r.on(new MirrorEvent.StepFinished(Step.META, "meta/s.json", 2100, MS, true));
        r.on(new MirrorEvent.StepFinished(Step.RDIFF, "rdiffs/" + RDIFF, 4 << 20, 250 * MS, false));
        r.close();
        assertThat(err()).isEqualTo(String.join("\n",
                "puavo-mirror: engine java: pure Java",
                "checksum  a.img  4.0 MiB  (8.0 MiB/s)",
                "plan: 1 series, 2 images; 1 rdiffs to build (606 KiB to read), 0 up to date",
                "link      a.img  4.0 MiB",
                "puavo-mirror: warning: b.img: not squashfs",
                "rdiff     " + RDIFF + "  3.9 KiB  (606 KiB read, 12.3 MiB/s)",
                "meta      meta/s.json  2.1 KiB",
                "rdiff     rdiffs/" + RDIFF + "  4.0 MiB  (applied, 16.0 MiB/s)",
                ""));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void barIsOneLineRedrawnAtMostEveryTenthOfASecond() {
        ProgressRenderer r = renderer(ProgressRenderer.Mode.BAR, false, 100);
        r.on(new MirrorEvent.StepStarted(Step.CHECKSUM, "a.img", 1000));
        String first = err();
        assertThat(first).startsWith("\r").contains("starting", "checksum a.img").doesNotContain("\n");
        now += 10 * MS;
        r.on(new MirrorEvent.StepFinished(Step.CHECKSUM, "a.img", 1000, 10 * MS, false));
        assertThat(err()).isEqualTo(first);

        now += 100 * MS;
        r.on(new MirrorEvent.Planned(1, 1, 2, 0, 4000));
        r.on(new MirrorEvent.StepStarted(Step.RDIFF, "x.rdiff", 2000));
        now += 100 * MS;
        r.on(new MirrorEvent.StepFinished(Step.RDIFF, "x.rdiff", 10, 5 * MS, true));
        String bar = err().substring(err().lastIndexOf('\r') + 1);
        assertThat(bar).startsWith("[##########----------]  50%  rdiffs 1/2  2.0 KiB / 3.9 KiB  0.2 s");
        assertThat(err()).doesNotContain("\n");

        // A warning clears the bar, takes its own line, and the bar comes back below it.
        r.on(new MirrorEvent.Warning("careful"));
        assertThat(err()).contains("\rpuavo-mirror: warning: careful\n\r[");
        r.close();
        assertThat(err()).endsWith("\r");
        assertThat(err().substring(err().lastIndexOf('\n') + 1)).matches("\r[^\r]+\r +\r");
    }

    @Test
    void barNeverWrapsTheTerminal() {
        ProgressRenderer r = renderer(ProgressRenderer.Mode.BAR, false, 40);
        r.on(new MirrorEvent.StepStarted(Step.RDIFF, RDIFF, 1000));
        String line = err().substring(1);
        assertThat(line).hasSize(39).endsWith("...");
    }

    @Test
    void noneModeKeepsWarningsOnly() {
        ProgressRenderer r = renderer(ProgressRenderer.Mode.NONE, false, 80);
        r.on(new MirrorEvent.Info("engine java"));
        r.on(new MirrorEvent.Planned(1, 1, 0, 0, 0));
        r.on(new MirrorEvent.StepFinished(Step.META, "meta/s.json", 10, MS, true));
        r.on(new MirrorEvent.Warning("careful"));
        r.close();
        assertThat(err()).isEqualTo("puavo-mirror: warning: careful\n");
    }

    @Test
    void dryRunPutsThePlanOnStdout() {
        ProgressRenderer r = renderer(ProgressRenderer.Mode.LINES, true, 80);
        r.on(new MirrorEvent.Planned(1, 3, 2, 4, 3 << 20));
        r.on(new MirrorEvent.Info("would build rdiffs/a.rdiff"));
        r.on(new MirrorEvent.Info("would build rdiffs/b.rdiff"));
        MirrorSummary s = new MirrorSummary(1, 3, 4, 0, 0, 3 << 20, 0, 0, 0);
        r.on(new MirrorEvent.Finished(s));
        r.close();
        assertThat(out.toString()).isEqualTo(String.join("\n",
                "plan: 1 series, 3 images; 2 rdiffs to build (3.0 MiB to read), 4 up to date",
                "would build rdiffs/a.rdiff",
                "would build rdiffs/b.rdiff",
                ""));
        assertThat(r.summary()).isEqualTo(s);
        assertThat(r.summaryLines(s)).containsExactly("images:  3 in 1 series, 3.0 MiB",
                "rdiffs:  2 to build / 6 total", "dry run: nothing was changed");
    }

    @Test
    void summarySaysWhenTheMirrorIsUpToDate() {
        ProgressRenderer r = renderer(ProgressRenderer.Mode.LINES, false, 80);
        MirrorSummary built = new MirrorSummary(1, 4, 9, 9, 15, 8L << 20, 1400 << 10, 17L << 20, 3_300 * MS);
        assertThat(r.summaryLines(built)).containsExactly("images:  4 in 1 series, 8.0 MiB",
                "rdiffs:  9 built / 9 total, 1.4 MiB", "saved:   17.0 MiB against fetching full images",
                "time:    3.3 s");
        MirrorSummary same = new MirrorSummary(1, 4, 9, 0, 0, 8L << 20, 1400 << 10, 17L << 20, 200 * MS);
        assertThat(r.summaryLines(same)).endsWith("time:    0.2 s", "mirror is up to date");
    }

    @Test
    void sizesAndDurations() {
        assertThat(Sizes.bytes(0)).isEqualTo("0 B");
        assertThat(Sizes.bytes(1023)).isEqualTo("1023 B");
        assertThat(Sizes.bytes(3994)).isEqualTo("3.9 KiB");
        assertThat(Sizes.bytes(606 << 10)).isEqualTo("606 KiB");
        assertThat(Sizes.bytes((1 << 20) - 1)).isEqualTo("1.0 MiB");
        assertThat(Sizes.bytes(5L << 40)).isEqualTo("5.0 TiB");
        assertThat(Sizes.rate(1 << 20, 0)).isEmpty();
        assertThat(Sizes.duration(59_940 * MS)).isEqualTo("59.9 s");
        assertThat(Sizes.duration(125_000 * MS)).isEqualTo("2 min 05 s");
        assertThat(Sizes.duration(3_725_000 * MS)).isEqualTo("1 h 02 min");
    }
}
