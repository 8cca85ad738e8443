package io.github.puavomirror.mirror;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PuavoConfReader#read} found in an image.
 *
 * @param outcome whether definitions were read, or why the result is empty
 * @param conf the merged definitions; an empty object unless {@code outcome} is {@code READ}
 * @param warning a one-line warning naming the image, present exactly when {@code conf} is
 *     empty because of the outcome
 */
public record PuavoConfResult(Outcome outcome, ObjectNode conf, Optional<String> warning) {

    public enum Outcome {
        /** The definitions directory was read; {@code conf} may still be empty if it held no files. */
        READ,
        /** A squashfs image without {@code /usr/share/puavo-conf/definitions}. */
        NO_DEFINITIONS,
        /** Not a squashfs image at all (no magic, or empty file). */
        NOT_SQUASHFS
    }

    public PuavoConfResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(warning, "warning");
    }
}
