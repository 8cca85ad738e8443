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

import io.github.puavomirror.mirror.http.ServedMirror;
import io.github.puavomirror.mirror.http.ServedVerify;
import io.github.puavomirror.mirror.http.ServedVerifyRequest;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorVerify;
import io.github.puavomirror.mirror.job.VerifyReport;
import io.github.puavomirror.mirror.job.VerifyRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Checks a published mirror against its metas and CKSUMS, as its clients will. */
@Command(name = "verify",
        description = {
            "Check that every file the metas and CKSUMS of MIRROR_DIR list is there",
            "with the size and checksums they give, and that every rdiff's source is",
            "an image of its series.",
            "Given a URL, check the mirror served there as its clients see it: metas",
            "parse, every listed file is there with its size (HEAD) and answers range",
            "requests, metas and CKSUMS agree; --deep downloads files and checks their",
            "size and SHA-256 (it does not apply rdiffs on a URL).",
        },
        sortOptions = false,
        footer = {
            "",
            "Problems go to stdout, one line each naming the file, then a summary line;",
            "warnings (unlisted or temporary files) and progress go to stderr.",
            "Exit status: 0 no problem, 1 problems found or the check failed, 2 usage error.",
        })
public final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    PuavoMirrorCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--deep", description = "Also apply every rdiff to its source and compare with its target;"
            + " on a URL, download every file and check its size and SHA-256.")
    boolean deep;

    @Option(names = "--sample", paramLabel = "N", description = "On a URL with --deep: download only N files, chosen at random.")
    int sample;

    @Option(names = "--ca-certificate", paramLabel = "FILE", description = "On a URL: also trust the CAs of this PEM file.")
    Path caCertificate;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Files read at once; default: the number of CPUs.")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Mixin
    EngineOption engineOption;

    @Mixin
    ProgressOption progress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
    boolean help;

    @Parameters(index = "0", paramLabel = "MIRROR_DIR", description = "The published mirror: its folder, or its URL.")
    String mirror;

    @Override
    public Integer call() throws CliFailure {
        boolean served = ServedMirror.isUrl(mirror);
        if (!served && (sample != 0 || caCertificate != null)) {
            throw new ParameterException(spec.commandLine(), "--sample and --ca-certificate apply to a URL only");
        }
        VerifyRequest request = served ? null : new VerifyRequest(Path.of(mirror), deep, engineOption.name(), jobs);
        try {
            if (request != null) {
                request.check();
            } else if (jobs < 1) {
                throw new ParameterException(spec.commandLine(), "--jobs: must be at least 1, got " + jobs);
            }
        } catch (MirrorException e) {
            throw CliNames.usage(spec, e);
        }
        CliIo io = parent.io();
        VerifyReport report;
        try (ProgressRenderer renderer = progress.renderer(io, false)) {
            report = served ? ServedVerify.run(new ServedVerifyRequest(mirror, deep, sample, caCertificate, jobs), renderer)
                    : MirrorVerify.run(request, renderer);
        } catch (MirrorException e) {
            throw CliFailure.of(e);
        }
        report.warnings().forEach(w -> io.err().println("puavo-mirror: warning: " + w));
        return print(report, io.outWriter());
    }

    /** Prints the problems and the summary line; the exit code: 1 when there are problems. */
    static int print(VerifyReport report, PrintWriter out) {
        report.problems().forEach(p -> out.println(p.line()));
        out.println(report.summaryLine());
        out.flush();
        return report.ok() ? 0 : ExitCodePolicy.FAILURE;
    }
}
