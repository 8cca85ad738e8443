package io.github.puavomirror.maven;

import io.github.puavomirror.mirror.job.MirrorEvent;
import io.github.puavomirror.mirror.job.MirrorListener;
import org.apache.maven.plugin.logging.Log;

import java.util.Locale;

/**
 * Renders the core's events in Maven's log in coarse steps: one line per finished step, the plan,
 * notes and warnings. Progress goes to debug only; a build log is no terminal to redraw.
 */
final class LogListener implements MirrorListener {
    private final Log log;

    LogListener(Log log) {
        this.log = log;
    }

    @Override
    public void on(MirrorEvent event) {
        // The job calls in from worker threads; one line per call keeps the log readable.
        synchronized (this) {
            render(event);
        }
    }

    private void render(MirrorEvent event) {
        if (event instanceof MirrorEvent.Info info) {
            log.info(info.message());
        } else if (event instanceof MirrorEvent.Warning warning) {
            log.warn(warning.message());
        } else if (event instanceof MirrorEvent.Planned p) {
            log.info(String.format(Locale.ROOT, "Plan: %d series, %d images, %d rdiffs to build, %d up to date%s",
                    p.series(), p.images(), p.rdiffsToBuild(), p.rdiffsUpToDate(),
                    p.bytesToRead() > 0 ? " (" + bytes(p.bytesToRead()) + " to read)" : ""));
        } else if (event instanceof MirrorEvent.StepFinished f) {
            log.info(String.format(Locale.ROOT, "%-8s %s (%s, %s)", f.step().label(), f.name(), bytes(f.bytes()),
                    seconds(f.nanos())));
        } else if (event instanceof MirrorEvent.StepStarted s) {
            if (log.isDebugEnabled()) {
                log.debug(s.step().label() + " " + s.name() + " started (" + bytes(s.totalBytes()) + ")");
            }
        } else if (event instanceof MirrorEvent.StepProgress p) {
            if (log.isDebugEnabled()) {
                log.debug(p.step().label() + " " + p.name() + " " + bytes(p.doneBytes()) + " of "
                        + bytes(p.totalBytes()));
            }
        }
        // Finished is left to the goal, which logs the summary it returns.
    }

    /** Sizes in binary units with one decimal, as people read them in a log. */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
