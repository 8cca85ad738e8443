package io.github.puavomirror.cli;

/**
 * How a command turns errors into exit codes. A command that does not implement this interface
 * gets puavo-mirror's codes: 2 for a usage error, 1 for a failed job. rdiff overrides both with
 * librsync's result codes.
 */
public interface ExitCodePolicy {
    int USAGE = 2;
    int FAILURE = 1;

    /** The policy of commands that keep puavo-mirror's codes. */
    ExitCodePolicy DEFAULT = new ExitCodePolicy() {
    };

    /** The code for bad command-line syntax. */
    default int usageError() {
        return USAGE;
    }

    /** The code for a job that failed with {@code error}. */
    default int failure(Throwable error) {
        return error instanceof CliFailure f ? f.exitCode() : FAILURE;
    }

    /** The policy of {@code command}: its own when it implements this interface. */
    static ExitCodePolicy of(Object command) {
        return command instanceof ExitCodePolicy p ? p : DEFAULT;
    }
}
