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
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.MirrorSummary;
import io.github.puavomirror.mirror.job.ProgressLines;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows a mirror job's events: on a terminal one status line redrawn with {@code \r}, otherwise
 * one line per finished step; notes (the engine chosen, config written) as {@code puavo-mirror: ...}
 * lines, all on stderr; in lines mode a long step also gets a line every few seconds
 * ({@link ProgressLines}). Mode NONE keeps only warnings. In a dry run the plan goes to stdout
 * instead, since it is what the user asked for.
 * The job calls it from worker threads, hence the locking.
 */
final class ProgressRenderer implements MirrorListener, AutoCloseable {
    enum Mode { BAR, LINES, NONE }

    private static final String PROGRAM = "puavo-mirror: ";
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int BAR_CELLS = 20;

    private final Mode mode;
    private final boolean dryRun;
    private final PrintWriter out;
    private final PrintStream err;
    private final LongSupplier clock;
    private final int width;
    private final long started;

    /** Running steps by kind and name, oldest first. */
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Map<Step, Integer> finished = new EnumMap<>(Step.class);
    private long bytesDone;
    private long rdiffBytesDone;
    private MirrorEvent.Planned plan;
    private MirrorSummary summary;
    private int drawn;
    private long lastDraw;
    private ScheduledExecutorService ticker;
    /** In lines mode, a line every few seconds for a step still running, as in Maven's and Ant's logs. */
    private final MirrorListener progressLines;

    /**
     * @param dryRun print the plan on {@code out}
     * @param clock  nanosecond clock ({@link System#nanoTime()} outside tests)
     * @param width  terminal columns; the bar stays shorter so it never wraps
     */
    ProgressRenderer(Mode mode, boolean dryRun, PrintWriter out, PrintStream err, LongSupplier clock, int width) {
        this.mode = mode;
        this.dryRun = dryRun;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.width = Math.max(width, 20);
        this.started = clock.getAsLong();
        this.lastDraw = started - REDRAW_NANOS;
        this.progressLines = mode == Mode.LINES
                ? new ProgressLines(err::println, clock, ProgressLines.INTERVAL_NANOS) : MirrorListener.NONE;
    }

    /** Keeps the bar's clock moving while a long step reports nothing (bar mode only). */
    synchronized void startTicker() {
        if (mode != Mode.BAR || ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "puavo-mirror-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    /** Redraws the bar if it is due. */
    synchronized void tick() {
        draw(false);
    }

    @Override
    public synchronized void on(MirrorEvent event) {
        if (event instanceof MirrorEvent.Info info) {
            if (dryRun) {
                out.println(info.message());
            } else if (mode != Mode.NONE) {
                message(PROGRAM + info.message());
            }
        } else if (event instanceof MirrorEvent.Warning w) {
            message(PROGRAM + "warning: " + w.message());
        } else if (event instanceof MirrorEvent.Planned p) {
            plan = p;
            if (dryRun) {
                out.println(planLine(p));
            } else if (mode == Mode.LINES) {
                err.println(planLine(p));
            }
            draw(false);
        } else if (event instanceof MirrorEvent.StepStarted s) {
            progressLines.on(s);
            running.put(key(s.step(), s.name()), new Running(s.step(), s.name(), s.totalBytes()));
            draw(false);
        } else if (event instanceof MirrorEvent.StepProgress p) {
            progressLines.on(p);
            Running r = running.get(key(p.step(), p.name()));
            if (r != null) {
                r.done = p.doneBytes();
            }
            draw(false);
        } else if (event instanceof MirrorEvent.StepFinished f) {
            progressLines.on(f);
            stepFinished(f);
        } else if (event instanceof MirrorEvent.Finished f) {
            summary = f.summary();
        }
    }

    private void stepFinished(MirrorEvent.StepFinished f) {
        Running r = running.remove(key(f.step(), f.name()));
        long read = r == null ? -1 : r.total;
        finished.merge(f.step(), 1, Integer::sum);
        if (f.step() == Step.RDIFF && read >= 0) {
            rdiffBytesDone += read;
        }
        if (f.step() == Step.RDIFF || f.step() == Step.CHECKSUM) {
            bytesDone += read >= 0 ? read : f.bytes();
        }
        if (mode == Mode.LINES) {
            err.println(stepLine(f, read));
        }
        draw(false);
    }

    /**
     * One finished step, e.g. {@code rdiff     NAME  3.9 KiB  (606 KiB read, 12.3 MiB/s)}.
     *
     * @param read the bytes the step said it would read when it started, or -1
     */
    static String stepLine(MirrorEvent.StepFinished f, long read) {
        List<String> details = new ArrayList<>();
        if (f.step() == Step.RDIFF && read >= 0) {
            details.add(Sizes.bytes(read) + " read");
            details.add(Sizes.rate(read, f.nanos()));
        } else if (f.step() == Step.RDIFF) {
            // Without a start event this is verify applying an rdiff; its bytes are the patch's output.
            details.add("applied");
            details.add(Sizes.rate(f.bytes(), f.nanos()));
        } else if (f.step() == Step.CHECKSUM) {
            details.add(Sizes.rate(f.bytes(), f.nanos()));
        }
        details.removeIf(String::isEmpty);
        String line = String.format("%-8s  %s  %s", f.step().label(), f.name(), Sizes.bytes(f.bytes()));
        return details.isEmpty() ? line : line + "  (" + String.join(", ", details) + ")";
    }

    static String planLine(MirrorEvent.Planned p) {
        return "plan: " + p.series() + " series, " + p.images() + " images; " + p.rdiffsToBuild() + " rdiffs to build ("
                + Sizes.bytes(p.bytesToRead()) + " to read), " + p.rdiffsUpToDate() + " up to date";
    }

    /** The closing report of an update-repository run, for stdout. */
    synchronized List<String> summaryLines(MirrorSummary s) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("images:  %d in %d series, %s", s.images(), s.series(), Sizes.bytes(s.imageBytes())));
        if (dryRun) {
            int toBuild = plan == null ? 0 : plan.rdiffsToBuild();
            int total = plan == null ? s.rdiffs() : plan.rdiffsToBuild() + plan.rdiffsUpToDate();
            lines.add(String.format("rdiffs:  %d to build / %d total", toBuild, total));
            lines.add("dry run: nothing was changed");
            return lines;
        }
        lines.add(String.format("rdiffs:  %d built / %d total, %s", s.rdiffsBuilt(), s.rdiffs(),
                Sizes.bytes(s.rdiffBytes())));
        lines.add("saved:   " + Sizes.bytes(s.savedBytes()) + " against fetching full images");
        lines.add("time:    " + s.jobTime());
        if (s.upToDate()) {
            lines.add("mirror is up to date");
        }
        return lines;
    }

    /** The summary the job reported with its Finished event, or null. */
    synchronized MirrorSummary summary() {
        return summary;
    }

    /** Clears the bar and stops the ticker; the terminal is left at the start of an empty line. */
    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        clear();
        err.flush();
    }

    /** A line above the bar: clear the bar, print, draw it again. */
    private void message(String line) {
        clear();
        err.println(line);
        draw(true);
    }

    private void clear() {
        if (drawn > 0) {
            err.print("\r" + " ".repeat(drawn) + "\r");
            drawn = 0;
        }
    }

    private void draw(boolean force) {
        if (mode != Mode.BAR) {
            return;
        }
        long now = clock.getAsLong();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        String text = barText(now);
        err.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
        err.flush();
        drawn = text.length();
    }

    /** The status line, cut to fit the terminal. */
    String barText(long now) {
        StringBuilder b = new StringBuilder();
        long inFlight = 0;
        long rdiffInFlight = 0;
        Running newest = null;
        for (Running r : running.values()) {
            inFlight += r.done;
            if (r.step == Step.RDIFF) {
                rdiffInFlight += r.done;
            }
            newest = r;
        }
        if (plan != null && plan.rdiffsToBuild() > 0) {
            long done = rdiffBytesDone + rdiffInFlight;
            double fraction = plan.bytesToRead() > 0 ? Math.min(1.0, (double) done / plan.bytesToRead()) : 0;
            int cells = (int) (fraction * BAR_CELLS);
            b.append('[').append("#".repeat(cells)).append("-".repeat(BAR_CELLS - cells)).append("] ")
                    .append(String.format("%3d%%", (int) (fraction * 100)))
                    .append("  rdiffs ").append(finished.getOrDefault(Step.RDIFF, 0)).append('/')
                    .append(plan.rdiffsToBuild())
                    .append("  ").append(Sizes.bytes(done)).append(" / ").append(Sizes.bytes(plan.bytesToRead()));
        } else {
            List<String> counts = new ArrayList<>();
            finished.forEach((step, n) -> counts.add(step.label() + " " + n));
            b.append(counts.isEmpty() ? "starting" : String.join(", ", counts))
                    .append("  ").append(Sizes.bytes(bytesDone + inFlight)).append(" processed");
        }
        b.append("  ").append(Sizes.duration(now - started));
        if (newest != null) {
            b.append("  ").append(newest.step.label()).append(' ').append(newest.name);
        }
        int max = width - 1;
        return b.length() <= max ? b.toString() : b.substring(0, max - 3) + "...";
    }

    private static String key(Step step, String name) {
        return step.label() + "/" + name;
    }

    /** A step between its start and finish events. */
    private static final class Running {
        final Step step;
        final String name;
        final long total;
        long done;

        Running(Step step, String name, long total) {
            this.step = step;
            this.name = name;
            this.total = total;
        }
    }
}
