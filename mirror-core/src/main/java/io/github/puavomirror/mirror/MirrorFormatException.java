package io.github.puavomirror.mirror;

import java.io.IOException;

/**
 * A published mirror file (a {@code meta/<series>.json} or {@code CKSUMS}) that does not have the expected
 * format. The message is one line and names the file and the problem.
 */
public class MirrorFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public MirrorFormatException(String message) {
        super(message);
    }

    public MirrorFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
