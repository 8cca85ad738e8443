package io.github.puavomirror.mirror;

import java.util.Objects;

/**
 * One rdiff to build and publish: a delta that turns {@code source} into {@code target}.
 *
 * @param source the image the client already has (its signature is the delta's basis)
 * @param target the image the client wants
 */
public record RdiffPair(ImageName source, ImageName target) {

    /** @throws IllegalArgumentException if source and target are the same image */
    public RdiffPair {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (source.equals(target)) {
            throw new IllegalArgumentException("an rdiff needs two different images: " + source);
        }
    }

    /** The file name under {@code rdiffs/}, see {@link ImageName#rdiffName(ImageName, ImageName)}. */
    public String rdiffName() {
        return ImageName.rdiffName(source, target);
    }

    /** The meta {@code version} of this rdiff: the source stamp's 14 digits (bootservers rely on this). */
    public String version() {
        return ImageName.rdiffVersion(source);
    }
}
