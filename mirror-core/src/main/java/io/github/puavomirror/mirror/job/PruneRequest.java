package io.github.puavomirror.mirror.job;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link MirrorPrune} cleans.
 *
 * @param mirrorDirectory the published mirror
 * @param dryRun          list what would be removed, remove nothing
 */
public record PruneRequest(Path mirrorDirectory, boolean dryRun) {
    public PruneRequest {
        Objects.requireNonNull(mirrorDirectory, "mirrorDirectory");
    }
}
