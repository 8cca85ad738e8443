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
