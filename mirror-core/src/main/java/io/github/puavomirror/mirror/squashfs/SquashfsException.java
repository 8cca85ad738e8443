package io.github.puavomirror.mirror.squashfs;

import java.io.IOException;
import java.nio.file.Path;

/** A squashfs image that cannot be read: truncated, corrupt, or using an unsupported feature. */
public class SquashfsException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path image;
    private final String problem;

    public SquashfsException(Path image, String problem) {
        this(image, problem, null);
    }

    public SquashfsException(Path image, String problem, Throwable cause) {
        super(image + ": " + problem, cause);
        this.image = image;
        this.problem = problem;
    }

    /** The image file the problem was found in. */
    public Path image() {
        return image;
    }

    /** The problem alone, without the image name. */
    public String problem() {
        return problem;
    }
}
