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
package io.github.puavomirror.mirror.sync;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a sync.
 *
 * @param series          series mirrored
 * @param images          images the metas list
 * @param fetchedWhole    images downloaded whole
 * @param rebuilt         images rebuilt from an image held here and a downloaded rdiff
 * @param rdiffsFetched   rdiffs downloaded
 * @param bytesDownloaded bytes received, metas and CKSUMS included
 * @param imageBytes      total size of the images the metas list
 * @param filesWritten    published files created or replaced
 * @param nanos           wall time
 */
public record SyncSummary(int series, int images, List<String> fetchedWhole, List<String> rebuilt, int rdiffsFetched,
                          long bytesDownloaded, long imageBytes, int filesWritten, long nanos) {
    public SyncSummary {
        fetchedWhole = List.copyOf(fetchedWhole);
        rebuilt = List.copyOf(rebuilt);
    }

    /** The closing line of a run. */
    public String summaryLine() {
        return series + " series, " + images + " images: " + fetchedWhole.size() + " fetched whole, " + rebuilt.size()
                + " rebuilt from rdiffs, " + rdiffsFetched + " rdiffs fetched; " + bytesDownloaded
                + " bytes downloaded for " + imageBytes + " bytes of images; " + filesWritten + " files written in "
                + String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
