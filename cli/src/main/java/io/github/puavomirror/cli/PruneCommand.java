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

import io.github.puavomirror.mirror.Sizes;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorListener;
import io.github.puavomirror.mirror.job.MirrorPrune;
import io.github.puavomirror.mirror.job.PruneReport;
import io.github.puavomirror.mirror.job.PruneRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** amxa's {@code puavo-mirror-clean}: removes what no meta lists any more. */
@Command(name = "prune",
        description = {
            "Remove the images and rdiffs of MIRROR_DIR that no meta lists any more,",
            "and the temporary files of interrupted runs.",
        },
        sortOptions = false,
        footer = {"", "Exit status: 0 done, 1 failed, 2 usage error."})
public final class PruneCommand implements Callable<Integer> {
    @ParentCommand
    PuavoMirrorCommand parent;

    @Option(names = {"-n", "--dry-run"}, description = "List what would be removed; remove nothing.")
    boolean dryRun;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
    boolean help;

    @Parameters(index = "0", paramLabel = "MIRROR_DIR", description = "The published mirror.")
    Path mirrorDir;

    @Override
    public Integer call() throws CliFailure {
        Path dir = mirrorDir.toAbsolutePath().normalize();
        PruneReport report;
        try {
            // The report lists every removal; the job's own notes would repeat them.
            report = MirrorPrune.run(new PruneRequest(dir, dryRun), MirrorListener.NONE);
        } catch (MirrorException e) {
            throw CliFailure.of(e);
        }
        PrintWriter out = parent.io().outWriter();
        String verb = report.dryRun() ? "would remove" : "removed";
        for (PruneReport.Removal r : report.removals()) {
            out.println(verb + " " + dir.relativize(r.file()) + "  " + Sizes.bytes(r.size()) + "  (" + r.reason() + ")");
        }
        out.println(report.removals().isEmpty() ? "nothing to remove"
                : verb + " " + report.removals().size() + " file" + (report.removals().size() == 1 ? "" : "s") + ", "
                        + Sizes.bytes(report.totalBytes()) + " in all");
        out.flush();
        return 0;
    }
}
