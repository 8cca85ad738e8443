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

import io.github.puavomirror.mirror.Sizes;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns the byte counts of running steps into one line per step every few seconds, for logs
 * that cannot redraw a bar (Maven's, Ant's): a multi-GiB checksum or rdiff shows that it moves.
 * Thread-safe, as the job reports from worker threads.
 */
public final class ProgressLines implements MirrorListener {
    /** How often a running step gets a line. */
    public static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Consumer<String> out;
    private final LongSupplier clock;
    private final long interval;
    /** When each running step last got a line (or started). */
    private final Map<String, Long> lastLine = new HashMap<>();

    /**
     * @param out      receives the lines
     * @param clock    nanosecond clock ({@link System#nanoTime()} outside tests)
     * @param interval nanoseconds between two lines of one step
     */
    public ProgressLines(Consumer<String> out, LongSupplier clock, long interval) {
        this.out = out;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void on(MirrorEvent event) {
        String line = null;
        synchronized (this) {
            if (event instanceof MirrorEvent.StepStarted s) {
                lastLine.put(key(s.step(), s.name()), clock.getAsLong());
            } else if (event instanceof MirrorEvent.StepFinished f) {
                lastLine.remove(key(f.step(), f.name()));
            } else if (event instanceof MirrorEvent.StepProgress p) {
                String key = key(p.step(), p.name());
                long now = clock.getAsLong();
                Long last = lastLine.get(key);
                if (last != null && now - last >= interval) {
                    lastLine.put(key, now);
                    line = line(p);
                }
            }
        }
        if (line != null) {
            out.accept(line);
        }
    }

    /** {@code rdiff NAME: 1.2 GiB of 3.3 GiB (36%)}. */
    static String line(MirrorEvent.StepProgress p) {
        String of = p.totalBytes() > 0 ? String.format(Locale.ROOT, " of %s (%d%%)", Sizes.bytes(p.totalBytes()),
                p.doneBytes() * 100 / p.totalBytes()) : "";
        return p.step().label() + " " + p.name() + ": " + Sizes.bytes(p.doneBytes()) + of;
    }

    private static String key(MirrorEvent.Step step, String name) {
        return step.label() + " " + name;
    }
}
