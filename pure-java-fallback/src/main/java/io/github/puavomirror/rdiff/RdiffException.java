package io.github.puavomirror.rdiff;

import java.io.IOException;

/**
 * A failure with librsync's result code, thrown by every engine for bad input, so callers can
 * exit with the same status as rdiff.
 */
public class RdiffException extends IOException {
    private static final long serialVersionUID = 1L;

    private final RdiffResult result;

    public RdiffException(RdiffResult result, String detail) {
        super(detail == null || detail.isEmpty() ? result.message() : detail);
        this.result = result;
    }

    public RdiffException(RdiffResult result, String detail, Throwable cause) {
        this(result, detail);
        initCause(cause);
    }

    public RdiffResult result() {
        return result;
    }
}
