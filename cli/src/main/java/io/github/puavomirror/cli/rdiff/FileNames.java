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
import io.github.puavomirror.rdiff.RdiffResult;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** rdiff's file-name conventions and the wording of file errors. */
public final class FileNames {
    static final String STDIO = "-";

    private FileNames() {
    }

    /** rdiff reads stdin or writes stdout for a missing name or {@code -}. */
    static boolean isStdio(String name) {
        return name == null || STDIO.equals(name);
    }

    /** How an error line names a file. */
    static String display(String name, boolean output) {
        return isStdio(name) ? (output ? "<stdout>" : "<stdin>") : name;
    }

    /** The failure for a file that cannot be opened, in librsync's words: {@code Error opening "NAME" for read: REASON}. */
    static CliFailure openFailure(String name, boolean output, IOException e) {
        return CliFailure.failed(null, "Error opening \"" + display(name, output) + "\" for " + (output ? "write" : "read")
                + ": " + reason(e), RdiffResult.IO_ERROR, e);
    }

    /** librsync's words for an output that exists without {@code -f}: {@code File exists "NAME", aborting!}. */
    static String fileExists(String name) {
        return "File exists \"" + name + "\", aborting! (use -f to overwrite)";
    }

    /** The operating system's reason, as strerror would say it, for file-system exceptions. */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
