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

/**
 * The outcome of a run.
 *
 * @param series        series published
 * @param images        images listed in the metas
 * @param rdiffs        rdiffs listed in the metas
 * @param rdiffsBuilt   rdiffs made in this run
 * @param filesWritten  published files (images, rdiffs, metas, CKSUMS) created or replaced in this run
 * @param imageBytes    total size of the listed images
 * @param rdiffBytes    total size of the listed rdiffs
 * @param savedBytes    what clients save by fetching rdiffs instead of their target images
 * @param nanos         the job's own wall time: from reading the request through planning to the last
 *                      file published, without the start of the JVM or of the build tool around it
 */
public record MirrorSummary(int series, int images, int rdiffs, int rdiffsBuilt, int filesWritten,
                            long imageBytes, long rdiffBytes, long savedBytes, long nanos) {

    /** True when the run found nothing to do. */
    public boolean upToDate() {
        return filesWritten == 0;
    }

    /**
     * {@link #nanos} as every front end prints it in its closing summary, e.g. {@code 5.3 s}: formatted
     * here once, so that the CLI's, the Maven goal's and the Ant task's lines can be compared.
     */
    public String jobTime() {
        return Sizes.duration(nanos);
    }
}
