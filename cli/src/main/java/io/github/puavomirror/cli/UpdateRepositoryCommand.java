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

import io.github.puavomirror.mirror.job.InvalidParameterException;
import io.github.puavomirror.mirror.job.JobParameter;
import io.github.puavomirror.mirror.job.MirrorException;
import io.github.puavomirror.mirror.job.MirrorJob;
import io.github.puavomirror.mirror.job.MirrorRequest;
import io.github.puavomirror.mirror.job.MirrorSummary;
import io.github.puavomirror.rdiff.SignatureOptions;
import io.github.puavomirror.rdiff.SignatureType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * amxa's {@code puavo-update-repository} plus puavo-os {@code make rdiffs} in one job: find the
 * images, build the rdiffs, write the metas and CKSUMS.
 */
@Command(name = "update-repository",
        description = {
            "Publish the images of IMAGE_DIR as a Puavo image mirror in MIRROR_DIR:",
            "hard links to the images, rdiffs to the newest images of each series,",
            "meta/<series>.json and CKSUMS. Only what changed is rebuilt, and every",
            "file appears whole (written under a temporary name, then renamed).",
        },
        sortOptions = false,
        footer = {
            "",
            "Series: without -p they are found in IMAGE_DIR, one per <prefix>-<arch> of",
            "<prefix>-<dist>-<YYYY-MM-DD-HHMMSS>-<arch>.img, images by date. -p DIR reads",
            "the series from DIR/config/images/*.json; with --write-config the series",
            "found in IMAGE_DIR are written there first. puavo-os is used only when -p is",
            "given (the old tool defaulted to /puavo-os); bin/puavo-update-repository keeps",
            "the old tool's options (-p DIR writes the config unless -n).",
            "",
            "Deprecated, still accepted with a warning: --no-config and --no-files (reading",
            "is the default), -H/--hash and -R/--rollsum (use --signature-type), --targets",
            "(use --rdiff-targets).",
            "",
            "Progress goes to stderr; the plan (--dry-run) and the summary to stdout.",
            "Exit status: 0 done, 1 failed (the mirror is left as it was), 2 usage error.",
        })
public final class UpdateRepositoryCommand implements Callable<Integer> {
    @ParentCommand
    PuavoMirrorCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--repository"}, paramLabel = "URL",
            description = "URL prefix of the meta 'urls' (https:// is added to a bare host); default: "
                    + MirrorRequest.DEFAULT_REPOSITORY + ".")
    String repository;

    @Option(names = {"-p", "--puavo-os"}, paramLabel = "DIR",
            description = "A puavo-os checkout: publish the series of DIR/config/images/*.json.")
    Path puavoOs;

    @Option(names = "--write-config",
            description = "With -p: first write the series found in IMAGE_DIR to DIR/config/images/<dist>.json.")
    boolean writeConfig;

    @Option(names = {"--no-config", "--no-files"}, hidden = true)
    boolean deprecatedNoConfig;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Files read and rdiffs built at once; default: the number of CPUs. Fewer rdiffs run"
                    + " at once when their source indexes would not fit in 85%% of the heap.")
    Integer jobs;

    @Mixin
    EngineOption engineOption;

    @Option(names = "--signature-type", paramLabel = "TYPE",
            description = "rdiff signature: blake2-rabinkarp (default, rdiff 2.3), blake2-rollsum, md4-rabinkarp"
                    + " or md4-rollsum.")
    String signatureType = SignatureType.DEFAULT.label();

    @Option(names = {"-H", "--hash"}, hidden = true)
    String deprecatedHash;

    @Option(names = {"-R", "--rollsum"}, hidden = true)
    String deprecatedRollsum;

    @Option(names = "--block-size", paramLabel = "BYTES",
            description = "rdiff signature block size; default 128 (puavo-os bookworm), 0 for librsync's choice.")
    int blockSize = SignatureOptions.PUAVO_BOOKWORM.blockLength();

    @Option(names = "--sum-size", paramLabel = "BYTES",
            description = "rdiff strong sum length; default 0 (the longest), -1 for the shortest safe one.")
    int sumSize = SignatureOptions.PUAVO_BOOKWORM.strongLength();

    @Option(names = "--rdiff-targets", paramLabel = "N",
            description = "How many of the newest images of a series get rdiffs; default "
                    + MirrorRequest.DEFAULT_RDIFF_TARGETS + ".")
    int targets = MirrorRequest.DEFAULT_RDIFF_TARGETS;

    @Option(names = "--targets", hidden = true)
    Integer deprecatedTargets;

    @Option(names = "--keep", paramLabel = "N", description = "Publish only the newest N images of each series; "
            + "default 0, all.")
    int keep;

    @Option(names = "--no-verify-rdiffs",
            description = "Do not apply each new rdiff to its source and compare the result before publishing.")
    boolean noVerifyRdiffs;

    @Option(names = {"-n", "--dry-run"}, description = "Print what would be built; change nothing.")
    boolean dryRun;

    @Mixin
    ProgressOption progress;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
    boolean help;

    @Parameters(index = "0", paramLabel = "IMAGE_DIR", description = "The folder with the built *.img files.")
    Path imageDir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "MIRROR_DIR",
            description = "The mirror to publish into; default: IMAGE_DIR/mirror.")
    Path mirrorDir;

    @Override
    public Integer call() throws CliFailure {
        MirrorRequest request = request();
        CliIo io = parent.io();
        MirrorSummary summary;
        ProgressRenderer renderer = progress.renderer(io, dryRun);
        try (renderer) {
            summary = MirrorJob.run(request, renderer);
        } catch (MirrorException e) {
            throw CliFailure.of(e);
        }
        PrintWriter out = io.outWriter();
        renderer.summaryLines(summary).forEach(out::println);
        out.flush();
        return 0;
    }

    /** The job's request, checked by the core: a wrong parameter is a usage error before anything runs. */
    MirrorRequest request() {
        try {
            MirrorRequest request = MirrorRequest.builder(imageDir)
                    .mirrorDirectory(mirrorDir)
                    .repositoryUrl(repository)
                    .puavoOsDirectory(puavoOs)
                    .writeConfig(writeConfig)
                    .signature(new SignatureOptions(signatureType(), blockSize, sumSize))
                    .engine(engineOption.name())
                    .rdiffTargets(rdiffTargets())
                    .keep(keep)
                    .verifyRdiffs(!noVerifyRdiffs)
                    .dryRun(dryRun)
                    .jobs(jobs != null ? jobs : Runtime.getRuntime().availableProcessors())
                    .build();
            request.check();
            if (deprecatedNoConfig) {
                CliNames.deprecated(parent.io().err(), "--no-config", "reading the series of -p DIR is the default;"
                        + " --write-config writes them");
            }
            return request;
        } catch (MirrorException e) {
            throw CliNames.usage(spec, e);
        }
    }

    /** {@code --signature-type}, with what the deprecated {@code -H} and {@code -R} say instead. */
    private SignatureType signatureType() throws MirrorException {
        SignatureType type = MirrorRequest.signatureType(signatureType);
        if (deprecatedHash == null && deprecatedRollsum == null) {
            return type;
        }
        CliNames.deprecated(parent.io().err(), "-H/--hash and -R/--rollsum", "use --signature-type <hash>-<rollsum>");
        try {
            return SignatureType.ofAlgorithms(deprecatedHash != null ? deprecatedHash : type.hashName(),
                    deprecatedRollsum != null ? deprecatedRollsum : type.rollsumName());
        } catch (IllegalArgumentException e) {
            throw MirrorException.usage(InvalidParameterException.of(JobParameter.SIGNATURE_TYPE, e.getMessage()));
        }
    }

    private int rdiffTargets() {
        if (deprecatedTargets == null) {
            return targets;
        }
        CliNames.deprecated(parent.io().err(), "--targets", "use --rdiff-targets");
        return deprecatedTargets;
    }
}
