package io.github.puavomirror.mirror.squashfs;

import java.nio.file.Path;

/** The file does not start with the squashfs 4.0 magic, so it is not a squashfs image at all. */
public final class NotSquashfsException extends SquashfsException {
    private static final long serialVersionUID = 1L;

    public NotSquashfsException(Path image, String problem) {
        super(image, problem);
    }
}
