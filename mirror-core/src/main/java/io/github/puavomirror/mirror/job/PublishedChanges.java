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

import io.github.puavomirror.mirror.AtomicFiles;
import io.github.puavomirror.rdiff.TemporaryFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The published names a run has changed so far, each with its previous version kept under a
 * temporary name, so that a run that fails puts every one back as it was (same bytes, inode and
 * mtime). Changes are undone newest first: that passes through the states the run went through,
 * in reverse, so a run killed while undoing also leaves metas that describe only whole files.
 */
final class PublishedChanges {
    /** A changed name and the temporary name of its previous version (null: it had none). */
    private record Change(Path target, Path previous) {
    }

    private final FileOperations files;
    private final MirrorListener events;
    private final Deque<Change> done = new ArrayDeque<>();

    PublishedChanges(FileOperations files, MirrorListener events) {
        this.files = files;
        this.events = events;
    }

    /** One change of a published name. */
    @FunctionalInterface
    private interface Step {
        void run() throws IOException;
    }

    /** Replaces {@code target} with {@code content}. */
    void write(Path target, byte[] content) throws IOException {
        change(target, () -> files.write(target, content));
    }

    /** Renames the finished {@code tmp} over {@code target}. */
    void rename(Path tmp, Path target) throws IOException {
        change(target, () -> files.commit(tmp, target));
    }

    private void change(Path target, Step step) throws IOException {
        Path previous = keep(target);
        try {
            step.run();
        } catch (IOException e) {
            forget(previous);
            throw IoErrors.naming(target, e);
        }
        done.push(new Change(target, previous));
    }

    /**
     * Puts back every changed name, newest first. One that cannot be put back stops the undo
     * there with a warning: the mirror is then as a run killed at that point leaves it, which
     * the next run completes.
     */
    void undo() {
        while (!done.isEmpty()) {
            Change c = done.peek();
            try {
                if (c.previous() == null) {
                    files.delete(c.target());
                } else {
                    files.restore(c.previous(), c.target());
                    TemporaryFiles.release(c.previous());
                }
            } catch (IOException e) {
                events.on(new MirrorEvent.Warning(c.target() + ": cannot put the previous version back ("
                        + IoErrors.describe(e) + "); the next run completes the mirror"));
                return;
            }
            done.pop();
        }
    }

    /** Drops the previous versions once the run has published everything. */
    void finish() {
        List<Path> previous = new ArrayList<>();
        done.forEach(c -> previous.add(c.previous()));
        done.clear();
        previous.forEach(this::forget);
    }

    private Path keep(Path target) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path previous = AtomicFiles.tempSibling(target);
        try {
            files.keep(target, previous);
        } catch (IOException e) {
            forget(previous);
            throw IoErrors.naming(target, e);
        }
        return previous;
    }

    /** Removes a kept version; one left behind is a temporary file that {@code prune} removes. */
    private void forget(Path previous) {
        if (previous == null) {
            return;
        }
        try {
            files.delete(previous);
            TemporaryFiles.release(previous);
        } catch (IOException e) {
            events.on(new MirrorEvent.Warning(previous + ": cannot remove (" + IoErrors.describe(e)
                    + "); prune removes it"));
        }
    }
}
