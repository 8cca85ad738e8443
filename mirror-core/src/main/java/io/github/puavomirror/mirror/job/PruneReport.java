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
