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
package io.github.puavomirror.mirror.job;

import io.github.puavomirror.mirror.Names;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link MirrorVerify} found.
 *
 * @param problems      entries that do not describe their file, each naming the file
 * @param warnings      things that are not wrong for clients but worth a look (unlisted files)
 * @param filesChecked  distinct files read
 * @param bytesRead     bytes read to checksum them
 * @param rdiffsApplied rdiffs applied to their sources ({@code deep} only)
 */
public record VerifyReport(List<Problem> problems, List<String> warnings, int filesChecked, long bytesRead,
                           int rdiffsApplied) {

    /**
     * One problem: the file it concerns (a local path, or the URL of a served file with
     * {@code file} null) and what is wrong.
     */
    public record Problem(Path file, String url, String message) {
        public Problem(Path file, String message) {
            this(file, null, message);
        }

        /** A problem of a served file. */
        public static Problem at(String url, String message) {
            return new Problem(null, url, message);
        }

        /** The line users read: {@code file: message}. */
        public String line() {
            return Names.escape((url != null ? url : file) + ": " + message);
        }
    }

    public VerifyReport {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The closing line of a verify run. */
    public String summaryLine() {
        return (ok() ? "mirror OK: " : problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ": ")
                + filesChecked + " files checked (" + bytesRead + " bytes)"
                + (rdiffsApplied > 0 ? ", " + rdiffsApplied + " rdiffs applied" : "")
                + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s"));
    }
}
