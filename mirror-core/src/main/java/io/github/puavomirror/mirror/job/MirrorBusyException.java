package io.github.puavomirror.mirror.job;

/**
 * Another run holds the mirror's lock. Front ends give it an exit code of its own, so that a
 * periodic job can tell an overlap from a failure.
 */
public final class MirrorBusyException extends MirrorException {
    private static final long serialVersionUID = 1L;

    public MirrorBusyException(String message) {
        super(message);
    }
}
