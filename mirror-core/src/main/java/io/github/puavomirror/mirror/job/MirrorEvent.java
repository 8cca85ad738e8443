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

/**
 * What the job reports while it runs. Front ends render these (a progress bar on a terminal,
 * one line per finished step otherwise, Maven's log, Ant's log); the job itself prints nothing.
 */
public sealed interface MirrorEvent {

    /** The kinds of work a step can be. */
    enum Step {
        CHECKSUM("checksum"),
        LINK("link"),
        RDIFF("rdiff"),
        META("meta"),
        CKSUMS("CKSUMS"),
        DOWNLOAD("download"),
        UPLOAD("upload"),
        DELETE("delete");

        private final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Something worth telling the user once, such as the engine chosen. */
    record Info(String message) implements MirrorEvent {
    }

    /** Something skipped or degraded that the user should know about. */
    record Warning(String message) implements MirrorEvent {
    }

    /** The plan: one line per series, and the work ahead. */
    record Planned(int series, int images, int rdiffsToBuild, int rdiffsUpToDate, long bytesToRead)
            implements MirrorEvent {
    }

    /** A step began; {@code totalBytes} is what it will read, for progress. */
    record StepStarted(Step step, String name, long totalBytes) implements MirrorEvent {
    }

    /** Bytes done so far in a running step (reported coarsely, not per buffer). */
    record StepProgress(Step step, String name, long doneBytes, long totalBytes) implements MirrorEvent {
    }

    /** A step ended; {@code bytes} is its output (or input, for checksums) and {@code changed} whether it wrote. */
    record StepFinished(Step step, String name, long bytes, long nanos, boolean changed) implements MirrorEvent {
    }

    /** The run ended well. */
    record Finished(MirrorSummary summary) implements MirrorEvent {
    }
}
