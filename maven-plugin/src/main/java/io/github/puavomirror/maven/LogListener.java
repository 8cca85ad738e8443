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
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.ProgressLines;
import io.github.puavomirror.mirror.job.ProgressMode;
import org.apache.maven.plugin.logging.Log;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Renders the core's events in Maven's log in coarse steps: one line per finished step, the plan,
 * notes and warnings, and (unless progress is {@code none}) a line every few seconds for a long
 * step; a build log is no terminal to redraw, so {@code bar} means lines here.
 */
final class LogListener implements MirrorListener {
    private final Log log;
    private final MirrorListener progress;

    /**
     * @param progress the {@code progress} parameter's mode
     * @param clock    nanosecond clock for the progress lines ({@link System#nanoTime()} outside tests)
     */
    LogListener(Log log, ProgressMode progress, LongSupplier clock) {
        this.log = log;
        this.progress = progress == ProgressMode.NONE ? NONE
                : new ProgressLines(log::info, clock, ProgressLines.INTERVAL_NANOS);
    }

    /** The listener for a goal's {@code progress} parameter. */
    static LogListener of(Log log, String progress) throws MirrorException {
        return new LogListener(log, ProgressMode.parse(progress), System::nanoTime);
    }

    @Override
    public void on(MirrorEvent event) {
        // The job calls in from worker threads; one line per call keeps the log readable.
        synchronized (this) {
            render(event);
        }
        progress.on(event);
    }

    private void render(MirrorEvent event) {
        if (event instanceof MirrorEvent.Info info) {
            log.info(info.message());
        } else if (event instanceof MirrorEvent.Warning warning) {
            log.warn(warning.message());
        } else if (event instanceof MirrorEvent.Planned p) {
            log.info(String.format(Locale.ROOT, "Plan: %d series, %d images, %d rdiffs to build, %d up to date%s",
                    p.series(), p.images(), p.rdiffsToBuild(), p.rdiffsUpToDate(),
                    p.bytesToRead() > 0 ? " (" + Sizes.bytes(p.bytesToRead()) + " to read)" : ""));
        } else if (event instanceof MirrorEvent.StepFinished f) {
            log.info(String.format(Locale.ROOT, "%-8s %s (%s, %s)", f.step().label(), f.name(),
                    Sizes.bytes(f.bytes()), Sizes.duration(f.nanos())));
        } else if (event instanceof MirrorEvent.StepStarted s) {
            if (log.isDebugEnabled()) {
                log.debug(s.step().label() + " " + s.name() + " started (" + Sizes.bytes(s.totalBytes()) + ")");
            }
        }
        // Finished is left to the goal, which logs the summary it returns.
    }
}
