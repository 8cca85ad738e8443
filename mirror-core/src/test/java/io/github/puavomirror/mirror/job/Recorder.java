package io.github.puavomirror.mirror.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Collects a run's events (from any thread) for assertions. */
final class Recorder implements MirrorListener {
    private final List<MirrorEvent> events = new ArrayList<>();

    @Override
    public synchronized void on(MirrorEvent event) {
        events.add(event);
    }

    synchronized List<MirrorEvent> events() {
        return List.copyOf(events);
    }

    /** Names of the rdiffs this run wrote. */
    Set<String> built() {
        Set<String> out = new TreeSet<>();
        for (MirrorEvent e : events()) {
            if (e instanceof MirrorEvent.StepFinished f && f.step() == MirrorEvent.Step.RDIFF && f.changed()) {
                out.add(f.name());
            }
        }
        return out;
    }

    List<String> warnings() {
        return events().stream().filter(e -> e instanceof MirrorEvent.Warning)
                .map(e -> ((MirrorEvent.Warning) e).message()).toList();
    }

    List<String> infos() {
        return events().stream().filter(e -> e instanceof MirrorEvent.Info)
                .map(e -> ((MirrorEvent.Info) e).message()).toList();
    }

    MirrorEvent.Planned planned() {
        return events().stream().filter(e -> e instanceof MirrorEvent.Planned)
                .map(e -> (MirrorEvent.Planned) e).findFirst().orElseThrow();
    }
}
