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
import io.github.puavomirror.mirror.Checksums;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Files made under temporary names and put in place together once all of them are ready. The
 * slow and fallible work (linking or copying images, making and checking rdiffs) happens before
 * any published name changes, so a run that fails there leaves the mirror exactly as it was.
 */
final class StagedFiles {
    /** What to do once a file is in place, such as recording it in the job's state. */
    interface Committed {
        void run() throws IOException;
    }

    private record Staged(Path tmp, Path target, Checksums sums, Committed after) {
    }

    private final List<Staged> files = new ArrayList<>();

    /** Stages {@code tmp} to go in place as {@code target}, whose bytes have {@code sums}. */
    synchronized void add(Path tmp, Path target, Checksums sums, Committed after) {
        files.add(new Staged(tmp, target, sums, after));
    }

    /** The checksums of every staged file by its published name. */
    synchronized Map<String, Checksums> sumsByName() {
        Map<String, Checksums> out = new LinkedHashMap<>();
        for (Staged s : files) {
            out.put(s.target().getFileName().toString(), s.sums());
        }
        return out;
    }

    /** Renames every staged file over its target, in the order staged, each made durable first. */
    synchronized void commitAll(PublishedChanges changes) throws IOException {
        while (!files.isEmpty()) {
            Staged s = files.get(0);
            changes.rename(s.tmp(), s.target());
            files.remove(0);
            s.after().run();
        }
    }

    /** Deletes the staged files not put in place. */
    synchronized void discard() throws IOException {
        for (Staged s : files) {
            AtomicFiles.delete(s.tmp());
        }
        files.clear();
    }
}
