package io.github.puavomirror.mirror.job;

import java.nio.file.Path;

/**
 * What {@link MirrorPrune} cleans; {@link MirrorPrune#run} calls {@link #check()} first.
 *
 * @param mirrorDirectory the published mirror
 * @param dryRun          list what would be removed, remove nothing
 */
public record PruneRequest(Path mirrorDirectory, boolean dryRun) {

    /** @throws MirrorException a usage error naming the parameter at fault */
    public void check() throws MirrorException {
        if (mirrorDirectory == null) {
            throw MirrorException.usage(RequestChecks.required());
        }
    }
}
