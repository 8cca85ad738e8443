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

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link MirrorPrune} removed (or, in a dry run, would remove).
 *
 * @param removals   each file with its size and why it goes
 * @param totalBytes their total size
 * @param dryRun     whether anything was actually removed
 */
public record PruneReport(List<Removal> removals, long totalBytes, boolean dryRun) {

    /** One file that no meta lists, or a temporary file a killed run left behind. */
    public record Removal(Path file, long size, String reason) {
    }

    public PruneReport {
        removals = List.copyOf(removals);
    }
}
