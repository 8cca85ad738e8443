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
