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
