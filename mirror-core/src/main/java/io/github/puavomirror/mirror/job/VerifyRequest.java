package io.github.puavomirror.mirror.job;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link MirrorVerify} checks.
 *
 * @param mirrorDirectory the published mirror
 * @param deep            also apply every rdiff to its source and compare the result with its target
 * @param engine          engine for {@code deep}: {@code auto}, {@code java}, {@code native}, or null
 * @param jobs            files read at once
 */
public record VerifyRequest(Path mirrorDirectory, boolean deep, String engine, int jobs) {
    public VerifyRequest {
        Objects.requireNonNull(mirrorDirectory, "mirrorDirectory");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
    }
}
