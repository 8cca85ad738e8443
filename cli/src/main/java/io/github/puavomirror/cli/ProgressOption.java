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
import io.github.puavomirror.mirror.job.ProgressMode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --progress=auto|bar|lines|none}, for the commands that run a mirror job. */
final class ProgressOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--progress", paramLabel = "WHEN",
            description = "auto (a bar when stderr is a terminal, else one line per step), bar, lines or none.")
    String choice = "auto";

    /** The renderer for this choice, on {@code io}'s streams. */
    ProgressRenderer renderer(CliIo io, boolean dryRun) {
        return renderer(io, dryRun, true);
    }

    /**
     * The renderer for this choice, on {@code io}'s streams.
     *
     * @param lines false to show nothing where {@code auto} would print a line per step
     */
    ProgressRenderer renderer(CliIo io, boolean dryRun, boolean lines) {
        ProgressMode chosen;
        try {
            chosen = ProgressMode.parse(choice);
        } catch (MirrorException e) {
            throw CliNames.usage(mixee, e);
        }
        ProgressRenderer.Mode mode = switch (chosen) {
            case AUTO -> io.errIsTerminal() ? ProgressRenderer.Mode.BAR
                    : lines ? ProgressRenderer.Mode.LINES : ProgressRenderer.Mode.NONE;
            case BAR -> ProgressRenderer.Mode.BAR;
            case LINES -> ProgressRenderer.Mode.LINES;
            case NONE -> ProgressRenderer.Mode.NONE;
        };
        ProgressRenderer r = new ProgressRenderer(mode, dryRun, io.outWriter(), io.err(), System::nanoTime,
                terminalColumns());
        r.startTicker();
        return r;
    }

    /** Shells set COLUMNS but rarely export it; 80 is the safe guess otherwise. */
    private static int terminalColumns() {
        String columns = System.getenv("COLUMNS");
        if (columns != null) {
            try {
                int n = Integer.parseInt(columns.trim());
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                return 80;
            }
        }
        return 80;
    }
}
