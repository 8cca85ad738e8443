package io.github.puavomirror.mirror.job;

/** Receives the job's events; called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface MirrorListener {
    void on(MirrorEvent event);

    /** A listener that ignores everything. */
    MirrorListener NONE = e -> {
    };
}
