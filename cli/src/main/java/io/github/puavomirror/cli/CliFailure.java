/*
 * Copyright 2026 the puavo-mirror authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.puavomirror.cli;

import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.OutOfHeapException;
import io.github.puavomirror.rdiff.RdiffResult;

/**
 * A job that failed for a reason worth one line to the user: {@code puavo-mirror: SUBJECT: PROBLEM}.
 * It carries both exit codes because the rdiff subcommand exits with librsync's result codes and
 * every other command with 1 (or 2 for a usage error).
 */
public final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;
    /** Where bin/puavo-mirror takes JVM options from. */
    static final String JAVA_OPTIONS_VARIABLE = "PUAVO_MIRROR_JAVA_OPTS";

    private final String subject;
    private final RdiffResult rdiffResult;
    private final int exitCode;

    /**
     * @param subject     the file (or other thing) at fault, or null when there is none
     * @param problem     what went wrong, without the subject
     * @param rdiffResult the code the rdiff subcommand exits with
     * @param exitCode    the code every other command exits with
     */
    public CliFailure(String subject, String problem, RdiffResult rdiffResult, int exitCode, Throwable cause) {
        super(problem, cause);
        this.subject = subject;
        this.rdiffResult = rdiffResult;
        this.exitCode = exitCode;
    }

    /** A failed job: exit 1, or {@code rdiffResult}'s code under rdiff. */
    public static CliFailure failed(String subject, String problem, RdiffResult rdiffResult, Throwable cause) {
        return new CliFailure(subject, problem, rdiffResult, ExitCodePolicy.FAILURE, cause);
    }

    /** A failed mirror job: exit 2 when the request itself was wrong, else 1; the message names the file. */
    public static CliFailure of(MirrorException e) {
        if (e instanceof OutOfHeapException heap) {
            return outOfHeap(heap);
        }
        String message = e.message(CliNames.SPELLING);
        return e.isUsage()
                ? new CliFailure(null, message, RdiffResult.SYNTAX_ERROR, ExitCodePolicy.USAGE, e)
                : new CliFailure(null, message, RdiffResult.IO_ERROR, ExitCodePolicy.FAILURE, e);
    }

    /** Too little heap: exit 1, or librsync's RS_MEM_ERROR under rdiff; the line says how the launcher gives more. */
    public static CliFailure outOfHeap(OutOfHeapException e) {
        return failed(null, e.line(JAVA_OPTIONS_VARIABLE), RdiffResult.MEM_ERROR, e);
    }

    public RdiffResult rdiffResult() {
        return rdiffResult;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The error line, without the program name. */
    public String line() {
        return subject == null ? getMessage() : subject + ": " + getMessage();
    }
}
