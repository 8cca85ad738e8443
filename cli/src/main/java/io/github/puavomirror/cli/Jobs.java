package io.github.puavomirror.cli;

import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.RdiffResult;

import java.io.IOException;
import java.time.Instant;

/** What the commands that run an engine share: error attribution, commit and timing. */
final class Jobs {
    private Jobs() {
    }

    /** One engine call. */
    @FunctionalInterface
    interface EngineCall<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code call}, turning engine errors into one-line failures. An I/O error is blamed on the
     * stream that failed (an output that cannot be written, an input that cannot be read); other
     * errors on {@code subject}, the input whose content the operation is about.
     */
    static <T> T run(EngineCall<T> call, String subject, OutputTarget output, InputSource... inputs)
            throws CliFailure {
        try {
            return call.run();
        } catch (RdiffException e) {
            String detail = e.getMessage();
            String problem = detail.equals(e.result().message()) ? detail : detail + " (" + e.result().message() + ")";
            throw CliFailure.failed(subject, problem, e.result(), e);
        } catch (IOException e) {
            String who = subject;
            if (output.stream().failed()) {
                who = output.displayName();
            } else {
                for (InputSource in : inputs) {
                    if (in.stream().failed()) {
                        who = in.displayName();
                        break;
                    }
                }
            }
            throw CliFailure.failed(who, FileNames.reason(e), RdiffResult.IO_ERROR, e);
        }
    }

    /** Moves a finished output into place; a failure is the output's. */
    static void commit(OutputTarget output) throws CliFailure {
        try {
            output.commit();
        } catch (IOException e) {
            throw CliFailure.failed(output.displayName(), FileNames.reason(e), RdiffResult.IO_ERROR, e);
        }
    }

    /** Wall-clock seconds, as librsync's stats take them from {@code time()}. */
    static long now() {
        return Instant.now().getEpochSecond();
    }
}
