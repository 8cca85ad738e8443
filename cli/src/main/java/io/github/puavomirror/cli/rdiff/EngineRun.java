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
package io.github.puavomirror.cli.rdiff;

import io.github.puavomirror.cli.CliFailure;
import io.github.puavomirror.rdiff.RdiffException;
import io.github.puavomirror.rdiff.RdiffResult;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * One engine call of {@code rdiff} or {@code diff}: picks the by-path or the streamed route, runs
 * the call with its errors attributed to the file they belong to (rdiff's one-line failures),
 * commits the output, and keeps the time for the {@code -s} lines.
 */
final class EngineRun {
    private EngineRun() {
    }

    /** One engine call. */
    @FunctionalInterface
    interface EngineCall<T> {
        T run() throws IOException;
    }

    /**
     * The file the engine should write by path when every input is a named regular file, so that
     * an engine (librsync above all) opens the files itself instead of the CLI streaming them;
     * null to stream.
     */
    static Path outputFile(OutputTarget out, InputSource... inputs) {
        for (InputSource in : inputs) {
            if (in.regularFile() == null) {
                return null;
            }
        }
        return out.fileForEngine();
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
            throw contentFailure(subject, e);
        } catch (IOException e) {
            String who = subject;
            if (output.stream().failed()) {
                who = output.displayName();
            } else {
                for (InputSource in : inputs) {
                    if (in.failed()) {
                        who = in.displayName();
                        break;
                    }
                }
            }
            throw CliFailure.failed(who, FileNames.reason(e), RdiffResult.IO_ERROR, e);
        }
    }

    /**
     * {@link #run} for an engine that reads the inputs' files and writes
     * {@link OutputTarget#fileForEngine()} by path, so the CLI's streams see no bytes. An I/O error
     * naming one of those files is blamed on it; one naming no file on the output, as the inputs
     * have opened already and a write (a full disk, a quota) is what usually fails then.
     */
    static <T> T runOnFiles(EngineCall<T> call, String subject, OutputTarget output, InputSource... inputs)
            throws CliFailure {
        try {
            return call.run();
        } catch (RdiffException e) {
            throw contentFailure(subject, e);
        } catch (IOException e) {
            String who = subject;
            if (!(e instanceof FileSystemException f) || f.getFile() == null) {
                who = output.displayName();
            } else if (f.getFile().equals(String.valueOf(output.fileForEngine()))) {
                who = output.displayName();
            } else {
                for (InputSource in : inputs) {
                    if (f.getFile().equals(String.valueOf(in.regularFile()))) {
                        who = in.displayName();
                        break;
                    }
                }
            }
            throw CliFailure.failed(who, FileNames.reason(e), RdiffResult.IO_ERROR, e);
        }
    }

    private static CliFailure contentFailure(String subject, RdiffException e) {
        String detail = e.getMessage();
        String problem = detail.equals(e.result().message()) ? detail : detail + " (" + e.result().message() + ")";
        return CliFailure.failed(subject, problem, e.result(), e);
    }

    /** Moves a finished output into place; a failure is the output's. */
    static void commit(OutputTarget output) throws CliFailure {
        try {
            output.commit();
        } catch (IOException e) {
            // "File exists" names the file itself, in librsync's words.
            String subject = e instanceof FileAlreadyExistsException ? null : output.displayName();
            throw CliFailure.failed(subject, FileNames.reason(e), RdiffResult.IO_ERROR, e);
        }
    }

    /** Wall-clock seconds, as librsync's stats take them from {@code time()}. */
    static long now() {
        return Instant.now().getEpochSecond();
    }
}
