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

import io.github.puavomirror.mirror.job.MirrorBusyException;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.sync.SyncJob;
import io.github.puavomirror.mirror.sync.SyncRequest;
import io.github.puavomirror.mirror.sync.SyncSummary;
import io.github.puavomirror.rdiff.RdiffResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Mirrors chosen series of a served Puavo image repository, fetching rdiffs instead of whole images where it can. */
@Command(name = "sync",
        description = {
            "Mirror the series of the Puavo image repository at UPSTREAM_URL into MIRROR_DIR:",
            "new images are rebuilt from an image held here and an rdiff where the metas",
            "offer one, else downloaded whole; every file is checked against the metas",
            "before the metas and CKSUMS that list it are published.",
        },
        sortOptions = false,
        footer = {
            "",
            "Exit status: 0 done, 1 failed (the mirror is as it was), 2 usage error,",
            "3 another run holds the mirror (see --wait).",
        })
public final class SyncCommand implements Callable<Integer> {
    /** The exit status when another run holds the mirror's lock, so cron jobs can tell an overlap from a failure. */
    static final int BUSY = 3;

    @ParentCommand
    PuavoMirrorCommand parent;

    @Option(names = "--series", paramLabel = "NAME|GLOB",
            description = "A series to mirror (repeatable): a name, or a glob matched against the series of the"
                    + " images upstream's CKSUMS lists. Default: every series CKSUMS lists.")
    List<String> series = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Leave out the series matching GLOB (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--keep", paramLabel = "N",
            description = "Mirror only the newest N images of each series, with every rdiff into them.")
    int keep;

    @Option(names = {"-r", "--repository"}, paramLabel = "URL",
            description = "This mirror's URL, for the metas' urls (required unless --keep-urls).")
    String repository;

    @Option(names = "--keep-urls", description = "Keep upstream's urls in the metas.")
    boolean keepUrls;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "rdiffs downloaded at once; default: the number of CPUs.")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = {"-n", "--dry-run"}, description = "Say what would be downloaded; change nothing.")
    boolean dryRun;

    @Option(names = "--wait", description = "Wait for a run that holds the mirror instead of exiting with status 3.")
    boolean waitForLock;

    @Option(names = "--ca-certificate", paramLabel = "FILE", description = "Also trust the CAs of this PEM file.")
    Path caCertificate;

    @Mixin
    ProgressOption progress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
    boolean help;

    @Parameters(index = "0", paramLabel = "UPSTREAM_URL", description = "The served mirror to copy, https://host/.")
    String upstream;

    @Parameters(index = "1", paramLabel = "MIRROR_DIR", description = "The local mirror.")
    Path mirrorDir;

    @Override
    public Integer call() throws CliFailure {
        SyncRequest request = SyncRequest.builder(upstream, mirrorDir).seriesPatterns(series).excludePatterns(exclude)
                .keep(keep).repositoryUrl(repository).keepUrls(keepUrls).jobs(jobs).dryRun(dryRun)
                .waitForLock(waitForLock).caCertificate(caCertificate).build();
        CliIo io = parent.io();
        SyncSummary summary;
        try (ProgressRenderer renderer = progress.renderer(io, dryRun)) {
            summary = SyncJob.run(request, renderer);
        } catch (MirrorBusyException e) {
            throw new CliFailure(null, e.getMessage(), RdiffResult.IO_ERROR, BUSY, e);
        } catch (MirrorException e) {
            throw CliFailure.of(e);
        }
        PrintWriter out = io.outWriter();
        out.println((dryRun ? "dry run: " : "") + summary.summaryLine());
        out.flush();
        return 0;
    }
}
